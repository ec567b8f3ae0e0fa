import type { DestinationStream } from 'pino';

const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '\x1b[90m'],
  20: ['DEBUG', '\x1b[36m'],
  30: ['INFO ', '\x1b[32m'],
  40: ['WARN ', '\x1b[33m'],
  50: ['ERROR', '\x1b[31m'],
  60: ['FATAL', '\x1b[35m'],
};
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** pino's own fields and those shown in the head of the line; the rest follow as key=value. */
const SHOWN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'context',
  'req',
  'res',
  'responseTime',
  'err',
]);

const clock = (time: unknown) => {
  const d = new Date(typeof time === 'number' ? time : Date.now());
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};

const value = (v: unknown) => (typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v));

/**
 * One pino JSON line as one readable line for a terminal:
 * `15:40:36.123 INFO  [Context] message key=value`, requests as `GET /api/x 200 12 ms`.
 * The input is already redacted by pino; a line that is not JSON passes through unchanged.
 */
export function prettyLine(line: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  if (!entry || typeof entry !== 'object') return `${line}\n`;
  const [label, tint] = LEVELS[Number(entry.level)] ?? ['LOG  ', ''];
  const paint = (code: string, text: string) => (colour ? `${code}${text}${RESET}` : text);
  const parts = [paint(DIM, clock(entry.time)), paint(tint, label)];
  if (entry.context) parts.push(paint(DIM, `[${String(entry.context)}]`));
  const req = entry.req as { id?: string; method?: string; path?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  if (req?.method && res?.statusCode !== undefined) {
    parts.push(`${req.method} ${req.path ?? ''} ${res.statusCode}`);
    if (typeof entry.responseTime === 'number') parts.push(`${entry.responseTime} ms`);
  } else if (entry.msg !== undefined) {
    parts.push(String(entry.msg));
  }
  const err = entry.err as { type?: string; name?: string; message?: string } | undefined;
  if (err?.message)
    parts.push(paint(LEVELS[50][1], `${err.type ?? err.name ?? 'Error'}: ${err.message}`));
  const extra = Object.entries(entry)
    .filter(([k]) => !SHOWN.has(k))
    .map(([k, v]) => `${k}=${value(v)}`);
  if (req?.id) extra.push(`reqId=${req.id}`);
  if (extra.length) parts.push(paint(DIM, extra.join(' ')));
  return `${parts.join(' ')}\n`;
}

/** Whether logs should be pretty: LOG_FORMAT wins, else pretty exactly when stdout is a terminal. */
export function wantsPrettyLogs(format: 'json' | 'pretty' | null, isTty: boolean): boolean {
  return format ? format === 'pretty' : isTty;
}

/** A pino destination that writes pretty lines (pino hands over one JSON line per write). */
export function prettyDestination(
  out: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean } = process.stdout,
): DestinationStream {
  const colour = !!out.isTTY && !process.env.NO_COLOR;
  return {
    write: (chunk: string) => {
      for (const line of chunk.split('\n')) if (line) out.write(prettyLine(line, colour));
    },
  };
}
