import { SearchIndexer } from '@werkbrug/matching';
import { withSearchContext } from '../search/with-search-context';
import { log } from '../with-database';

/** Reports (and with --repair fixes) differences between PostgreSQL and Meilisearch. */
export async function reconcileCommand(flags: Map<string, string | true>): Promise<void> {
  const repair = flags.has('repair');
  await withSearchContext(async (app) => {
    const report = await app.get(SearchIndexer).reconcile(repair);
    let differences = 0;
    for (const [index, r] of Object.entries(report)) {
      differences += r.missing.length + r.extra.length + r.stale.length;
      log(
        `${index}: ${r.database} in PostgreSQL, ${r.index} in Meilisearch; missing ${r.missing.length}, ` +
          `extra ${r.extra.length}, stale ${r.stale.length}${r.missing[0] ? ` (e.g. ${r.missing[0]})` : ''}`,
      );
    }
    log(
      differences
        ? repair
          ? `repaired ${differences} difference(s)`
          : `${differences} difference(s); run with --repair`
        : 'in step',
    );
    if (differences && !repair) process.exitCode = 3;
  });
}
