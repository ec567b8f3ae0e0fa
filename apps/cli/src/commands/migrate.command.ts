import { prepareDatabase } from '../prepare-database';
import { log, withDatabase } from '../with-database';

export async function migrateCommand(): Promise<void> {
  await withDatabase((db) => prepareDatabase(db, log));
}
