import type { ImportJobView } from '@werkbrug/import';
import {
  findingRows,
  jobModel,
  kindOfSlug,
  otherHeaders,
  progressText,
  readableHelp,
  runConsequences,
  templateOfFileName,
  totalRows,
  type ImportAudience,
} from './import-page-model';

const BROKER: ImportAudience = { base: '/werkmakelaar/import', views: 'x', admin: false };

const job = (overrides: Partial<ImportJobView> = {}): ImportJobView => ({
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'candidates',
  organisationId: 'org',
  fileName: 'kandidaten.xlsx',
  dryRun: true,
  status: 'done',
  progress: { rowsDone: 3, rowsTotal: 3 },
  totals: { new: 2, changed: 0, unchanged: 0, refused: 1, duplicates: 0 },
  problems: [],
  problemsPage: { page: 1, pageSize: 50, total: 0 },
  failure: null,
  dryRunJobId: null,
  runJobId: null,
  createdAt: '2026-11-20T09:15:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

describe('import page words', () => {
  it.each([
    [
      'ma, di, wo, do, vr, za, zo',
      'maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag',
    ],
    ['lopen, fiets, ebike, ov of auto', 'lopen, fiets, e-bike, ov of auto'],
    [
      'bijstand, wajong, wia, ww, ziektewet, ioaw, geen of overig',
      'bijstand, Wajong, WIA, WW, ziektewet, IOAW, geen of overig',
    ],
    // Sentences and other lists stay as they are ("zo" and "do" are words too).
    ['Leeg: de plaats bij de postcode', 'Leeg: de plaats bij de postcode'],
    ['ochtend, middag, avond, nacht', 'ochtend, middag, avond, nacht'],
    ['24 of 16-24', '24 of 16-24'],
    ['zo nodig, 12,5 of meer', 'zo nodig, 12,5 of meer'],
  ])('says the help "%s" as "%s"', (help, said) => expect(readableHelp(help)).toBe(said));

  it.each([
    ['E-mail', ['E-mailadres', 'Email', 'Mail'], ['E-mailadres', 'Mail']],
    ['Postcode', ['postcode', 'Post code', 'PC'], ['PC']],
    ['Voornaam', ['Roepnaam'], ['Roepnaam']],
  ])('lists the other headers of %s without spelling variants', (header, synonyms, said) =>
    expect(otherHeaders({ header, synonyms })).toEqual(said),
  );

  it.each([
    ['kandidaten', 'candidates'],
    ['werkgevers', 'employers'],
    ['werkplekken', 'workplaces'],
    ['candidates', null],
    ['', null],
  ])('reads the kind "%s" as %s', (slug, kind) => expect(kindOfSlug(slug)).toBe(kind));

  it.each([
    ['kandidaten.xlsx', { kind: 'candidates', format: 'xlsx' }],
    ['werkplekken.csv', { kind: 'workplaces', format: 'csv' }],
    ['kandidaten.pdf', null],
    ['../kandidaten.csv', null],
    ['candidates.csv', null],
  ])('reads the template name %s', (name, want) => expect(templateOfFileName(name)).toEqual(want));

  it.each<[Partial<ImportJobView>, string]>([
    [{ status: 'queued' }, 'De import wacht op zijn beurt. Dat duurt meestal maar even.'],
    [{ status: 'running', progress: { rowsDone: 0, rowsTotal: 0 } }, 'Werkbrug leest het bestand.'],
    [
      { status: 'running', progress: { rowsDone: 312, rowsTotal: 600 } },
      '312 van 600 rijen gelezen.',
    ],
    [
      { status: 'running', progress: { rowsDone: 1200, rowsTotal: 10000 } },
      '1.200 van 10.000 rijen gelezen.',
    ],
  ])('says the progress of %j', (over, text) => expect(progressText(job(over))).toBe(text));

  it('counts a dry run in what would happen, a real run in what happened', () => {
    expect(totalRows(job()).map((r) => `${r.key} ${r.value}`)).toEqual([
      'Nieuw 2',
      'Gewijzigd 0',
      'Ongewijzigd 0',
      'Geweigerd 1',
      'Mogelijk dubbel 0',
    ]);
    expect(totalRows(job({ dryRun: false }))[0]).toEqual({ key: 'Toegevoegd', value: '2' });
  });

  it('says findings with the row, the column and what becomes of the row', () => {
    expect(
      findingRows([
        { row: 0, column: null, value: null, message: 'Het bestand is leeg.', severity: 'refused' },
        { row: 4, column: 'Postcode', value: '12', message: 'Geen postcode.', severity: 'refused' },
        { row: 5, column: null, value: null, message: 'Lijkt dubbel.', severity: 'duplicate' },
      ]),
    ).toEqual([
      {
        row: 'Hele bestand',
        column: 'Hele rij',
        value: '',
        message: 'Het bestand is leeg.',
        severity: 'Geweigerd',
      },
      {
        row: '4',
        column: 'Postcode',
        value: '12',
        message: 'Geen postcode.',
        severity: 'Geweigerd',
      },
      {
        row: '5',
        column: 'Hele rij',
        value: '',
        message: 'Lijkt dubbel.',
        severity: 'Mogelijk dubbel',
      },
    ]);
  });

  it('says before the real run what it will do, and that candidates get no mail', () => {
    expect(runConsequences(job())).toEqual([
      'Werkbrug voegt 2 nieuwe kandidaten toe.',
      '1 rij slaat Werkbrug over: geweigerd of mogelijk dubbel. Verbeter ze in het bestand en importeer het opnieuw.',
      'Geïmporteerde kandidaten krijgen geen e-mail van Werkbrug.',
      'Werkbrug leest het bestand opnieuw. Wat intussen in Werkbrug veranderde, telt mee.',
    ]);
    expect(
      runConsequences(
        job({
          kind: 'workplaces',
          totals: { new: 0, changed: 1, unchanged: 3, refused: 0, duplicates: 0 },
        }),
      ),
    ).toEqual([
      'Werkbrug werkt 1 werkplek bij met wat in het bestand staat.',
      '3 rijen zijn al gelijk aan Werkbrug: daar verandert niets.',
      'Werkbrug leest het bestand opnieuw. Wat intussen in Werkbrug veranderde, telt mee.',
    ]);
  });

  it.each<[string, Partial<ImportJobView>, boolean, { refresh: boolean; run: string | null }]>([
    ['a queued job refreshes itself', { status: 'queued' }, true, { refresh: true, run: null }],
    ['unless the reader stopped it', { status: 'running' }, false, { refresh: false, run: null }],
    [
      'a finished dry run offers the real run',
      {},
      true,
      { refresh: false, run: 'Importeer 2 rijen' },
    ],
    [
      'one row',
      { totals: { new: 0, changed: 1, unchanged: 0, refused: 0, duplicates: 0 } },
      true,
      { refresh: false, run: 'Importeer 1 rij' },
    ],
    [
      'not twice',
      { runJobId: '22222222-2222-4222-8222-222222222222' },
      true,
      { refresh: false, run: null },
    ],
    ['a real run has none', { dryRun: false }, true, { refresh: false, run: null }],
    [
      'a failed job has none',
      { status: 'failed', failure: 'Het bestand is leeg.' },
      true,
      { refresh: false, run: null },
    ],
  ])('job page: %s', (_, over, autoRefresh, want) => {
    const model = jobModel(BROKER, job(over), { autoRefresh });
    expect({ refresh: model.autoRefresh, run: model.run?.buttonText ?? null }).toEqual(want);
  });

  it('pages the findings', () => {
    const model = jobModel(BROKER, job({ problemsPage: { page: 2, pageSize: 50, total: 120 } }), {
      autoRefresh: true,
    });
    expect(model.findingsCaption).toBe('Bevindingen 51 tot en met 100 van 120');
    expect(model.pager.prevHref).toBe(`${BROKER.base}/${job().id}#bevindingen`);
    expect(model.pager.nextHref).toBe(`${BROKER.base}/${job().id}?pagina=3#bevindingen`);
  });
});
