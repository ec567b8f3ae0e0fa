/**
 * The CLI's commands, as `npm run cli -- <command>` takes them. main.ts dispatches on this list (the
 * compiler checks it has a handler for each), and docs-truth.spec.ts checks the documentation names
 * no other. Kept apart from main.ts so a test can read it without loading every command.
 */
export const CLI_COMMANDS = [
  'start',
  'migrate',
  'seed',
  'reindex',
  'reconcile',
  'outbox',
  'backup',
  'restore',
  'retention',
  'import',
  'export',
  'bench',
  'eval',
  'screenshots',
  'stack',
  'totp',
  'help',
] as const;

export type CliCommand = (typeof CLI_COMMANDS)[number];

export const isCliCommand = (name: string): name is CliCommand =>
  (CLI_COMMANDS as readonly string[]).includes(name);
