import { randomBytes } from 'node:crypto';
import type { SettingsRepository } from './settings.repository';

/**
 * A random secret made on first use and kept in the database under `key`, so that what depends on
 * it (sessions, badge hashes) survives a restart without any setting. Several nodes starting at
 * once on an empty database agree on one: the first write wins and every node reads it back.
 */
export async function storedSecret(settings: Pick<SettingsRepository, 'get' | 'setIfAbsent'>, key: string): Promise<string> {
  return (await settings.get(key)) ?? settings.setIfAbsent(key, randomBytes(32).toString('base64url'));
}
