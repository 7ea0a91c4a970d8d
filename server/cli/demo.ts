import { createServer } from '../app';
import { parseConfig } from '../config/config.schema';
import { createLogger } from '../platform/logger';
import { Simulator } from '../rehearsal/simulator';

/**
 * `npm run demo`: a rehearsal server with simulated visitors, kiosk taps, meetings and a roadshow.
 * It uses its own database (./data-demo unless DATA_DIR says otherwise) so simulated figures never
 * mix with a real day's; every screen shows a "rehearsal" mark. Stop with Ctrl-C.
 */
async function main(): Promise<void> {
  const env = {
    DATA_DIR: './data-demo',
    SHOWFLOOR_ADMIN_PASSWORD: 'rehearsal-admin',
    ...process.env,
    SHOWFLOOR_REHEARSAL: 'true',
  };
  const config = parseConfig(env);
  const logger = createLogger(config.logLevel);
  const server = await createServer(config, { logger });
  const port = await server.listen();
  const speed = Number(process.env.DEMO_SPEED ?? 30);
  const simulator = new Simulator(server, { speed: Number.isFinite(speed) && speed > 0 ? speed : 30 });
  await simulator.start();
  process.stdout.write(
    `\n  showfloor rehearsal on http://localhost:${port}/ (data in ${config.dataDir})\n` +
      `  console: sign in as admin with the password "${env.SHOWFLOOR_ADMIN_PASSWORD}"\n` +
      `  clear the simulated data: POST /api/v1/rehearsal/clear (console: Counters)\n\n`,
  );
  const stop = () => {
    simulator.stop();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${(error as Error).message}\n`);
  process.exit(1);
});
