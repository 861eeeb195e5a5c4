import { readFileSync } from 'node:fs';
import { checkTransport, parseListenAddress } from './listen-address';
import { migrateServerToLatest } from './migrate-server';
import { startPartnershipServer } from './partnership-server';
import { createServerDatabase } from './server-database';
import { ServerError } from './server-error';

export interface ServePartnershipOptions {
  readonly databaseUrl: string;
  /** `HOST:PORT`. */
  readonly listen: string;
  readonly tlsKeyFile?: string;
  readonly tlsCertFile?: string;
  /** Request lines and pool warnings (default: stdout). */
  readonly log?: (line: string) => void;
}

export interface ServingPartnership {
  readonly url: string;
  readonly schemaVersion: number;
  /** Closes the HTTP server (letting requests in flight finish), then the database pool. */
  stop(): Promise<void>;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ServerError(
      'TLS_INCOMPLETE',
      `The TLS ${what} file ${file} could not be read (${(error as { code?: string }).code ?? 'error'}).`,
      { cause: error },
    );
  }
}

/**
 * Everything `workwell-mdt server start` does: checks the address and TLS settings before touching
 * the database, migrates the database (refusing one from a newer server), then listens.
 */
export async function servePartnership(options: ServePartnershipOptions): Promise<ServingPartnership> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { host, port } = parseListenAddress(options.listen);
  const wantsTls = options.tlsKeyFile !== undefined || options.tlsCertFile !== undefined;
  checkTransport(host, wantsTls ? { key: options.tlsKeyFile, cert: options.tlsCertFile } : undefined);
  const tls =
    options.tlsKeyFile !== undefined && options.tlsCertFile !== undefined
      ? { key: readPem(options.tlsKeyFile, 'key'), cert: readPem(options.tlsCertFile, 'certificate') }
      : undefined;

  const db = createServerDatabase(options.databaseUrl, {
    onIdleError: (code) => log(`database connection lost (${code}); it will reconnect on the next request`),
  });
  try {
    const schemaVersion = await migrateServerToLatest(db);
    const server = await startPartnershipServer({ db, host, port, tls, log, listenDatabaseUrl: options.databaseUrl });
    return {
      url: server.url,
      schemaVersion,
      stop: async () => {
        await server.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
