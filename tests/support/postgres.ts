import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { migrateServerToLatest } from '../../server/migrate-server';
import { requestRoleName } from '../../server/migrations/2026-12-06-003-row-level-security';
import { createServerDatabase } from '../../server/server-database';
import { databaseUrl, onAdmin, startThrowawayCluster, type ThrowawayCluster } from './postgres-cluster';

/**
 * PostgreSQL for the partnership server tests: a Vitest globalSetup plus `freshServerDatabase()`.
 *
 * The cluster (and its migrated template database) is made on first use, not at start: this
 * globalSetup runs for every Vitest invocation, and most never touch the server, so they should
 * not pay initdb's seconds or fail on a machine without PostgreSQL. The globalSetup owns the
 * cluster and answers the test workers through a loopback address with a random token; the first
 * request starts it, teardown stops it.
 *
 * With WORKWELL_TEST_DATABASE_URL set (a superuser or CREATEDB role's URL to a maintenance
 * database such as `postgres`), that server is used instead of a throwaway cluster.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where workers ask for the cluster: http://127.0.0.1:PORT/TOKEN. */
    workwellPostgres: string;
  }
}

/** What a worker needs to make databases. */
interface ClusterInfo {
  readonly adminUrl: string;
  readonly template: string;
}

/** Creates `template` and migrates it once; every test database is a copy of it. */
async function makeTemplate(adminUrl: string, template: string): Promise<void> {
  await onAdmin(adminUrl, `CREATE DATABASE ${template}`);
  const db = createServerDatabase(databaseUrl(adminUrl, template), { maxConnections: 1 });
  try {
    await migrateServerToLatest(db);
  } finally {
    await db.destroy();
  }
  // No one may connect to it afterwards: CREATE DATABASE ... TEMPLATE fails while anyone is.
  await onAdmin(adminUrl, `ALTER DATABASE ${template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
}

/** Drops a template made by an earlier run against the same external server. */
async function dropTemplate(adminUrl: string, template: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (found.rowCount === 0) return;
    await client.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE false`);
    await client.query(`DROP DATABASE ${template} WITH (FORCE)`);
    // Roles outlive databases: its request role goes too, unless a copy left behind still uses it.
    await client.query(`DROP ROLE IF EXISTS "${requestRoleName(template)}"`).catch(() => undefined);
  } finally {
    await client.end();
  }
}

/** Vitest globalSetup: serves the cluster on demand and stops it after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUrl = process.env.WORKWELL_TEST_DATABASE_URL;
  // An external server may be shared by several runs: each has a template of its own.
  const template = externalUrl === undefined ? 'workwell_template' : `workwell_template_${randomBytes(6).toString('hex')}`;
  let cluster: ThrowawayCluster | undefined;
  let ready: Promise<ClusterInfo> | undefined;

  const prepare = async (): Promise<ClusterInfo> => {
    let adminUrl = externalUrl;
    if (adminUrl === undefined) {
      cluster = await startThrowawayCluster();
      adminUrl = cluster.adminUrl;
    }
    await makeTemplate(adminUrl, template);
    return { adminUrl, template };
  };

  const token = randomBytes(16).toString('hex');
  const control: Server = createServer((request, response) => {
    if (request.url !== `/${token}`) {
      response.writeHead(404).end();
      return;
    }
    ready ??= prepare();
    ready.then(
      (info) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(info)),
      (error: unknown) =>
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  project.provide('workwellPostgres', `http://127.0.0.1:${(control.address() as AddressInfo).port}/${token}`);

  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    const info = await ready?.catch(() => undefined);
    if (externalUrl !== undefined && info !== undefined) await dropTemplate(externalUrl, template);
    await cluster?.stop();
  };
}

let clusterInfo: Promise<ClusterInfo> | undefined;

/** Asks the globalSetup for the cluster, starting it if this is the run's first request. */
function askForCluster(): Promise<ClusterInfo> {
  clusterInfo ??= (async () => {
    const response = await fetch(inject('workwellPostgres'));
    if (!response.ok) throw new Error(await response.text());
    return (await response.json()) as ClusterInfo;
  })();
  return clusterInfo;
}

/** A database of its own for a test file, and how to drop it. */
export interface FreshServerDatabase {
  /** postgres:// URL of the new database. */
  readonly url: string;
  /** Drops it, ending any connections still open to it. */
  drop(): Promise<void>;
}

/**
 * A new, empty-of-data database on the test PostgreSQL server. By default it is a copy of the
 * migrated template (fast: no migrations run); `{ migrated: false }` gives a blank one, to test
 * migrating at start.
 */
export async function freshServerDatabase(options: { migrated?: boolean } = {}): Promise<FreshServerDatabase> {
  const { adminUrl, template } = await askForCluster();
  const name = `workwell_test_${randomBytes(8).toString('hex')}`;
  await onAdmin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${options.migrated === false ? 'template0' : template}`);
  return {
    url: databaseUrl(adminUrl, name),
    // A blank database migrated by a test made its own request role (copies use the template's).
    drop: () => onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP ROLE IF EXISTS "${requestRoleName(name)}"`),
  };
}
