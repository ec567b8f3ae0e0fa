import { MigrationInterface, QueryRunner } from 'typeorm';

const RULE_TABLES = ['instrument_rule_versions', 'arrangement_rules', 'trajectory_rules'];

/** A version's horizon when nobody set one: its end, else 31 December of the year its figures were checked. */
const DEFAULT_KNOWN_UNTIL = (checked: string) =>
  `COALESCE(valid_to, make_date(extract(year FROM greatest(valid_from, ${checked}))::int, 12, 31))`;

const SOURCES = {
  wml2026:
    'https://www.rijksoverheid.nl/onderwerpen/minimumloon/bedragen-minimumloon/bedragen-minimumloon-2026',
  participatiewet10d: 'https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=10d',
  lksStcrt: 'https://zoek.officielebekendmakingen.nl/stcrt-2017-68248.html',
  wtl: 'https://wetten.overheid.nl/BWBR0037522',
  handboek:
    'https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/themaoverstijgend/brochures_en_publicaties/handboek-loonheffingen-2026',
  noRisk:
    'https://www.uwv.nl/werkgevers/werknemer-met-uitkering/toelichting-voordelen-en-regelingen/detail/no-riskpolis',
  jobcoach:
    'https://www.uwv.nl/werkgevers/werknemer-met-uitkering/toelichting-voordelen-en-regelingen/detail/jobcoach',
  verordeningBarneveld:
    'https://lokaleregelgeving.overheid.nl/zoeken/resultaat?organisatie=Barneveld&titel=Participatiewet',
  verordeningHofVanTwente:
    'https://lokaleregelgeving.overheid.nl/zoeken/resultaat?organisatie=Hof%20van%20Twente&titel=Participatiewet',
};

/** Seeded sources as they were (secondary sites) → the primary publication, the old ones kept as explanation. */
const REPLACED: { code: string; old: string[]; sources: string[]; explanation: string[] }[] = [
  {
    code: 'wml',
    old: [
      'https://www.mkbservicedesk.nl/nieuws/ondernemersnieuws/minimumloon-2026-dit-zijn-de-nieuwe-bedragen-per-1-januari',
    ],
    sources: [SOURCES.wml2026],
    explanation: [
      'https://www.mkbservicedesk.nl/nieuws/ondernemersnieuws/minimumloon-2026-dit-zijn-de-nieuwe-bedragen-per-1-januari',
    ],
  },
  {
    code: 'loonkostensubsidie',
    old: [
      SOURCES.lksStcrt,
      'https://www.werkzaakrivierenland.nl/ik-bied-werk/nieuws_3266/item/loonkostensubsidie-voor-werkzoekenden-uit-de-participatiewet-wat-betekent-dat-voor-mij-als-werkgever_2881.html',
    ],
    sources: [SOURCES.participatiewet10d, SOURCES.lksStcrt],
    explanation: [
      'https://www.werkzaakrivierenland.nl/ik-bied-werk/nieuws_3266/item/loonkostensubsidie-voor-werkzoekenden-uit-de-participatiewet-wat-betekent-dat-voor-mij-als-werkgever_2881.html',
    ],
  },
  ...['lkv_banenafspraak', 'lkv_arbeidsgehandicapt', 'lkv_een_per_werknemer'].map((code) => ({
    code,
    old: ['https://www.fundamentvoor.nl/node/58952'],
    sources: [SOURCES.wtl, SOURCES.handboek],
    explanation: ['https://www.fundamentvoor.nl/node/58952'],
  })),
  {
    code: 'lkv_oudere',
    old: [
      'https://www.fiscaris.nl/logica-rond-loonkostenvoordelen-roept-soms-vragen-op/',
      'https://www.fundamentvoor.nl/node/58952',
    ],
    sources: [SOURCES.wtl, SOURCES.handboek],
    explanation: [
      'https://www.fiscaris.nl/logica-rond-loonkostenvoordelen-roept-soms-vragen-op/',
      'https://www.fundamentvoor.nl/node/58952',
    ],
  },
  {
    code: 'no_riskpolis',
    old: ['https://subadvies.nl/subadvies-wiki/no-riskpolis/'],
    sources: [SOURCES.noRisk],
    explanation: ['https://subadvies.nl/subadvies-wiki/no-riskpolis/'],
  },
  {
    code: 'jobcoaching',
    old: ['https://factorwerk.org/jobcoaching-uwv/'],
    sources: [SOURCES.jobcoach],
    explanation: ['https://factorwerk.org/jobcoaching-uwv/'],
  },
  {
    code: 'werkervaringsplaats_premie',
    old: ['https://www.barneveld.nl/melden-en-meedoen/werkervaringsplaats-aanbieden'],
    sources: [SOURCES.verordeningBarneveld],
    explanation: ['https://www.barneveld.nl/melden-en-meedoen/werkervaringsplaats-aanbieden'],
  },
  {
    code: 'uitstroompremie',
    old: ['https://www.hofvantwente.nl/inwoners/werk-en-inkomen/aan-het-werk/uitstroompremie'],
    sources: [SOURCES.verordeningHofVanTwente],
    explanation: [
      'https://www.hofvantwente.nl/inwoners/werk-en-inkomen/aan-het-werk/uitstroompremie',
    ],
  },
];

