import type { ChannelDefinition } from './channel-definition';
import type { Role } from '../roles';
import { emptyInputSchema } from '../schemas/session';
import {
  exportJobIdInputSchema,
  exportJobSchema,
  exportSettingsSchema,
  miReturnInputSchema,
  miReturnSchema,
  saveExportSettingsInputSchema,
} from '../schemas/fhir-export';

/** Who runs the partnership export and the MI return: the team's coordinator and administrator. */
const EXPORTING_ROLES: readonly Role[] = ['administrator', 'coordinator'];

/** Who sets where exports go. */
const SETTINGS_ROLES: readonly Role[] = ['administrator'];

/** The partnership export (FHIR), its destinations and the management-information return. */
export const fhirExportsContract = {
  'exports.settings': {
    summary: 'Where the partnership export goes: folder, FHIR base URL, whether a token is set (never the token)',
    input: emptyInputSchema,
    output: exportSettingsSchema,
    access: EXPORTING_ROLES,
    audit: { action: 'view' },
  },
  'exports.saveSettings': {
    summary: 'Set the export folder, FHIR base URL and bearer token (administrators)',
    input: saveExportSettingsInputSchema,
    output: exportSettingsSchema,
    access: SETTINGS_ROLES,
    audit: { action: 'configure' },
  },
  'exports.startFhir': {
    summary: 'Start the partnership export in the background; returns the job to poll',
    input: emptyInputSchema,
    output: exportJobSchema,
    access: EXPORTING_ROLES,
    audit: { action: 'export' },
  },
  'exports.job': {
    summary: 'An export job: running, finished, cancelled or failed, with counts and the people skipped or failed',
    input: exportJobIdInputSchema,
    output: exportJobSchema,
    access: EXPORTING_ROLES,
    // Polled once a second while an export runs: the start and the cancel are what the audit needs
    // (a refused poll is still recorded as denied, like every refusal).
    audit: { action: null },
  },
  'exports.cancel': {
    summary: 'Cancel a running export: it stops after the current person and leaves nothing half-written',
    input: exportJobIdInputSchema,
    output: exportJobSchema,
    access: EXPORTING_ROLES,
    audit: { action: 'export' },
  },
  'exports.miReturn': {
    summary: 'The management-information return (CSV) for a reporting month, one row per person, no free text',
    input: miReturnInputSchema,
    output: miReturnSchema,
    access: EXPORTING_ROLES,
    audit: { action: 'export' },
  },
} as const satisfies Record<string, ChannelDefinition>;
