import { ProblemException } from '@werkbrug/http';

export const PURPOSE_HEADER = 'x-purpose';

/** The X-Purpose header, trimmed; null when absent or blank. */
export function purposeFrom(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.join(', ') : header;
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 500) : null;
}

export const purposeRequired = () =>
  new ProblemException(
    400,
    'PURPOSE_REQUIRED',
    'A purpose is required',
    'Say why you need this data in the X-Purpose header (for example "verzoek van de kandidaat"); it is kept in the audit trail.',
  );
