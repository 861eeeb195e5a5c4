import type { Migration, MigrationProvider } from 'kysely';
import * as serverMetaPartnerships from './2026-12-06-001-server-meta-partnerships';
import * as sync from './2026-12-06-002-sync';
import * as rowLevelSecurity from './2026-12-06-003-row-level-security';
import * as serverAudit from './2026-12-06-004-server-audit';
import * as serverExportLog from './2026-12-06-005-server-export-log';
import * as deviceUserProgress from './2026-12-06-006-device-user-progress';
import * as syncGaps from './2026-12-06-007-sync-gaps';
import * as narrowReading from './2026-12-06-008-narrow-reading';
import * as signedRoleVersion from './2026-12-06-009-signed-role-version';
import * as referrerTokens from './2026-12-06-011-referrer-tokens';
import * as pullIndexes from './2026-12-06-012-pull-indexes';

/**
 * Every server migration, oldest first, by ISO-dated name. Imported statically rather than read
 * from a folder, like the desktop store's (db/migrations/), so a bundled server carries them.
 * Append only: a released migration is never edited or renamed.
 */
export const SERVER_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-12-06-001-server-meta-partnerships': serverMetaPartnerships,
  '2026-12-06-002-sync': sync,
  '2026-12-06-003-row-level-security': rowLevelSecurity,
  '2026-12-06-004-server-audit': serverAudit,
  '2026-12-06-005-server-export-log': serverExportLog,
  '2026-12-06-006-device-user-progress': deviceUserProgress,
  '2026-12-06-007-sync-gaps': syncGaps,
  '2026-12-06-008-narrow-reading': narrowReading,
  '2026-12-06-009-signed-role-version': signedRoleVersion,
  '2026-12-06-011-referrer-tokens': referrerTokens,
  '2026-12-06-012-pull-indexes': pullIndexes,
};

/** The schema version this code builds: the number of migrations it knows. */
export const SERVER_SCHEMA_VERSION = Object.keys(SERVER_MIGRATIONS).length;

/** Kysely's Migrator reads the migrations from here. */
export const serverMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...SERVER_MIGRATIONS }),
};
