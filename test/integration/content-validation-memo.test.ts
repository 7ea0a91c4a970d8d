import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../server/content/content.files';
import { SqlContentRepository, type ContentValidationMemo } from '../../server/content/content.repository';
import { compiledBuildIdentity } from '../../server/platform/build-identity';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import { FIXTURE_CONTENT } from '../support/test-server';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'showfloor-memo-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A memo kept in memory, recording every fingerprint it is asked to remember. */
function memoFor(build: string, last?: string): ContentValidationMemo & { remembered: string[] } {
  const remembered: string[] = [];
  return { build, remembered, last: async () => remembered.at(-1) ?? last, remember: async (fingerprint) => void remembered.push(fingerprint) };
}

async function seededRepository() {
  const storage = openSqliteStorage({ dataDir: temp() });
  const repository = new SqlContentRepository(storage);
  await repository.replaceAll(readContentFolder(FIXTURE_CONTENT), new Date().toISOString(), 'seed');
  return { storage, repository };
}

describe('re-validating stored content at start', () => {
  it('validates the rows once per build and trusts exactly those rows afterwards', async () => {
    const { storage, repository } = await seededRepository();
    const memo = memoFor('build-1');
    const validated = await repository.load(memo);
    expect(memo.remembered).toHaveLength(1);

    const again = memoFor('build-1', memo.remembered[0]);
    expect(await repository.load(again)).toEqual(validated);
    // Trusted: nothing new to remember.
    expect(again.remembered).toEqual([]);

    // Another build may have other schemas: it checks the same rows again.
    const otherBuild = memoFor('build-2', memo.remembered[0]);
    expect(await repository.load(otherBuild)).toEqual(validated);
    expect(otherBuild.remembered).toHaveLength(1);
    expect(otherBuild.remembered[0]).not.toBe(memo.remembered[0]);
    await storage.close();
  });

  it('always validates rows that changed since, and remembers nothing when they are invalid', async () => {
    const { storage, repository } = await seededRepository();
    const memo = memoFor('build-1');
    await repository.load(memo);
    const trustedBefore = memo.remembered[0];
    // A hand edit of the database file: an item whose section is not a string.
    storage.sqlite!.prepare("UPDATE items SET data = json_set(data, '$.section', 42) WHERE rowid = (SELECT min(rowid) FROM items)").run();

    const afterEdit = memoFor('build-1', trustedBefore);
    await expect(repository.load(afterEdit)).rejects.toThrow(/section/);
    expect(afterEdit.remembered).toEqual([]);
    await storage.close();
  });
});

describe('compiledBuildIdentity', () => {
  it('names only a compiled .js file, and changes when it is rebuilt', () => {
    expect(compiledBuildIdentity(pathToFileURL(join(temp(), 'main.ts')).href)).toBeUndefined();
    const bundle = join(temp(), 'main.js');
    writeFileSync(bundle, 'export {};\n');
    utimesSync(bundle, 1_000, 1_000);
    const first = compiledBuildIdentity(pathToFileURL(bundle).href);
    expect(first).toEqual(expect.any(String));
    writeFileSync(bundle, 'export {}; // rebuilt\n');
    expect(compiledBuildIdentity(pathToFileURL(bundle).href)).not.toBe(first);
  });
});
