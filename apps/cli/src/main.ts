import '../../register-paths';
import 'reflect-metadata';
import { parseArgs } from './args';
import { type CliCommand, isCliCommand } from './command-names';

const HELP = `werkbrug <command>

  start                 run everything: embedded PostgreSQL + Meilisearch, migrations, worker, API
  migrate               apply migrations and reference data
  seed [--demo]         reference data; --demo adds the Ferm Werk demo region
       [--vacancies N --candidates N --seed N]
  reindex               rebuild both search indexes from PostgreSQL and swap them in
  reconcile [--repair]  compare PostgreSQL and Meilisearch ids and update stamps
  outbox [--retry-dead] waiting, retrying and dead outbox messages
  backup [--to DIR --keep-days N]
                        consistent backup of PostgreSQL into DIR/werkbrug-backup-<time> (default
                        <data folder>/backups); removes backups there older than N days (35)
  restore FROM [--erasure-log FILE]
                        restore a backup into an empty data folder; the next start migrates,
                        repeats logged erasures and rebuilds the search indexes
  retention [--dry-run] anonymise candidate files whose trajectory ended RETENTION_YEARS ago
  import candidates|employers|workplaces FILE --organisation ID [--dry-run] [--mapping FILE.json] [--purpose TEXT] [--as EMAIL]
                        import a CSV or XLSX (dry run, then the real run) with a progress bar;
                        the report goes to FILE.verslag.csv; acts as the first administrator
                        unless --as names a user (a werkmakelaar for protected columns)
  export candidates|employers|workplaces --organisation ID --out FILE.csv|FILE.xlsx [--purpose TEXT] [--as EMAIL]
                        write an organisation's records in the import template's columns
  bench [--only platform|matching|instruments|pages|portals --seconds N --platform-size N --matching-size N --portals-size N]
                        benchmarks on a scratch stack; prints figures
  eval [--population CxV --sample N|all]
                        matching evaluation in a scratch database: the labelled set (precision@5,
                        near misses, preferences), then a generated population (default 5000x20000,
                        sample 1000) audited with an independent hard-constraint check
  screenshots           PNGs of the main pages from the demo region in docs/screenshots/
  stack --port-file F   (tests) run only PostgreSQL + Meilisearch; writes their URLs to F
  totp [--secret S]     the current authenticator code of a TOTP secret (default: the demo
                        werkmakelaars' secret)
`;

type Flags = Map<string, string | true>;

/**
 * One handler per command of CLI_COMMANDS: a command without one does not compile. Each command's
 * code is loaded when it runs: `npm start` does not wait for the bench, the import or the browser.
 */
const HANDLERS: Record<CliCommand, (flags: Flags, positional: string[]) => Promise<void>> = {
  start: async () => (await import('./commands/start.command')).startCommand(),
  migrate: async () => (await import('./commands/migrate.command')).migrateCommand(),
  seed: async (flags) => (await import('./commands/seed.command')).seedCommand(flags),
  reindex: async () => (await import('./commands/reindex.command')).reindexCommand(),
  reconcile: async (flags) =>
    (await import('./commands/reconcile.command')).reconcileCommand(flags),
  outbox: async (flags) => (await import('./commands/outbox.command')).outboxCommand(flags),
  backup: async (flags) => (await import('./commands/backup.command')).backupCommand(flags),
  restore: async (flags, positional) =>
    (await import('./commands/restore.command')).restoreCommand(flags, positional),
  retention: async (flags) =>
    (await import('./commands/retention.command')).retentionCommand(flags),
  import: async (flags, positional) =>
    (await import('./commands/import.command')).importCommand(flags, positional),
  export: async (flags, positional) =>
    (await import('./commands/import.command')).exportCommand(flags, positional),
  bench: async (flags) => (await import('./commands/bench.command')).benchCommand(flags),
  eval: async (flags) => (await import('./commands/eval.command')).evalCommand(flags),
  screenshots: async () => (await import('./commands/screenshots.command')).screenshotsCommand(),
  stack: async (flags) => (await import('./commands/stack.command')).stackCommand(flags),
  totp: async (flags) => (await import('./commands/totp.command')).totpCommand(flags),
  help: () => {
    console.log(HELP);
    return Promise.resolve();
  },
};

async function main() {
  const { command, flags, positional } = parseArgs(process.argv.slice(2));
  if (command === '--help') return HANDLERS.help(flags, positional);
  if (isCliCommand(command)) return HANDLERS[command](flags, positional);
  console.error(`Unknown command "${command}"\n\n${HELP}`);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(`[werkbrug] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
