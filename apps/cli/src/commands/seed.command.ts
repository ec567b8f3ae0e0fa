import { intFlag } from '../args';
import { prepareDatabase } from '../prepare-database';
import { log, withDatabase } from '../with-database';
import { queryRows } from '@werkbrug/database';

/** `seed` applies reference data; `seed --demo` adds the Ferm Werk demo region. */
export async function seedCommand(flags: Map<string, string | true>): Promise<void> {
  await withDatabase(async (db) => {
    await prepareDatabase(db, log);
    if (!flags.has('demo')) return;
    const { seedDemo } = await import('../demo');
    const password = process.env.WERKBRUG_DEMO_PASSWORD ?? 'demo-wachtwoord-2026';
    const started = Date.now();
    const result = await seedDemo(db, {
      vacancies: intFlag(flags, 'vacancies', 240),
      candidates: intFlag(flags, 'candidates', 600),
      seed: intFlag(flags, 'seed', 42),
      password,
      log,
    });
    log(
      `demo region ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.organisations} organisations, ` +
        `${result.employers} employers, ${result.vacancies} vacancies, ${result.candidates} candidates, ${result.users} users ` +
        `(demo password: ${password})`,
    );
    await queryRows(
      db,
      `INSERT INTO outbox_messages (topic, payload) VALUES ('search.reindex', '{"reason":"demo seed"}')`,
    );
  });
}
