import '../../register-paths';
import 'reflect-metadata';
import { parseArgs } from './args';
import { benchCommand } from './commands/bench.command';
import { evalCommand } from './commands/eval.command';
import { migrateCommand } from './commands/migrate.command';
import { outboxCommand } from './commands/outbox.command';
import { reconcileCommand } from './commands/reconcile.command';
import { reindexCommand } from './commands/reindex.command';
import { retentionCommand } from './commands/retention.command';
import { screenshotsCommand } from './commands/screenshots.command';
import { seedCommand } from './commands/seed.command';
import { stackCommand } from './commands/stack.command';
import { startCommand } from './commands/start.command';

const HELP = `werkbrug <command>

  start                 run everything: embedded PostgreSQL + Meilisearch, migrations, worker, API
  migrate               apply migrations and reference data
  seed [--demo]         reference data; --demo adds the Ferm Werk demo region
       [--vacancies N --candidates N --seed N]
  reindex               rebuild both search indexes from PostgreSQL and swap them in
  reconcile [--repair]  compare PostgreSQL and Meilisearch ids and update stamps
  outbox [--retry-dead] waiting, retrying and dead outbox messages
  retention [--dry-run] anonymise candidate files whose trajectory ended RETENTION_YEARS ago
  bench [--only platform|matching|instruments|pages|portals --seconds N --platform-size N --matching-size N --portals-size N]
                        benchmarks on a scratch stack; prints figures
  eval [--population CxV --sample N|all]
                        matching evaluation in a scratch database: the labelled set (precision@5,
                        near misses, preferences), then a generated population (default 5000x20000,
                        sample 1000) audited with an independent hard-constraint check
  screenshots           PNGs of the main pages from the demo region in docs/screenshots/
  stack --port-file F   (tests) run only PostgreSQL + Meilisearch; writes their URLs to F
`;

async function main() {
  const { command, flags } = parseArgs(process.argv.slice(2));
  switch (command) {
    case 'start':
      return startCommand();
    case 'migrate':
      return migrateCommand();
    case 'seed':
      return seedCommand(flags);
    case 'reindex':
      return reindexCommand();
    case 'reconcile':
      return reconcileCommand(flags);
    case 'outbox':
      return outboxCommand(flags);
    case 'retention':
      return retentionCommand(flags);
    case 'bench':
      return benchCommand(flags);
    case 'eval':
      return evalCommand(flags);
    case 'screenshots':
      return screenshotsCommand();
    case 'stack':
      return stackCommand(flags);
    case 'help':
    case '--help':
      console.log(HELP);
      return;
    default:
      console.error(`Unknown command "${command}"\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(`[werkbrug] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
