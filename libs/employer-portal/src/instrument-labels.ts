/** Words an employer reads for instrument answers: one place for the calculator and the proposal page. */
export const GRANTORS: Record<string, string> = {
  belastingdienst: 'Belastingdienst',
  uwv: 'UWV',
  gemeente: 'de gemeente',
  none: 'niemand (geen aanvraag nodig)',
};

export const INSTRUMENT_STATUS: Record<string, { text: string; tone: string }> = {
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
