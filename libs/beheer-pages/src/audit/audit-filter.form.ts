import { AdminAuditQuery } from '@werkbrug/privacy';
import { addDays } from '@werkbrug/domain';
import { amsterdamToIso } from '@werkbrug/werkgever-pages';
import { FormErrors, validateAsDto } from '@werkbrug/web';

/** The logboek's filters as typed (query parameters of a GET form). */
export interface AuditFilterValues {
  wie: string;
  kandidaat: string;
  actie: string;
  van: string;
  tot: string;
}

const pick = (value: unknown, max = 254) =>
  typeof value === 'string' ? value.trim().slice(0, max) : '';

export const auditFilterValues = (query: Record<string, unknown>): AuditFilterValues => ({
  wie: pick(query.wie).toLowerCase(),
  kandidaat: pick(query.kandidaat, 60),
  actie: pick(query.actie, 80),
  van: pick(query.van, 20),
  tot: pick(query.tot, 20),
});

/** A date as people type it (1-12-2026, 01-12-2026, or 2026-12-01) as YYYY-MM-DD; null if not a date. */
export function typedDate(text: string): string | null {
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = dutch
    ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The filters through the API's AdminAuditQuery: "van" from the start of that day and "tot" up to
 * and including that day, both in Dutch time. `userId` is the account the "wie" address belongs to
 * (resolved by the caller). Null when `errors` got something.
 */
export async function parseAuditFilter(
  values: AuditFilterValues,
  userId: string | null | undefined,
  actions: readonly string[],
  errors: FormErrors,
): Promise<AdminAuditQuery | null> {
  const from = values.van ? typedDate(values.van) : null;
  const to = values.tot ? typedDate(values.tot) : null;
  if (values.van && !from) errors.add('van', 'Vul een datum in zoals 1-12-2026');
  if (values.tot && !to) errors.add('tot', 'Vul een datum in zoals 31-12-2026');
  if (from && to && to < from) errors.add('tot', 'De einddatum ligt voor de begindatum');
  if (values.wie && userId === null) errors.add('wie', 'Er is geen account met dit e-mailadres');
  if (values.kandidaat && !UUID.test(values.kandidaat))
    errors.add('kandidaat', 'Vul het nummer van een dossier in zoals het in het logboek staat');
  if (values.actie && !actions.includes(values.actie)) errors.add('actie', 'Kies een handeling');
  if (errors.any) return null;
  return validateAsDto(
    AdminAuditQuery,
    {
      ...(userId ? { userId } : {}),
      ...(values.kandidaat ? { candidateId: values.kandidaat.toLowerCase() } : {}),
      ...(values.actie ? { action: values.actie } : {}),
      ...(from ? { from: amsterdamToIso(`${from}T00:00`) } : {}),
      ...(to ? { to: amsterdamToIso(`${addDays(to, 1)}T00:00`) } : {}),
    },
    {
      from: { field: 'van', message: 'Vul een datum in zoals 1-12-2026' },
      to: { field: 'tot', message: 'Vul een datum in zoals 31-12-2026' },
    },
    errors,
    'wie',
  );
}
