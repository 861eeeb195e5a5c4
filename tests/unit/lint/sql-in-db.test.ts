import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The `workwell/sql-in-db` block of eslint.config.js: services/ call repository functions and
 * never build queries or touch the raw SQLite connection. Checked through the real config, so the
 * test fails if the block is dropped, rescoped or loses a selector.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** The SQL-in-services problems ESLint reports for `code` as if it were the file at `relative`. */
async function sqlProblems(code: string, relative: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, ...relative.split('/')) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax');
}

const STORE = "import type { Store } from '../db/store';\n";

/** Each way a service could write SQL or reach the raw connection, with how many problems it holds. */
const FORBIDDEN: ReadonlyArray<{ what: string; code: string; problems: number }> = [
  {
    what: 'selectFrom',
    code: `${STORE}export const q = (store: Store) => store.db.selectFrom('users').selectAll().execute();`,
    problems: 1,
  },
  {
    what: 'insertInto on a transaction',
    code: `${STORE}export const q = (store: Store) => store.db.transaction().execute((trx) => trx.insertInto('legal_holds').values([]).execute());`,
    problems: 1,
  },
  {
    what: 'updateTable',
    code: `${STORE}export const q = (store: Store) => store.db.updateTable('users').set({ disabled_at: null }).execute();`,
    problems: 1,
  },
  { what: 'deleteFrom', code: `${STORE}export const q = (store: Store) => store.db.deleteFrom('users').execute();`, problems: 1 },
  {
    what: 'a destructured query builder',
    code: `${STORE}export const q = (store: Store) => { const { selectFrom } = store.db; return selectFrom('users'); };`,
    problems: 1,
  },
  {
    what: 'the sql template tag, imported and used',
    code: "import { sql } from 'kysely';\nexport const q = sql<number>`SELECT 1`;",
    problems: 2,
  },
  { what: 'sql.raw', code: "declare const sql: { raw(text: string): unknown };\nexport const q = sql.raw('SELECT 1');", problems: 1 },
  {
    what: 'a raw statement',
    code: "export const q = (db: { prepare(text: string): { all(): unknown[] } }) => db.prepare('SELECT 1').all();",
    problems: 1,
  },
  { what: 'store.sqlite', code: `${STORE}export const q = (store: Store) => store.sqlite.pragma('quick_check');`, problems: 1 },
  { what: 'store?.sqlite', code: `${STORE}export const q = (store: Store | undefined) => store?.sqlite;`, problems: 1 },
  {
    what: 'a destructured sqlite',
    code: `${STORE}export const q = (store: Store) => { const { sqlite } = store; return sqlite; };`,
    problems: 1,
  },
];

describe('eslint.config.js keeps SQL in db/ (workwell/sql-in-db)', () => {
  it.each(FORBIDDEN)('refuses $what in services/', async ({ code, problems }) => {
    const found = await sqlProblems(code, 'services/sample-service.ts');
    expect(found).toHaveLength(problems);
    for (const problem of found) {
      expect(problem.severity).toBe(2);
      expect(problem.message).toContain('SQL belongs in db/');
    }
  });

  it('refuses it in services/ subfolders too', async () => {
    const found = await sqlProblems(
      FORBIDDEN[0]?.code.replace("'../db/store'", "'../../db/store'") ?? '',
      'services/exports/sample-export.ts',
    );
    expect(found).toHaveLength(1);
  });

  it('allows every one of them in db/, and in services/synthetic/ (exempt for now)', async () => {
    for (const { code } of FORBIDDEN) {
      expect(await sqlProblems(code, 'db/repositories/sample-repository.ts')).toEqual([]);
      expect(await sqlProblems(code, 'services/synthetic/sample-seed.ts')).toEqual([]);
    }
  });

  it('allows a service that passes the store or its Kysely db to repository functions, in a transaction', async () => {
    const code = `${STORE}import { appendAuditEntry } from '../db/repositories/audit-repository';
import { disableUser } from '../db/repositories/user-repository';
export async function revoke(store: Store, id: string): Promise<void> {
  await store.db.transaction().execute((trx) => disableUser(trx, id, '2026-12-06T00:00:00.000Z'));
  appendAuditEntry(store, { at: '', userId: null, username: null, action: 'configure', channel: 'users.revoke', participantId: null, subjectJson: '{}', outcome: 'ok' });
  /SELECT/.exec('not SQL, a regular expression');
}
`;
    expect(await sqlProblems(code, 'services/sample-service.ts')).toEqual([]);
  });

  it('passes on the real services/ tree', async () => {
    const results = await eslint.lintFiles(['services']);
    const problems = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === 'no-restricted-syntax')
        .map((message) => `${path.relative(repoRoot, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(results.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
