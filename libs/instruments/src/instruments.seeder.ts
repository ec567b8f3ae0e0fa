import type { DataSource } from 'typeorm';
import { SEED_INSTRUMENTS, SEED_RULE_VERSIONS } from './instruments.seed';
import { queryRows } from '@werkbrug/database';

/**
 * Puts the seeded catalogue and rule versions in place. Idempotent: instruments are upserted by code
 * (texts only), and rule versions are added only for instruments that have none yet, so versions an
 * administrator added are never touched.
 */
export async function seedInstruments(db: DataSource): Promise<number> {
  return db.transaction(async (em) => {
    for (const i of SEED_INSTRUMENTS) {
      await queryRows(
        em,
        `INSERT INTO instruments (code, name, description, grantor, recipient, how_to_apply, deadline_rule, calculator, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (code) DO NOTHING`,
        [
          i.code,
          i.name,
          i.description,
          i.grantor,
          i.recipient,
          i.howToApply,
          i.deadlineRule,
          i.calculator,
          i.sortOrder,
        ],
      );
    }
    const seeded = await queryRows<{ instrument_code: string }>(
      em,
      `SELECT DISTINCT instrument_code FROM instrument_rule_versions`,
    );
    const has = new Set(seeded.map((r) => r.instrument_code));
    let added = 0;
    for (const v of SEED_RULE_VERSIONS) {
      if (has.has(v.instrumentCode)) continue;
      await queryRows(
        em,
        `INSERT INTO instrument_rule_versions (instrument_code, scope, scope_ref, params, active, valid_from, valid_to,
           source_urls, last_checked, indicative, note, known_until, explanation_urls)
         VALUES ($1,$2,$3,$4::jsonb,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [
          v.instrumentCode,
          v.scope,
          v.scopeRef,
          JSON.stringify(v.params),
          v.active,
          v.validFrom,
          v.validTo,
          v.sourceUrls,
          v.lastChecked,
          v.indicative,
          v.note,
          v.knownUntil,
          v.explanationUrls,
        ],
      );
      added += 1;
    }
    return added;
  });
}
