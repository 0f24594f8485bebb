import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules are only worth having if a violation fails lint. Each case lints a
 * deliberately wrong body as if it were an existing file of that world.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint enforces the three worlds (architecture.md §1)', () => {
  const cases: [string, string, string, string][] = [
    [
      'renderer → main',
      'renderer/api.ts',
      "import { createApp } from '../main/app';\nexport const x = createApp;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'main → renderer',
      'main/app.ts',
      "import { call } from '../renderer/api';\nexport const x = call;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'shared → main',
      'shared/api.ts',
      "import { createApp } from '../main/app';\nexport const x = createApp;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'shared → node',
      'shared/api.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'no-restricted-imports',
    ],
    [
      'shared → electron',
      'shared/api.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      'no-restricted-imports',
    ],
    [
      'shared → DOM',
      'shared/api.ts',
      'export const x = (): unknown => window;\n',
      'no-restricted-globals',
    ],
    [
      'renderer → node',
      'renderer/api.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'no-restricted-imports',
    ],
    [
      'main core → electron',
      'main/router.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      'no-restricted-imports',
    ],
    [
      'a window outside the factory',
      'main/electron/ipc.ts',
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({});\n",
      'no-restricted-syntax',
    ],
    [
      'db.serialize()',
      'main/store.ts',
      'export function leak(db: { serialize(): Uint8Array }): Uint8Array {\n  return db.serialize();\n}\n',
      'no-restricted-syntax',
    ],
  ];

  for (const [label, file, code, rule] of cases) {
    it(`fails lint: ${label}`, async () => {
      expect(await ruleIds(file, code)).toContain(rule);
    });
  }

  it('passes a clean file of the same worlds', async () => {
    expect(await ruleIds('shared/api.ts', 'export const answer = 42;\n')).toEqual([]);
  });
});
