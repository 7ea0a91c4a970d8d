/**
 * Child process: one real showfloor, configured from the environment the bench passes in
 * (DATA_DIR, INGEST_COMMIT, …) on top of test defaults (fixture content, port 0, silent logs).
 * Tells the parent its port over IPC; stops gracefully on SIGTERM or when the parent goes away.
 */
import { createServer } from '../../server/app';
import { parseConfig } from '../../server/config/config.schema';
import { ADMIN_PASSWORD, FIXTURE_CONTENT } from '../support/test-server';
import type { FromServer, ToServer } from './ipc';
import { processUsage } from './process-usage';

const send = (message: FromServer) => process.send?.(message);

async function main(): Promise<void> {
  if (!process.env.DATA_DIR) throw new Error('DATA_DIR must be set (the bench creates and removes it)');
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CONTENT_DIR: FIXTURE_CONTENT,
    LOG_LEVEL: 'silent',
    SHOWFLOOR_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...process.env,
  });
  const server = await createServer(config);
  const port = await server.listen();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`server-process: error while stopping: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  // An orphan would keep the port and the data directory busy after a crashed bench.
  process.on('disconnect', stop);
  process.on('message', (raw) => {
    const message = raw as ToServer;
    if (message.cmd === 'usage') send({ type: 'usage', usage: processUsage() });
  });
  send({ type: 'listening', port });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: (error as Error).stack ?? String(error) });
  process.exit(1);
});
