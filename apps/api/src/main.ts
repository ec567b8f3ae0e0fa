import '../../register-paths';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@werkbrug/config';

async function main() {
  // Validate configuration before anything connects, so a bad setting fails with a clear list.
  const config = loadConfig();
  const { createApiApp } = await import('./create-app');
  const app = await createApiApp();
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  // Under `npm start` our stdin is a pipe from the supervisor: when it ends, the supervisor is gone
  // and this API must not keep answering on its own.
  if (process.env.WERKBRUG_SUPERVISED === '1') {
    process.stdin.once('end', () => {
      setTimeout(() => process.exit(1), 15_000).unref();
      void app.close().finally(() => process.exit(0));
    });
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
