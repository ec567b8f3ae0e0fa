export interface ParsedArgs {
  command: string;
  flags: Map<string, string | true>;
  /** Arguments that are not flags (restore FROM). */
  positional: string[];
}

/** Minimal flag parsing: `cmd --flag --key value --key=value`. */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags.set(key, inline);
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) flags.set(key, rest[++i]);
    else flags.set(key, true);
  }
  return { command, flags, positional };
}

export function intFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}
