import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, signInToConsole, test } from './console-helpers';

const SOCKET_IO_CLIENT = readFileSync(resolve(import.meta.dirname, '../../node_modules/socket.io-client/dist/socket.io.min.js'));

/**
 * The attacker's page: served from another port on the same host — the same *site*, so the
 * browser sends the operator's SameSite=Lax session cookie with the socket handshake. It tries
 * to join /console and /device and writes what happened into the page.
 */
function attackerPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Free prizes</title>
<script src="/socket.io.min.js"></script>
<pre id="console">…</pre><pre id="device">…</pre>
<script>
  function attempt(namespace, id, options) {
    const socket = io(${JSON.stringify(target)} + namespace, Object.assign({ transports: ['websocket'], reconnection: false }, options));
    socket.on('connect', () => {
      document.getElementById(id).textContent = 'joined';
      socket.emit('fleet:get', (reply) => { document.getElementById(id).textContent = 'joined: ' + JSON.stringify(reply).slice(0, 200); });
    });
    socket.on('connect_error', (error) => { document.getElementById(id).textContent = 'refused: ' + error.message; });
  }
  attempt('/console', 'console', {});
  attempt('/device', 'device', { auth: { token: new URLSearchParams(location.search).get('token') || 'x' } });
</script>`;
}

test.describe('a page from another origin', () => {
  let attacker: Server;
  test.afterEach(async () => {
    await new Promise((r) => attacker?.close(r));
  });

  test('cannot join the console or device sockets with the operator’s session', async ({ page, showfloor }) => {
    await signInToConsole(page);
    attacker = createServer((req, res) => {
      if (req.url === '/socket.io.min.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(SOCKET_IO_CLIENT);
      res.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage(showfloor.url));
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;

    const evil = await page.context().newPage();
    await evil.goto(attackerUrl);
    await expect(evil.locator('#console')).toHaveText(/^refused: cross_site: Requests from http:\/\/127\.0\.0\.1:\d+ are refused/);
    await expect(evil.locator('#device')).toHaveText(/^refused: cross_site/);

    // The operator's own console, in the same browser, is still connected and working.
    await page.getByRole('link', { name: /Screens/ }).first().click();
    await expect(page.getByRole('heading', { name: /Screens/ }).first()).toBeVisible();
  });
});
