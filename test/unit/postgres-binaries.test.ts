import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from '../support/postgres';

describe('finding PostgreSQL for the test cluster', () => {
  const root = mkdtempSync(join(tmpdir(), 'showfloor-pgbin-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const install = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    for (const program of ['initdb', 'pg_ctl']) writeFileSync(join(dir, program), '');
    return dir;
  };

  it('fails with how to install it, rather than skipping, when there is none', () => {
    expect(() => findPostgresBinaries({ PATH: join(root, 'empty') }, join(root, 'no-debian'))).toThrow(/apt-get install -y postgresql/);
  });

  it("prefers PG_BIN, then Debian's newest version, then the PATH", () => {
    const debian = join(root, 'lib');
    install(join(debian, '13', 'bin'));
    install(join(debian, '15', 'bin'));
    const onPath = install(join(root, 'path-bin'));
    const chosen = install(join(root, 'chosen'));
    expect(findPostgresBinaries({ PG_BIN: chosen, PATH: onPath }, debian)).toBe(chosen);
    expect(findPostgresBinaries({ PATH: onPath }, debian)).toBe(join(debian, '15', 'bin'));
    expect(findPostgresBinaries({ PATH: onPath }, join(root, 'no-debian'))).toBe(onPath);
  });
});
