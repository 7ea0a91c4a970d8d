import { randomBytes } from 'node:crypto';
import type { SettingsRepository } from './settings.repository';

/**
 * A random secret made on first use and kept in the database under `key`, so that what depends on
 * it (sessions, badge hashes) survives a restart without any setting.
 */
export async function storedSecret(settings: SettingsRepository, key: string): Promise<string> {
  let secret = await settings.get(key);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    await settings.set(key, secret);
  }
  return secret;
}
