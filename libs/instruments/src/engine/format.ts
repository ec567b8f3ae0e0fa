import { Dec } from './decimal';

/** "€1.020,25": amounts the Dutch way, from exact cents. */
export function euro(amount: Dec): string {
  const cents = amount.cents();
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}€${whole},${fraction}`;
}

/** "1,235" or "15%": figures in texts with a decimal comma. */
export const dutchNumber = (value: Dec | number, digits = 2): string => {
  const n = value instanceof Dec ? value.toNumber() : value;
  return String(Number(n.toFixed(digits))).replace('.', ',');
};

export const percent = (share: Dec) => `${dutchNumber(share.mul(100), 1)}%`;

/** Whole years between a date of birth and a date (the age on that date). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
