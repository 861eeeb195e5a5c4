import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** A PostgreSQL cluster made for one test run, in a temporary folder, gone after stop(). */
export interface ThrowawayCluster {
  /** Superuser URL of the `postgres` maintenance database (trust auth, 127.0.0.1 only). */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

const DEBIAN_BIN_ROOT = '/usr/lib/postgresql';

/**
 * The folder holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin (Debian keeps
 * them off PATH), else wherever PATH has initdb. Fails, never skips, when there is none.
 */
export async function findPostgresBin(debianRoot = DEBIAN_BIN_ROOT, searchPath = process.env.PATH ?? ''): Promise<string> {
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => existsSync(path.join(debianRoot, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return path.join(debianRoot, versions[0], 'bin');
  }
  try {
    const { stdout } = await run('/bin/sh', ['-c', 'command -v initdb'], { env: { PATH: searchPath } });
    return path.dirname(stdout.trim());
  } catch {
    throw new Error(
      'The partnership server tests need PostgreSQL, and its binaries (initdb, pg_ctl) were not found. ' +
        'Install them with `apt-get install -y postgresql` (Debian/Ubuntu), or set WORKWELL_TEST_DATABASE_URL ' +
        'to a PostgreSQL server where this user may create databases.',
    );
  }
}

/** A port nobody is listening on right now (PostgreSQL is then told to use it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a throwaway cluster as sync.md describes: initdb in a temporary folder, fsync off,
 * listening on 127.0.0.1 only. initdb refuses to run as root, so as root the cluster belongs to
 * the `postgres` user (runuser); otherwise to whoever runs the tests.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = await findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-pg-'));
  const dataDir = path.join(dir, 'data');
  const pgUser = asRoot ? await postgresUser() : undefined;
  if (pgUser !== undefined) chownSync(dir, pgUser.uid, pgUser.gid);
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  try {
    // --no-sync: nothing here needs to survive a power cut, and it saves a second of fsyncs.
    await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
    const port = await startOnFreePort(pg, dir, dataDir);
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: unknown }).stderr;
    throw typeof stderr === 'string' ? new Error(`Could not start a test PostgreSQL cluster: ${stderr.trim()}`, { cause: error }) : error;
  }
}

/** pg_ctl start on a free port; another process may take the port first, so try a few. */
async function startOnFreePort(pg: (tool: string, args: string[]) => Promise<unknown>, dir: string, dataDir: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      await pg('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-o', settings, 'start']);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'Running as root, the test PostgreSQL cluster needs the `postgres` user, which `apt-get install -y postgresql` creates.',
    );
  }
}

/** The URL of database `name` on the server `adminUrl` points at. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `statements` on the admin database, one connection, then closes it. */
export async function onAdmin(adminUrl: string, ...statements: string[]): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
