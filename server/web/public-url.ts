import { networkInterfaces } from 'node:os';

/**
 * The address phones and other screens use to reach this server. PUBLIC_URL when set; otherwise
 * the first LAN IPv4 address with the listening port, because `localhost` in a QR code would send
 * a visitor's phone to itself.
 */
export function resolvePublicUrl(configured: string | undefined, port: number): string {
  if (configured) return configured;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return `http://${address.address}:${port}`;
    }
  }
  return `http://localhost:${port}`;
}
