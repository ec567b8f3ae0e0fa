import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Standard codes on werksoorten (ISCO-08 unit group, BRC 2014 beroepsgroep with its name), and the
 * werksoort another one was merged into (kept, inactive, so history and reports still name it).
 * The seeded werksoorten get their codes here too (an administrator's own codes are kept); the search
 * documents gain the codes, so they are rebuilt once through the outbox.
 */
const SEEDED: [string, string, string, string][] = [
  ['productie', '9329', '0781', 'Hulpkrachten bouw en industrie'],
  ['groen', '9214', '0921', 'Hulpkrachten landbouw'],
  ['schoonmaak', '9112', '1121', 'Schoonmakers'],
  ['logistiek', '9333', '1221', 'Laders, lossers en vakkenvullers'],
  ['administratief', '4110', '0431', 'Administratief medewerkers'],
  ['catering', '9412', '1122', 'Keukenhulpen'],
  ['personenvervoer', '8322', '1212', "Chauffeurs auto's, taxi's en bestelwagens"],
];

export class WerksoortCodes1796097500000 implements MigrationInterface {
  name = 'WerksoortCodes1796097500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE werksoorten
      ADD COLUMN isco_code text CONSTRAINT werksoorten_isco_code_check CHECK (isco_code ~ '^[0-9]{4}$'),
      ADD COLUMN brc_code text CONSTRAINT werksoorten_brc_code_check CHECK (brc_code ~ '^(0[1-9]|1[0-3])[1-9][1-9]$'),
      ADD COLUMN brc_name text,
      ADD COLUMN merged_into_id uuid REFERENCES werksoorten(id),
      ADD CONSTRAINT werksoorten_brc_pair_check CHECK ((brc_code IS NULL) = (brc_name IS NULL))`);
    await q.query(`CREATE INDEX werksoorten_isco_code_idx ON werksoorten (isco_code)`);
    for (const [code, isco, brc, brcName] of SEEDED) {
      await q.query(
        `UPDATE werksoorten SET isco_code = $2, brc_code = $3, brc_name = $4
          WHERE code = $1 AND isco_code IS NULL AND brc_code IS NULL`,
        [code, isco, brc, brcName],
      );
    }
    await q.query(
      `INSERT INTO outbox_messages (topic, payload)
       SELECT 'search.reindex', '{"reason":"search documents with the werksoort codes"}'
        WHERE EXISTS (SELECT 1 FROM vacancies) OR EXISTS (SELECT 1 FROM candidates)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE werksoorten
      DROP CONSTRAINT werksoorten_brc_pair_check,
      DROP COLUMN merged_into_id, DROP COLUMN brc_name, DROP COLUMN brc_code, DROP COLUMN isco_code`);
  }
}
