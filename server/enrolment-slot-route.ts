import { createHmac, randomBytes } from 'node:crypto';
import { AddressRateLimit } from './address-rate-limit';
import { HttpError } from './http-error';
import type { Route } from './route';

type Slot = Record<string, unknown>;

/** How many slot requests one address may make a minute: enough to enrol a room of laptops, far too few to list usernames. */
export const ENROLMENT_REQUESTS_PER_MINUTE = 20;

/** `length` bytes derived from the server's secret for one purpose and one username: the same every time. */
function derived(secret: Buffer, purpose: string, username: string, length: number): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${username}`).digest().subarray(0, length).toString('base64');
}

/** 64 bytes (an Ed25519 signature's size) from two derivations: one HMAC-SHA-256 gives only 32. */
function signatureBytes(secret: Buffer, username: string): string {
  const half = (purpose: string) => Buffer.from(derived(secret, purpose, username, 32), 'base64');
  return Buffer.concat([half('role-signature-1'), half('role-signature-2')]).toString('base64');
}

function derivedUuid(secret: Buffer, username: string): string {
  const hex = Buffer.from(derived(secret, 'user-id', username, 16), 'base64');
  hex[6] = (hex[6]! & 0x0f) | 0x40;
  hex[8] = (hex[8]! & 0x3f) | 0x80;
  const text = hex.toString('hex');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/**
 * A slot for a username the server does not know (or has revoked), shaped exactly like `template`
 * (a real slot: same fields and scrypt cost) but opened by no passphrase, and the same on every
 * request (derived from the server's secret), so the answer does not tell whether the user exists.
 */
function decoySlot(secret: Buffer, username: string, template: Slot): Slot {
  const kdf = template.kdf as Slot;
  const cipher = template.cipher as Slot;
  const bytes = (purpose: string, length: number) => derived(secret, purpose, username, length);
  return {
    userId: derivedUuid(secret, username),
    username,
    kdf: { ...kdf, salt: bytes('salt', 16) },
    cipher: { ...cipher, iv: bytes('iv', 12), tag: bytes('tag', 16), wrappedKey: bytes('wrapped', 32) },
    ...(template.publicKey === undefined ? {} : { publicKey: bytes('public', 32) }),
    ...(template.signingPublicKey === undefined ? {} : { signingPublicKey: bytes('signing-public', 32) }),
    ...(template.sealedDataKey === undefined
      ? {}
      : {
          sealedDataKey: {
            ephemeralPublicKey: bytes('ephemeral', 32),
            iv: bytes('sealed-iv', 12),
            tag: bytes('sealed-tag', 16),
            wrappedKey: bytes('sealed-key', 32),
          },
        }),
    // Since roles are signed (issue 18 item 1) a slot carries the administrators' public keys it
    // trusts (the same for every user: public, copied) and its signed role (the signature derived,
    // so it is the same every time yet never the template user's own).
    ...(template.anchor === undefined ? {} : { anchor: template.anchor }),
    ...(template.role === undefined ? {} : { role: { ...(template.role as Slot), signature: signatureBytes(secret, username) } }),
  };
}

/**
 * GET /enrol/slot?username=: the user's keyring slot and the keyring's description, for a new
 * laptop to unwrap with the passphrase typed there. The slot is useless without the passphrase
 * (scrypt at 128 MiB per guess); the passphrase never reaches the server. An unknown or revoked
 * username gets a decoy slot of the same shape from the same queries (the laptop then says the
 * passphrase is not right, as for a real user), so the route cannot be used to find usernames;
 * and each address may ask only so often (429 RATE_LIMITED).
 *
 * `secret`: the decoys' key (a fresh random one per process unless given: a restart changes the
 * decoys, never a real slot). `limit`: requests per window per address.
 */
export function enrolmentSlotRoute(options: { secret?: Buffer; limit?: { requests: number; perMs: number } } = {}): Route {
  const secret = options.secret ?? randomBytes(32);
  const limiter = new AddressRateLimit(options.limit?.requests ?? ENROLMENT_REQUESTS_PER_MINUTE, options.limit?.perMs ?? 60_000);
  return {
    method: 'GET',
    pattern: '/enrol/slot',
    async handle({ db, query, remoteAddress }) {
      const username = query.get('username') ?? '';
      if (username.length === 0 || username.length > 64 || username.includes('\u0000'))
        throw new HttpError(400, 'VALIDATION', 'Give a username of 1 to 64 characters, with no NUL character.');
      const wait = limiter.take(remoteAddress ?? 'unknown');
      if (wait > 0)
        throw new HttpError(429, 'RATE_LIMITED', 'Too many enrolment requests from this address. Wait a minute and try again.', {
          headers: { 'Retry-After': String(Math.ceil(wait / 1000)) },
        });
      const found = await db
        .selectFrom('users')
        .innerJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
        .innerJoin('partnerships', 'partnerships.id', 'users.partnership_id')
        .select(['keyring_slots.slot', 'partnerships.keyring_meta', 'users.revoked_at'])
        .where('users.username', '=', username)
        .executeTakeFirst();
      // Asked for every username, known or not, so both answers cost the same.
      const template = await db
        .selectFrom('keyring_slots')
        .innerJoin('users', 'users.id', 'keyring_slots.user_id')
        .innerJoin('partnerships', 'partnerships.id', 'users.partnership_id')
        .select(['keyring_slots.slot', 'partnerships.keyring_meta'])
        .orderBy('partnerships.id')
        .orderBy('users.id')
        .limit(1)
        .executeTakeFirst();
      if (found !== undefined && found.revoked_at === null) return { status: 200, body: { slot: found.slot, keyring: found.keyring_meta } };
      if (template === undefined)
        throw new HttpError(401, 'SIGN_IN_FAILED', 'The partnership server did not recognise this user on this laptop.');
      return { status: 200, body: { slot: decoySlot(secret, username, template.slot as Slot), keyring: template.keyring_meta } };
    },
  };
}
