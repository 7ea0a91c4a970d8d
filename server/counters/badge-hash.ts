import { createHmac } from 'node:crypto';

/**
 * What the server keeps of a scanned badge: a keyed hash (HMAC-SHA256) of the day and the code,
 * never the code. Keyed with a secret of this installation because badge numbers are often short
 * and sequential: a plain hash of them could be reversed by trying every number. The day is part
 * of it, so one day's hashes cannot be matched with another's.
 */
export function badgeHash(key: string, day: string, code: string): string {
  return createHmac('sha256', key).update(day).update('\n').update(code).digest('hex');
}
