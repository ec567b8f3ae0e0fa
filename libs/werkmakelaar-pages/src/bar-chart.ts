/** One bar: a label and a count; null is a hidden (small) cell. */
export interface Bar {
  label: string;
  value: number | null;
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const ROW = 28;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 320;
const VALUE_WIDTH = 60;

/**
 * A horizontal bar chart as SVG markup, drawn on the server (no JavaScript, no inline style: the
 * page's CSP allows neither). It is an image with a title and a description; the data table next to
 * it carries the figures for screen readers, so the chart's text is hidden from them.
 */
export function barChartSvg(id: string, title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const w = b.value === null ? 0 : Math.round((b.value / max) * BAR_WIDTH);
    const value = b.value === null ? '<5' : String(b.value);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 18}" text-anchor="end" font-size="14" fill="currentColor">${escapeXml(b.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="${ROW - 8}" fill="#1a5fa8"></rect>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 18}" font-size="14" fill="currentColor">${escapeXml(value)}</text>`
    );
  });
  const desc = bars
    .map((b) => `${b.label}: ${b.value === null ? 'minder dan 5' : b.value}`)
    .join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="werkbrug-chart" role="img" viewBox="0 0 ${width} ${height}" ` +
    `width="100%" aria-labelledby="${id}-titel ${id}-beschrijving">` +
    `<title id="${id}-titel">${escapeXml(title)}</title>` +
    `<desc id="${id}-beschrijving">${escapeXml(desc)}</desc>` +
    `<g aria-hidden="true">${rows.join('')}</g></svg>`
  );
}
