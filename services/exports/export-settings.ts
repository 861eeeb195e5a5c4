import { accessSync, constants, statSync } from 'node:fs';
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import type { ExportSettings } from '../../core/schemas/fhir-export';
import { listExportSettings, saveExportSettingValues } from '../../db/repositories/export-settings-repository';
import type { Store } from '../../db/store';

/** The destinations as the export uses them, token included: never send this to the renderer or a log. */
export interface ExportDestinations {
  readonly folder: string | null;
  readonly baseUrl: string | null;
  readonly token: string | null;
}

const KEYS = { folder: 'fhir.folder', baseUrl: 'fhir.base_url', token: 'fhir.token' } as const;

function readAll(store: Store): Map<string, { value: string; updated_at: string }> {
  return new Map(listExportSettings(store).map((row) => [row.key, row]));
}

/** Where exports go, with the token, for the export itself. */
export function exportDestinations(store: Store): ExportDestinations {
  const rows = readAll(store);
  const value = (key: string) => {
    const found = rows.get(key)?.value;
    return found === undefined || found === '' ? null : found;
  };
  return { folder: value(KEYS.folder), baseUrl: value(KEYS.baseUrl), token: value(KEYS.token) };
}

/** The settings for the screen: whether a token is set, never the token. */
export function readExportSettings(store: Store): ExportSettings {
  const rows = readAll(store);
  const destinations = exportDestinations(store);
  const updated =
    [...rows.values()]
      .map((row) => row.updated_at)
      .sort()
      .at(-1) ?? null;
  return { folder: destinations.folder, baseUrl: destinations.baseUrl, tokenSet: destinations.token !== null, updatedAt: updated };
}

/**
 * What is wrong with an export folder, checked when it is saved (not first found by the nightly
 * export): it must exist, be a folder, and take new files from this app.
 */
function exportFolderProblem(folder: string): string | undefined {
  try {
    if (!statSync(folder).isDirectory()) return 'This is a file, not a folder: enter the folder the exports go in';
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'There is no folder at this path on this computer: create it first';
    return 'WorkWell MDT cannot save files in this folder: choose one it may write to';
  }
}

/** Saves the destinations in one transaction (administrators; dispatch checked the role and the input). */
export function saveExportSettings(store: Store, input: ParsedInput<'exports.saveSettings'>, userId: string, now: Date): ExportSettings {
  const problem = input.folder === '' ? undefined : exportFolderProblem(input.folder);
  if (problem !== undefined) throw new AppError('VALIDATION', 'Some answers need correcting.', { folder: problem });
  const values = [
    { key: KEYS.folder, value: input.folder },
    { key: KEYS.baseUrl, value: input.baseUrl },
    ...(input.token === undefined ? [] : [{ key: KEYS.token, value: input.token }]),
  ];
  saveExportSettingValues(store, values, userId, now.toISOString());
  return readExportSettings(store);
}
