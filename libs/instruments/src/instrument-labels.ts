/**
 * Dutch words for instrument answers, the one place for every page that shows them: the employer's
 * calculator and proposal page, the werkmakelaar's instruments page in the candidate file.
 */
export const GRANTOR_WORDS: Record<string, string> = {
  belastingdienst: 'Belastingdienst',
  uwv: 'UWV',
  gemeente: 'de gemeente',
  none: 'niemand (geen aanvraag nodig)',
};

export const INSTRUMENT_STATUS_WORDS: Record<string, { text: string; tone: string }> = {
  applies: { text: 'Kan gelden', tone: 'ok' },
  may_apply: { text: 'Kan misschien gelden', tone: 'attention' },
  does_not_apply: { text: 'Geldt niet', tone: 'closed' },
};

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
export const BENEFIT_WORDS: Record<string, string> = {
  participatiewet: 'Bijstand (Participatiewet)',
  wajong: 'Wajong',
  wia: 'WIA',
  ww: 'WW',
  ziektewet: 'Ziektewet',
  ioaw: 'IOAW',
  geen: 'Geen uitkering',
  overig: 'Een andere uitkering',
};
