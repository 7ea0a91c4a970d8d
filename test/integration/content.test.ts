import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runContentCli } from '../../server/cli/content-cli';
import { ContentFileError, readContentFolder } from '../../server/content/content.files';
import { startServerProcess } from '../support/server-process';
import { databaseEnv, FIXTURE_CONTENT, startTestServer } from '../support/test-server';

const BUNDLED = resolve(import.meta.dirname, '../../content');
const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
const copyOfFixture = () => {
  const dir = temp('showfloor-content-');
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  return dir;
};
const editJson = (file: string, edit: (value: Record<string, unknown>) => void) => {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, JSON.stringify(value));
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the bundled exhibition content', () => {
  it('is valid: five sections, each with at least four published items in both languages', () => {
    const bundle = readContentFolder(BUNDLED);
    expect(bundle.sections.map((s) => s.id).sort()).toEqual(['achievements', 'experts', 'matchmaking', 'platforms', 'promotion']);
    for (const section of bundle.sections) {
      expect(bundle.items.filter((i) => i.section === section.id && i.published).length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('content files', { timeout: 60_000 }, () => {
  it('names the file and the field that is wrong', () => {
    const dir = copyOfFixture();
    const file = join(dir, 'sections/alpha/items/alpha-item-1.json');
    editJson(file, (item) => {
      (item.title as Record<string, string>).en = '';
    });
    expect(() => readContentFolder(dir)).toThrow(ContentFileError);
    expect(() => readContentFolder(dir)).toThrow(/alpha-item-1\.json: title\.en: must not be empty/);
  });

  it('names a file that is not JSON', () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, 'sections/beta/section.json'), '{ nope');
    expect(() => readContentFolder(dir)).toThrow(/beta\/section\.json: .*JSON/);
  });

  it('refuses an item filed under the wrong section', () => {
    const dir = copyOfFixture();
    editJson(join(dir, 'sections/alpha/items/alpha-item-2.json'), (item) => {
      item.section = 'beta';
    });
    expect(() => readContentFolder(dir)).toThrow(/alpha-item-2\.json: section: "beta" must match its folder "alpha"/);
  });

  it('stops the server start with a message naming the file and field', async () => {
    const dir = copyOfFixture();
    editJson(join(dir, 'sections/beta/section.json'), (section) => {
      section.color = 'blue';
    });
    const started = startServerProcess({ DATA_DIR: temp('showfloor-data-'), CONTENT_DIR: dir });
    await expect(started).rejects.toThrow(/exited with 2[\s\S]*beta\/section\.json: color: must be a colour/);
  });

  it('stops the server start with a message naming a wrong environment variable', async () => {
    await expect(startServerProcess({ DATA_DIR: temp('showfloor-data-'), TIME_ZONE: 'Nowhere/Special' })).rejects.toThrow(/exited with 2[\s\S]*TIME_ZONE/);
  });
});

describe('content lives in the database after the first start', () => {
  /** The CLI's environment for the store the test servers on `dataDir` use (their database, on PostgreSQL). */
  const storeOf = async (dataDir: string) => ({ DATA_DIR: dataDir, ...(await databaseEnv(dataDir)) });

  it('keeps serving the stored content when content/ changes, and moves content with export and import', async () => {
    const dataDir = temp('showfloor-data-');
    const seed = copyOfFixture();
    const first = await startTestServer({ DATA_DIR: dataDir, CONTENT_DIR: seed });
    await first.stop({ keepData: true });

    editJson(join(seed, 'exhibition.json'), (e) => {
      (e.title as Record<string, string>).en = 'Changed on disk';
    });
    const second = await startTestServer({ DATA_DIR: dataDir, CONTENT_DIR: seed });
    expect(second.server.snapshot().exhibition.title.en).toBe('Test Exhibition');
    await second.stop({ keepData: true });

    const exported = temp('showfloor-export-');
    expect(await runContentCli('export', [exported], await storeOf(dataDir))).toMatch(/Exported 2 sections and 4 items/);
    expect(readContentFolder(exported)).toEqual(readContentFolder(FIXTURE_CONTENT));

    expect(await runContentCli('import', [seed], await storeOf(dataDir))).toMatch(/Imported 2 sections/);
    const third = await startTestServer({ DATA_DIR: dataDir, CONTENT_DIR: seed });
    expect(third.server.snapshot().exhibition.title.en).toBe('Changed on disk');
    await third.stop();
  });

  it('refuses to import an invalid folder and keeps the stored content', async () => {
    const dataDir = temp('showfloor-data-');
    const first = await startTestServer({ DATA_DIR: dataDir });
    await first.stop({ keepData: true });
    const bad = copyOfFixture();
    rmSync(join(bad, 'exhibition.json'));
    await expect(runContentCli('import', [bad], await storeOf(dataDir))).rejects.toThrow(/no exhibition\.json/);
    const again = await startTestServer({ DATA_DIR: dataDir });
    expect(again.server.snapshot().sections).toHaveLength(2);
    await again.stop();
  });
});
