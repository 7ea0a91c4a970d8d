/**
 * A random (version 4) UUID built from `crypto.getRandomValues`.
 *
 * `crypto.randomUUID` exists only in secure contexts, and booths often load the kiosk from a plain
 * http LAN address (`http://192.168.1.10:3000`), where it is undefined; `getRandomValues` works on
 * every origin. `fill` is a parameter so tests can make the bytes predictable.
 */
export function uuidV4(fill: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = fill(new Uint8Array(16));
  // RFC 9562: the high nibble of byte 6 is the version (4), the top two bits of byte 8 the variant (10).
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
