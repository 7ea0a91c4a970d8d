import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on source text placed (virtually) where it would live:
// the rule is about paths, so each case names the file it pretends to be.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const schemaValue = "import { AnnouncementSchema } from '../../shared/announcements.schema';\nexport const s = AnnouncementSchema;\n";
const schemaType = "import type { Announcement } from '../../shared/announcements.schema';\nexport const f = (a: Announcement) => a.id;\n";
const zodValue = "import { z } from 'zod';\nexport const s = z.string();\n";

describe('no schema values in a budgeted page', () => {
  it('refuses a value import of a schema file in the kiosk, the stage, the phone and the door', async () => {
    for (const file of ['kiosk/kiosk/fixture.ts', 'kiosk/stage/fixture.ts', 'kiosk/m/fixture.ts', 'kiosk/door/fixture.ts', 'kiosk/lib/kiosk/fixture.ts', 'kiosk/lib/fixture.ts']) {
      const problems = await importProblems(file, schemaValue);
      expect(problems, file).toHaveLength(1);
      expect(problems[0]).toMatch(/schema file builds zod values/);
    }
  });

  it('refuses zod itself in a budgeted page', async () => {
    expect(await importProblems('kiosk/lib/phone/fixture.ts', zodValue)).toEqual([expect.stringMatching(/zod is not for budgeted pages/)]);
  });

  it('lints .svelte components too', async () => {
    const component = `<script lang="ts">\n  ${schemaValue.replace('\n', '\n  ')}</script>\n<p>{s.description}</p>\n`;
    expect(await importProblems('kiosk/stage/scenes/Fixture.svelte', component)).toHaveLength(1);
  });

  it('lets a budgeted page import a schema file’s types', async () => {
    expect(await importProblems('kiosk/kiosk/fixture.ts', schemaType)).toEqual([]);
  });

  it('lets the console (no size budget) use the schemas themselves', async () => {
    expect(await importProblems('kiosk/console/fixture.ts', schemaValue)).toEqual([]);
    expect(await importProblems('kiosk/lib/console/fixture.ts', zodValue)).toEqual([]);
  });
});

describe('the two tiers of shared/', () => {
  it('keeps zod and schema values out of the zod-free tier', async () => {
    expect(await importProblems('shared/fixture.rules.ts', zodValue)).toHaveLength(1);
    expect(await importProblems('shared/fixture.rules.ts', "import { AnnouncementSchema } from './announcements.schema';\nexport const s = AnnouncementSchema;\n")).toHaveLength(1);
  });

  it('lets a schema file build with zod', async () => {
    expect(await importProblems('shared/fixture.schema.ts', zodValue)).toEqual([]);
  });
});
