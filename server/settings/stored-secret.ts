import { randomBytes } from 'node:crypto';
import type { SettingsRepository } from './settings.repository';

/**
 * A random secret made on first use and kept in the database under `key`, so that what depends on
 * it (sessions, badge hashes) survives a restart without any setting.
 */
export function storedSecret(settings: SettingsRepository, key: string): string {
  let secret = settings.get(key);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    settings.set(key, secret);
  }
  return secret;
}
