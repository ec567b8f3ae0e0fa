import '../../register-paths';
import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from '@werkbrug/config';

const DRAIN_MS = 10_000;

async function main() {
  // Validate configuration before anything connects, so a bad setting fails with a clear list.
  const config = loadConfig();
  const { createApiApp } = await import('./create-app');
  const app = await createApiApp();
  let stopping = false;
  // While stopping, every response closes its connection: a client that keeps its connection alive
  // (a load balancer, a keep-alive agent) must not hold the API open.
  app.use((_req: unknown, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    if (stopping) res.setHeader('Connection', 'close');
    next();
  });
  await app.listen(config.port, config.host);
  const server = app.getHttpServer() as Server;

  /**
   * A stop in order: no new connections, requests in flight finish (at most DRAIN_MS), and only then
   * the modules close (database pool, Meilisearch client), so no request fails half-way.
   */
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), DRAIN_MS + 5_000).unref();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // Under `npm start` our stdin is a pipe from the supervisor: when it ends, the supervisor is gone
  // and this API must not keep answering on its own.
  if (process.env.WERKBRUG_SUPERVISED === '1') {
    process.stdin.once('end', () => void stop());
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('API failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
