import net from 'node:net';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A free port below Linux's ephemeral range (32768+): a port from freePort() can be taken by any
 * short-lived server or client socket on a busy machine before `npm start` listens on it.
 */
export async function quietPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Polls until the probe gives a value (a thrown error counts as not yet). */
export async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | null | false>,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
