import { ConfigError, parseConfig } from './config/config.schema';
import { ContentFileError } from './content/content.files';
import { createServer } from './app';
import { createLogger } from './platform/logger';
import { RedisUnavailableError } from './cluster/redis';

/** Starts showfloor from the environment and stops it cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`showfloor: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let server;
  try {
    server = await createServer(config, { logger });
  } catch (error) {
    if (error instanceof ContentFileError) {
      process.stderr.write(`showfloor: invalid content: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof RedisUnavailableError) {
      process.stderr.write(`showfloor: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // The last line of defence: every background task is guarded, but a promise nobody awaited must
  // not end the show. It is logged loudly instead.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // A stop that hangs (a stuck connection) must not keep the port: give up after 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const port = await server.listen();
  const local = `http://localhost:${port}`;
  logger.info({ port, host: config.host, dataDir: config.dataDir, publicUrl: config.publicUrl ?? null }, `showfloor is running on ${local}`);
  process.stdout.write(`\n  showfloor: open ${local}/  (kiosk ${local}/kiosk/ · stage ${local}/stage/ · console ${local}/console/ · phone ${local}/m/)\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`showfloor: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
