import { createHash, randomBytes } from 'node:crypto';

/** A new device token: 256 random bits, shown once. */
export function generateDeviceToken(): string {
  return `sfd_${randomBytes(32).toString('base64url')}`;
}

/**
 * Tokens are stored as SHA-256 digests. A fast hash is right here (unlike passwords): the token
 * is 256 random bits, so there is nothing to guess, and ingest checks it on every post.
 */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
