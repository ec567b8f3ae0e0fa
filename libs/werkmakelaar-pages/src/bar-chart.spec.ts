import { barChartSvg } from './bar-chart';

describe('server-rendered bar chart', () => {
  it.each([
    [
      'scales bars to the largest value',
      [
        { label: 'A', value: 10 },
        { label: 'B', value: 5 },
      ],
      ['width="320"', 'width="160"'],
    ],
    [
      'draws no bar for a hidden cell and says <5',
      [
        { label: 'A', value: 10 },
        { label: 'B', value: null },
      ],
      ['width="0"', '&lt;5'],
    ],
    ['survives all zeros', [{ label: 'A', value: 0 }], ['width="0"']],
    ['escapes labels', [{ label: 'Werk & <studie>', value: 1 }], ['Werk &amp; &lt;studie&gt;']],
  ])('%s', (_name, bars, fragments) => {
    const svg = barChartSvg('grafiek', 'Titel', bars);
    for (const f of fragments) expect(svg).toContain(f);
  });

  it('is an image with a title and a description that hold every figure', () => {
    const svg = barChartSvg('g1', 'Trajecten', [
      { label: 'Gestart', value: 290 },
      { label: 'Klein', value: null },
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="g1-titel g1-beschrijving"/);
    expect(svg).toContain('<title id="g1-titel">Trajecten</title>');
    expect(svg).toContain('<desc id="g1-beschrijving">Gestart: 290; Klein: minder dan 5</desc>');
    expect(svg).not.toMatch(/style=|<script/);
  });
});
