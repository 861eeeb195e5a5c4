import { servePartnership } from '../server/serve-partnership';

export interface ServerStartOptions {
  readonly databaseUrl: string | undefined;
  readonly listen: string | undefined;
  readonly tlsKey: string | undefined;
  readonly tlsCert: string | undefined;
}

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** `scheme://user:secret@...` or a `password=` parameter: the two ways a URL can carry a password. */
const PASSWORD_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*:[^/?#@]*@|[?&]password=/i;

/**
 * The database URL, refused if it holds a password: the command line is readable by every user of
 * the machine (`ps`). The password comes from PGPASSWORD instead (which `pg` reads), or none is
 * needed with peer authentication over PostgreSQL's Unix socket.
 */
export function checkedDatabaseUrl(text: string | undefined): string {
  if (text === undefined) throw new Error('This server command needs --database-url (e.g. postgres://workwell@localhost:5432/workwell)');
  if (PASSWORD_IN_URL.test(text)) {
    throw new Error(
      'Passwords are never taken on the command line, where other users can read them. Leave it out of --database-url and set PGPASSWORD.',
    );
  }
  return text;
}

/**
 * `workwell-mdt server start`: migrates the database, serves until SIGTERM or SIGINT, then closes
 * the HTTP server and the pool and returns 0. Runs in the foreground, for systemd or a terminal.
 */
export async function serverStartCommand(options: ServerStartOptions, out: (line: string) => void): Promise<number> {
  const databaseUrl = checkedDatabaseUrl(options.databaseUrl);
  if (options.listen === undefined) throw new Error('server start needs --listen HOST:PORT (e.g. 127.0.0.1:8443)');

  // Listening for the stop signals before starting: a SIGTERM that arrived while the database
  // was migrating would otherwise kill the process with the pool open. The first signal stops
  // cleanly; the handlers then go, so a second Ctrl-C ends the process at once.
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  const removeHandlers = () => STOP_SIGNALS.forEach((signal) => process.off(signal, onSignal));
  STOP_SIGNALS.forEach((signal) => process.on(signal, onSignal));
  try {
    const serving = await servePartnership({
      databaseUrl,
      listen: options.listen,
      tlsKeyFile: options.tlsKey,
      tlsCertFile: options.tlsCert,
      log: out,
    });
    out(`WorkWell MDT partnership server listening on ${serving.url} (database schema version ${serving.schemaVersion}).`);
    if (serving.url.startsWith('http:'))
      out('Plain HTTP on this machine only: laptops must reach it through a TLS proxy, or start it with --tls-key and --tls-cert.');
    const signal = await stopRequested;
    removeHandlers();
    out(`${signal}: stopping (requests in flight may finish)...`);
    await serving.stop();
    out('Partnership server stopped.');
    return 0;
  } finally {
    removeHandlers();
  }
}
