import { DataSource } from 'typeorm';
import { ensureFirstAdmin } from '@werkbrug/auth';
import { dataSourceOptions } from '@werkbrug/database';
import { seedPostcodeAreas } from '@werkbrug/geo';
import { seedInstruments } from '@werkbrug/instruments';
import { seedWerksoorten } from '@werkbrug/werksoorten';

export async function openDataSource(databaseUrl: string): Promise<DataSource> {
  return new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 10 } }).initialize();
}

/** Applies pending migrations and the reference data every installation needs. */
export async function prepareDatabase(db: DataSource, log: (line: string) => void) {
  const applied = await db.runMigrations({ transaction: 'each' });
  log(
    applied.length
      ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
      : 'schema up to date',
  );
  const added = await seedWerksoorten(db);
  if (added) log(`seeded ${added} werksoorten`);
  await seedPostcodeAreas(db);
  const rules = await seedInstruments(db);
  if (rules) log(`seeded ${rules} instrument rule versions`);
  const admin = await ensureFirstAdmin(
    db,
    process.env.WERKBRUG_ADMIN_EMAIL ?? null,
    process.env.WERKBRUG_ADMIN_PASSWORD ?? null,
  );
  if (admin === 'created') log(`created administrator ${process.env.WERKBRUG_ADMIN_EMAIL}`);
  if (admin === 'skipped') {
    log(
      'no administrator yet: set WERKBRUG_ADMIN_EMAIL and WERKBRUG_ADMIN_PASSWORD (12+ characters) and start again',
    );
  }
}
