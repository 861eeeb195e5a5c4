import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Optional quick unlock: the user's passphrase kept encrypted by the operating system's key store
 * (Electron `safeStorage`: Keychain, DPAPI, libsecret or KWallet), so unlocking needs only the OS
 * session. On Linux, Electron falls back to `basic_text`, a hard-coded key that protects nothing;
 * this adapter refuses it (and an `unknown` backend), so a passphrase is never stored that way.
 *
 * Not yet offered in the UI: this is the tested adapter the unlock screen will use.
 */

/** The part of Electron's safeStorage this uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export type QuickUnlockAvailability = { readonly available: true } | { readonly available: false; readonly reason: string };

/** Linux backends that do not really encrypt. */
const REFUSED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/** Whether quick unlock may be offered on this machine, and if not, why (for the settings screen). */
export function quickUnlockAvailability(safeStorage: SafeStorageLike, platform: NodeJS.Platform): QuickUnlockAvailability {
  if (!safeStorage.isEncryptionAvailable()) return { available: false, reason: 'This computer has no key store the app can use.' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (REFUSED_LINUX_BACKENDS.has(backend)) {
      return {
        available: false,
        reason: 'This computer has no desktop key store (GNOME Keyring or KWallet), so the passphrase could not be kept safely.',
      };
    }
  }
  return { available: true };
}

export interface QuickUnlockVault {
  remember(username: string, passphrase: string): Promise<void>;
  /** The remembered passphrase, or undefined (none, unreadable, or quick unlock unavailable). */
  recall(username: string): Promise<string | undefined>;
  forget(username: string): Promise<void>;
}

/**
 * Keeps OS-encrypted passphrases in one JSON file (base64 blobs by username), outside the store's
 * folder. Every call re-checks availability, so a machine whose key store went away stops
 * answering rather than falling back.
 */
export function createQuickUnlockVault(safeStorage: SafeStorageLike, platform: NodeJS.Platform, file: string): QuickUnlockVault {
  const read = async (): Promise<Record<string, string>> => {
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
        : {};
    } catch {
      return {};
    }
  };
  const write = async (entries: Record<string, string>) => {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(entries), { mode: 0o600 });
    await fs.rename(temporary, file);
  };
  const assertAvailable = () => {
    const availability = quickUnlockAvailability(safeStorage, platform);
    if (!availability.available) throw new Error(availability.reason);
  };
  return {
    async remember(username, passphrase) {
      assertAvailable();
      const entries = await read();
      entries[username] = safeStorage.encryptString(passphrase).toString('base64');
      await write(entries);
    },
    async recall(username) {
      if (!quickUnlockAvailability(safeStorage, platform).available) return undefined;
      const blob = (await read())[username];
      if (blob === undefined) return undefined;
      try {
        return safeStorage.decryptString(Buffer.from(blob, 'base64'));
      } catch {
        return undefined;
      }
    },
    async forget(username) {
      const entries = await read();
      if (!(username in entries)) return;
      delete entries[username];
      await write(entries);
    },
  };
}
