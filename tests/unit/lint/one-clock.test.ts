import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * One clock (eslint.config.js, `oneClockRestrictions`): only core/clock.ts reads the system time.
 * Checked through the real config, in every layer, including services/ where the SQL rule shares
 * the same ESLint rule and could silently replace it.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function clockProblems(code: string, relative: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, ...relative.split('/')) });
  return (result?.messages ?? []).filter(
    (message) => message.ruleId === 'no-restricted-syntax' && message.message.includes('injected clock'),
  );
}

const READS_THE_TIME = 'export const a = Date.now();\nexport const b = new Date();\n';
const PLACES = [
  'core/sample.ts',
  'db/sample.ts',
  'services/sample.ts',
  'services/exports/sample.ts',
  'services/synthetic/sample.ts',
  'renderer/sample.tsx',
  'server/sample.ts',
  'cli/sample.ts',
  'host/sample.ts',
  'tests/unit/sample.test.ts',
  'bench/sample.ts',
  'scripts/sample.mjs',
];

describe('eslint.config.js keeps one clock', () => {
  it.each(PLACES)('refuses Date.now() and new Date() in %s', async (place) => {
    expect(await clockProblems(READS_THE_TIME, place)).toHaveLength(2);
  });

  it('allows them in core/clock.ts, and allows dates built from a value and durations anywhere', async () => {
    expect(await clockProblems(READS_THE_TIME, 'core/clock.ts')).toEqual([]);
    const fine =
      "export const d = new Date('2026-12-06T10:00:00Z');\nexport const t = performance.now();\nexport const p = Date.parse('2026-12-06');\n";
    expect(await clockProblems(fine, 'services/sample.ts')).toEqual([]);
  });

  it('keeps the SQL rule in services/ alongside it', async () => {
    const [result] = await eslint.lintText(
      "import type { Store } from '../db/store';\nexport const q = (store: Store) => [store.sqlite, Date.now()];\n",
      { filePath: path.join(repoRoot, 'services', 'sample.ts') },
    );
    const messages = (result?.messages ?? []).map((message) => message.message);
    expect(messages.some((message) => message.includes('SQL belongs in db/'))).toBe(true);
    expect(messages.some((message) => message.includes('injected clock'))).toBe(true);
  });
});
