import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';

/**
 * Tables that hold (or will hold) data about a candidate, keyed by candidate_id. The export always
 * names them; a table that does not exist yet (or lacks candidate_id) is an empty list.
 */
export const RELATED_TABLES = [
  'consents',
  'proposals',
  'placements',
  'checkins',
  'instrument_calculations',
  'interest_signals',
  'match_alert_subscriptions',
  'trajectories',
  'ladder_measurements',
] as const;
export type RelatedTable = (typeof RELATED_TABLES)[number];

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const camelKeys = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));

type Rows = Record<string, unknown>[];
/** What the export carries per related table, under the export's camelCase keys. */
export interface RelatedRecords {
  consents: Rows;
  proposals: Rows;
  placements: Rows;
  checkins: Rows;
  instrumentCalculations: Rows;
  interestSignals: Rows;
  matchAlertSubscriptions: Rows;
  trajectories: Rows;
  ladderMeasurements: Rows;
}

export async function relatedRecords(
  em: EntityManager,
  candidateId: string,
): Promise<RelatedRecords> {
  const present = await queryRows<{ table_name: RelatedTable }>(
    em,
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1) AND column_name = 'candidate_id'`,
    [RELATED_TABLES],
  );
  const out: Record<RelatedTable, Record<string, unknown>[]> = {
    consents: [],
    proposals: [],
    placements: [],
    checkins: [],
    instrument_calculations: [],
    interest_signals: [],
    match_alert_subscriptions: [],
    trajectories: [],
    ladder_measurements: [],
  };
  for (const { table_name: table } of present) {
    // The name comes from RELATED_TABLES, never from input.
    const rows = await queryRows<{ row: Record<string, unknown> }>(
      em,
      `SELECT to_jsonb(t) AS row FROM "${table}" t WHERE t.candidate_id = $1 ORDER BY t.id`,
      [candidateId],
    );
    out[table] = rows.map((r) => camelKeys(r.row));
  }
  // Keys as the rest of the export spells them: ladder_measurements → ladderMeasurements.
  return {
    consents: out.consents,
    proposals: out.proposals,
    placements: out.placements,
    checkins: out.checkins,
    instrumentCalculations: out.instrument_calculations,
    interestSignals: out.interest_signals,
    matchAlertSubscriptions: out.match_alert_subscriptions,
    trajectories: out.trajectories,
    ladderMeasurements: out.ladder_measurements,
  };
}
