import type { Clock } from '../core/clock';
import { describeDatabaseError } from '../server/describe-database-error';
import { choosePartnership } from '../server/partnership-rows';
import { createReferrerToken, listReferrerTokens, revokeReferrerToken } from '../server/referrer-tokens';
import { createServerDatabase } from '../server/server-database';
import { ServerError } from '../server/server-error';
import { checkedDatabaseUrl } from './server-command';

export const REFERRER_TOKEN_USAGE =
  'Usage: workwell-mdt server referrer-token --database-url URL (--name NAME | --revoke ID | --list) [--partnership ID]';

export interface ReferrerTokenOptions {
  readonly databaseUrl: string | undefined;
  readonly partnership: string | undefined;
  readonly name: string | undefined;
  readonly revoke: string | undefined;
  readonly list: boolean | undefined;
  readonly clock: Clock;
}

/**
 * `workwell-mdt server referrer-token`: an administrator of the server makes a token for a
 * referrer's system to POST FHIR referrals (`--name`, printed once: only its hash is kept),
 * revokes one (`--revoke ID`), or lists them (`--list`: ids, names, dates; never a token).
 * Exit 0 done; 1 error (bad arguments, unknown token, database unreachable).
 */
export async function serverReferrerTokenCommand(options: ReferrerTokenOptions, out: (line: string) => void): Promise<number> {
  const chosen = [options.name !== undefined, options.revoke !== undefined, options.list === true].filter(Boolean).length;
  if (chosen !== 1) throw new Error(REFERRER_TOKEN_USAGE);
  const db = createServerDatabase(checkedDatabaseUrl(options.databaseUrl), { maxConnections: 1 });
  try {
    const partnership = await choosePartnership(db, options.partnership).catch((error: unknown) => {
      throw error instanceof ServerError ? error : describeDatabaseError(error, 'Reading the partnerships');
    });
    const now = options.clock();
    if (options.name !== undefined) {
      const made = await createReferrerToken(db, { partnershipId: partnership.id, name: options.name, now });
      out(`Referrer token ${made.id} for "${options.name.trim()}" (${partnership.name}):`);
      out(made.token);
      out('It is shown only this once: give it to the referrer’s system over a secure channel. It POSTs to /referrals/fhir.');
      return 0;
    }
    if (options.revoke !== undefined) {
      if (!(await revokeReferrerToken(db, { partnershipId: partnership.id, id: options.revoke, now })))
        throw new ServerError(
          'REFERRER_TOKEN_NOT_FOUND',
          `${partnership.name} has no referrer token ${options.revoke} that is not already revoked.`,
        );
      out(`Referrer token ${options.revoke} revoked: the next POST with it is refused.`);
      return 0;
    }
    const tokens = await listReferrerTokens(db, partnership.id);
    if (tokens.length === 0) out(`${partnership.name} has no referrer token.`);
    for (const token of tokens)
      out(
        `${token.id}  ${token.name}  made ${token.createdAt.toISOString()}${token.revokedAt === null ? '' : `  revoked ${token.revokedAt.toISOString()}`}`,
      );
    return 0;
  } finally {
    await db.destroy();
  }
}
