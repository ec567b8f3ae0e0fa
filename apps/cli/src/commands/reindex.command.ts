import { MultiBar, Presets } from 'cli-progress';
import { SearchIndexer } from '@werkbrug/matching';
import { withSearchContext } from '../search/with-search-context';
import { log } from '../with-database';

/** Rebuilds both indexes from PostgreSQL into fresh indexes and swaps them in. */
export async function reindexCommand(): Promise<void> {
  await withSearchContext(async (app) => {
    const indexer = app.get(SearchIndexer);
    const started = Date.now();
    const bars = new MultiBar(
      {
        format: ' {index} [{bar}] {value}/{total} docs {percentage}% | {eta_formatted} left',
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      Presets.shades_classic,
    );
    const byIndex = new Map<string, ReturnType<MultiBar['create']>>();
    const counts = await indexer.reindex((index, done, total) => {
      let bar = byIndex.get(index);
      if (!bar) {
        bar = bars.create(total, 0, { index: index.padEnd(10) });
        byIndex.set(index, bar);
      }
      bar.update(done);
    });
    bars.stop();
    const seconds = (Date.now() - started) / 1000;
    const total = counts.vacancies + counts.candidates;
    log(
      `reindexed ${counts.vacancies} vacancies and ${counts.candidates} candidates in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} docs/s)`,
    );
  });
}