/**
 * Rules that know their horizon: every dated rule version gets `known_until`, the last day its
 * figures are known (past it, with no successor, an answer is provisional), and a stamp for the one
 * mail to the administrators when that day comes near. Existing versions get their end, else
 * 31 December of the year their figures were checked. The seeded instrument sources become the
 * primary publications; the secondary sites stay as explanation (`explanation_urls`).
 */
export class RuleHorizons1796101000000 implements MigrationInterface {
  name = 'RuleHorizons1796101000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of RULE_TABLES)
      await q.query(`ALTER TABLE ${table} ADD COLUMN known_until date NULL,
        ADD COLUMN horizon_notice_sent_at timestamptz NULL`);
    await q.query(
      `ALTER TABLE instrument_rule_versions ADD COLUMN explanation_urls text[] NOT NULL DEFAULT '{}'`,
    );

    // Seeded rows are corrected once, past the trigger that keeps versions from being edited.
    await q.query(
      `ALTER TABLE instrument_rule_versions DISABLE TRIGGER instrument_rule_versions_immutable`,
    );
    await q.query(
      `UPDATE instrument_rule_versions SET known_until = ${DEFAULT_KNOWN_UNTIL('last_checked')}`,
    );
    for (const r of REPLACED)
      await q.query(
        `UPDATE instrument_rule_versions SET source_urls = $3::text[], explanation_urls = $4::text[]
          WHERE instrument_code = $1 AND source_urls = $2::text[]`,
        [r.code, r.old, r.sources, r.explanation],
      );
    await q.query(
      `ALTER TABLE instrument_rule_versions ENABLE TRIGGER instrument_rule_versions_immutable`,
    );
    for (const table of ['arrangement_rules', 'trajectory_rules'])
      await q.query(`UPDATE ${table} SET known_until = ${DEFAULT_KNOWN_UNTIL('current_date')}`);

    // Rows inserted without a horizon (demo seeds, older clients) get the same default.
    await q.query(`CREATE FUNCTION rule_versions_known_until() RETURNS trigger AS $$
      BEGIN
        IF NEW.known_until IS NULL THEN
          NEW.known_until := COALESCE(NEW.valid_to,
            make_date(extract(year FROM greatest(NEW.valid_from, current_date))::int, 12, 31));
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    for (const table of RULE_TABLES) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN known_until SET NOT NULL,
        ADD CONSTRAINT ${table}_known_until CHECK (known_until >= valid_from)`);
      await q.query(`CREATE TRIGGER ${table}_known_until BEFORE INSERT ON ${table}
        FOR EACH ROW EXECUTE FUNCTION rule_versions_known_until()`);
    }

    // The mail stamp may be set on a past version; everything else stays as it was.
    await q.query(`CREATE OR REPLACE FUNCTION instrument_rule_versions_immutable() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'rule versions are never deleted' USING ERRCODE = 'check_violation';
        END IF;
        IF (to_jsonb(NEW) - 'valid_to' - 'updated_at' - 'version' - 'horizon_notice_sent_at')
             <> (to_jsonb(OLD) - 'valid_to' - 'updated_at' - 'version' - 'horizon_notice_sent_at')
           OR (NEW.valid_to IS DISTINCT FROM OLD.valid_to
               AND (NEW.valid_to IS NULL OR (OLD.valid_to IS NOT NULL AND NEW.valid_to > OLD.valid_to))) THEN
          RAISE EXCEPTION 'a rule version can only be ended, never edited' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION instrument_rule_versions_immutable() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'rule versions are never deleted' USING ERRCODE = 'check_violation';
        END IF;
        IF (to_jsonb(NEW) - 'valid_to' - 'updated_at' - 'version') <> (to_jsonb(OLD) - 'valid_to' - 'updated_at' - 'version')
           OR NEW.valid_to IS NULL OR (OLD.valid_to IS NOT NULL AND NEW.valid_to > OLD.valid_to) THEN
          RAISE EXCEPTION 'a rule version can only be ended, never edited' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(
      `ALTER TABLE instrument_rule_versions DISABLE TRIGGER instrument_rule_versions_immutable`,
    );
    for (const r of REPLACED)
      await q.query(
        `UPDATE instrument_rule_versions SET source_urls = $2::text[]
          WHERE instrument_code = $1 AND source_urls = $3::text[]`,
        [r.code, r.old, r.sources],
      );
    for (const table of RULE_TABLES) {
      await q.query(`DROP TRIGGER ${table}_known_until ON ${table}`);
      await q.query(
        `ALTER TABLE ${table} DROP COLUMN known_until, DROP COLUMN horizon_notice_sent_at`,
      );
    }
    await q.query(`ALTER TABLE instrument_rule_versions DROP COLUMN explanation_urls`);
    await q.query(
      `ALTER TABLE instrument_rule_versions ENABLE TRIGGER instrument_rule_versions_immutable`,
    );
    await q.query(`DROP FUNCTION rule_versions_known_until()`);
  }
}
