import { LABELS, labelOf } from '@werkbrug/domain';

/**
 * Dutch words for instrument answers, for every page that shows them: the employer's calculator and
 * proposal page, the werkmakelaar's instruments page in the candidate file. The words themselves live
 * in the one catalogue, LABELS in @werkbrug/domain; these are its groups under their old names.
 */
export const GRANTOR_WORDS: Record<string, string> = LABELS.grantor;

const STATUS_TONES: Record<keyof typeof LABELS.instrumentStatus, string> = {
  applies: 'ok',
  may_apply: 'attention',
  does_not_apply: 'closed',
};
export const INSTRUMENT_STATUS_WORDS: Record<string, { text: string; tone: string }> =
  Object.fromEntries(
    Object.entries(STATUS_TONES).map(([status, tone]) => [
      status,
      { text: labelOf('instrumentStatus', status), tone },
    ]),
  );

const euro = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** "€ 1.020 per maand", "€ 1.260 per jaar", … for the amounts an answer carries. */
export const amountTexts = (amounts: { perMonth?: number; perYear?: number; total?: number }) =>
  [
    amounts.perMonth !== undefined && `${euro.format(amounts.perMonth)} per maand`,
    amounts.perYear !== undefined && `${euro.format(amounts.perYear)} per jaar`,
    amounts.total !== undefined && `${euro.format(amounts.total)} in totaal`,
  ].filter((t): t is string => Boolean(t));

/** Benefit types in words (the calculator's question, the facts the werkmakelaar sees). */
export const BENEFIT_WORDS: Record<string, string> = LABELS.benefitType;

/**
 * A provisional amount in words, for every page that shows amounts: the tag and the reason ("De
 * bedragen voor 2027 zijn nog niet ingevoerd; …"); null when the figures are known.
 */
export const provisionalText = (figures: { status: string; reason: string | null } | undefined) =>
  figures?.status === 'provisional'
    ? { text: 'Voorlopig bedrag', tone: 'attention', reason: figures.reason ?? '' }
    : null;
