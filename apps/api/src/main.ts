import '../../register-paths';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@werkbrug/config';

async function main() {
  // Validate configuration before anything connects, so a bad setting fails with a clear list.
  const config = loadConfig();
  const { createApiApp } = await import('./create-app');
  const app = await createApiApp();
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('API failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
