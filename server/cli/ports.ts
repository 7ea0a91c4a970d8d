import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 nobody listens on right now (for private services: tests, npm run cluster). */
export async function freePort(): Promise<number> {
  return listenAndClose(0);
}

/** True when `port` can be listened on, on every interface (what HAProxy and the nodes bind). */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await listenAndClose(port, '0.0.0.0');
    return true;
  } catch {
    return false;
  }
}

function listenAndClose(port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => {
      const bound = (probe.address() as { port: number }).port;
      probe.close(() => resolve(bound));
    });
  });
}
