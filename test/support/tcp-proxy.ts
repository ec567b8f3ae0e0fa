import net from 'node:net';

/**
 * What the proxy does with connections:
 * - `pass`: pipes them to the real server;
 * - `refuse`: the listener is closed (a new connection is refused, ECONNREFUSED) and every open
 *   connection is destroyed (the peer sees a reset or an unexpected end), as when the server died;
 * - `hang`: new connections are accepted and held, open connections stay open, but nothing is
 *   forwarded either way, as when the server is stopped (SIGSTOP) or the network drops packets.
 */
export type ProxyMode = 'pass' | 'refuse' | 'hang';

export interface TcpProxy {
  readonly port: number;
  readonly mode: ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  /** Destroys every open connection (both sides) and stays in its mode: a drop mid-conversation. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of a real server (the shared test PostgreSQL or Meilisearch), so a test
 * can make that server "die" or "hang" for its own app without touching the server other suites use.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass';
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();
  const held: net.Socket[] = [];

  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (mode === 'hang') {
      // Accepted and never answered; paused, so what the client sends stays unread.
      client.pause();
      held.push(client);
      return;
    }
    const pair = { client, upstream: null as net.Socket | null };
    pairs.add(pair);
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      upstream.destroy();
      pairs.delete(pair);
    });
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  const port = await listen(0);

  const dropConnections = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream?.destroy();
    }
    pairs.clear();
    for (const socket of held.splice(0)) socket.destroy();
  };

  /** Stops piping both ways on open connections: bytes wait in the kernel, nobody answers. */
  const freeze = () => {
    for (const { client, upstream } of pairs) {
      client.unpipe();
      upstream?.unpipe();
      client.pause();
      upstream?.pause();
    }
  };
  const thaw = () => {
    for (const { client, upstream } of pairs) {
      if (!upstream) continue;
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.resume();
    }
  };

  return {
    port,
    get mode() {
      return mode;
    },
    async setMode(next: ProxyMode) {
      if (next === mode) return;
      const was = mode;
      mode = next;
      if (next === 'refuse') {
        dropConnections();
        // close() waits for open connections, which are all destroyed above.
        await stopListening();
        return;
      }
      if (was === 'refuse') await listen(port);
      if (next === 'hang') freeze();
      if (next === 'pass') {
        thaw();
        // Connections accepted while hanging never reached the server: end them, the client retries.
        for (const socket of held.splice(0)) socket.destroy();
      }
    },
    dropConnections,
    async close() {
      mode = 'refuse';
      dropConnections();
      await stopListening();
    },
  };
}

/** The same URL with the host and port of the proxy (a database or Meilisearch URL). */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
}
