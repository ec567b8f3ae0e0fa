import { dutchDate, type FiguresStatus, labelOf, type RunningOutRule } from '@werkbrug/domain';
import type { EngineAnswer, InstrumentRuleVersion } from '@werkbrug/instruments';
import { FIGURES_WORDS, PARAM_LABELS } from './rule-forms';

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** The amount that says most about an item: per week, else per year, else the total. */
export function mainAmount(a: { perWeek?: number; perYear?: number; total?: number }): string {
  if (a.perWeek !== undefined) return `${euro.format(a.perWeek)} per week`;
  if (a.perYear !== undefined) return `${euro.format(a.perYear)} per jaar`;
  if (a.total !== undefined) return `${euro.format(a.total)} in totaal`;
  return 'Geen bedrag';
}

/** A figure as people read it: "14,71", "ja", a list in words. */
function paramText(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) {
    const group =
      key === 'benefitTypes' ? 'benefitType' : key === 'arrangements' ? 'arrangement' : null;
    return value.map((v) => (group ? labelOf(group, v) : String(v).replace('.', ','))).join(', ');
  }
  return String(value).replace('.', ',');
}

/** The figures of a version, as label and value, in words. */
export const paramRows = (params: Record<string, unknown>) =>
  Object.entries(params)
    .filter(([key]) => PARAM_LABELS[key])
    .map(([key, value]) => ({ label: PARAM_LABELS[key], value: paramText(key, value) }));

/** The publishers as people name them; other sites by their address. */
const PUBLISHERS: Record<string, string> = {
  'rijksoverheid.nl': 'Rijksoverheid',
  'belastingdienst.nl': 'Belastingdienst',
  'uwv.nl': 'UWV',
  'zoek.officielebekendmakingen.nl': 'Staatscourant',
  'wetten.overheid.nl': 'Wetten overheid',
  'lokaleregelgeving.overheid.nl': 'Lokale regelgeving',
};

/** A link by its publisher's name: the full address is in the link itself. */
export function linkOf(url: string) {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return { href: url, text: PUBLISHERS[host] ?? host };
  } catch {
    return { href: url, text: url };
  }
}

const SCOPE = (scope: string, ref: string | null) =>
  scope === 'gemeente'
    ? `Gemeente ${ref}`
    : scope === 'organisation'
      ? 'Eén organisatie'
      : 'Landelijk';

/** One instrument's versions for the overview, newest first. */
export const instrumentRows = (
  instrument: { code: string; name: string },
  versions: InstrumentRuleVersion[],
  today: string,
) => ({
  code: instrument.code,
  name: instrument.name,
  versions: versions.map((v) => ({
    scope: SCOPE(v.scope, v.scopeRef),
    validFrom: v.validFrom,
    validTo: v.validTo,
    knownUntil: v.knownUntil,
    past: v.validTo === null && v.knownUntil < today,
    params: paramRows(v.params),
    sources: v.sourceUrls.map(linkOf),
    explanations: v.explanationUrls.map(linkOf),
    lastChecked: v.lastChecked,
    note: v.note,
  })),
});

export const runningOutRows = (rules: RunningOutRule[], today: string) =>
  rules.map((r) => ({
    name: r.name,
    knownUntil: dutchDate(r.knownUntil),
    past: r.knownUntil < today,
    kind:
      r.kind === 'instrument'
        ? 'Instrument'
        : r.kind === 'arrangement'
          ? 'Plaatsingsvorm'
          : 'Urenregel',
  }));

const statusWords = (s: FiguresStatus) => FIGURES_WORDS[s];

/**
 * The preview: per scenario, each instrument with an amount, now and with the new version, and
 * whether the figures are known or provisional on that day.
 */
export const previewRows = (
  scenarios: { name: string; current: EngineAnswer; proposed: EngineAnswer }[],
) =>
  scenarios.map((s, i) => ({
    number: i + 1,
    name: s.name,
    rows: s.proposed.items
      .filter((item) => item.status !== 'does_not_apply' && Object.keys(item.amounts).length)
      .map((item) => {
        const before = s.current.items.find((i) => i.code === item.code);
        const now = before ? mainAmount(before.amounts) : 'Geen bedrag';
        const next = mainAmount(item.amounts);
        return {
          name: item.name,
          now,
          nowStatus: statusWords(before?.figures.status ?? 'known'),
          next,
          nextStatus: statusWords(item.figures.status),
          changed: now !== next,
        };
      }),
  }));

/** A calculation on a date, as the overview shows it: the sample scenario's items and their status. */
export const sampleRows = (answer: EngineAnswer) =>
  answer.items
    .filter((i) => i.status !== 'does_not_apply' && Object.keys(i.amounts).length)
    .map((i) => ({
      name: i.name,
      amount: mainAmount(i.amounts),
      status: statusWords(i.figures.status),
      reason: i.figures.reason,
    }));
