import { ALL_ROLES, type Role } from '../roles';
import { libraryActionEntrySchema, saveLibraryActionInputSchema } from '../schemas/config/action-library';
import { directoryServiceEntrySchema, saveDirectoryServiceInputSchema } from '../schemas/config/directory-services';
import { disciplineEntrySchema, saveDisciplineInputSchema } from '../schemas/config/disciplines';
import { partnershipConfigSchema } from '../schemas/config/partnership-config';
import { saveTeamMemberInputSchema, teamMemberEntrySchema } from '../schemas/config/team-members';
import {
  measureWordingEntrySchema,
  measureWordingListSchema,
  resetMeasureWordingInputSchema,
  saveMeasureWordingInputSchema,
} from '../schemas/measure-wording';
import { clinicalLeadsSchema, saveClinicalLeadsInputSchema } from '../schemas/risk-flag';
import { areaCodeSettingSchema, saveAreaCodeInputSchema } from '../schemas/area-code';
import { emptyInputSchema } from '../schemas/session';
import type { ChannelDefinition } from './channel-definition';
import { CONFIG_ROLES } from './channel-roles';

/** Who sets the wording of the outcome measures. */
const WORDING_ROLES: readonly Role[] = ['administrator'];

/** The partnership's configuration (disciplines, team, directory of services) and the wording of each outcome measure. */
export const settingsContract = {
  'config.get': {
    summary: "The partnership's disciplines, team members and directory of onward services, inactive ones included",
    input: emptyInputSchema,
    output: partnershipConfigSchema,
    access: ALL_ROLES,
    audit: { action: 'view' },
  },
  'config.saveDiscipline': {
    summary: 'Add a local discipline, or rename, deactivate or reactivate one (built-ins: activation only)',
    input: saveDisciplineInputSchema,
    output: disciplineEntrySchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
  'config.saveTeamMember': {
    summary: 'Add a team member or change one (deactivate when they leave; never deleted)',
    input: saveTeamMemberInputSchema,
    output: teamMemberEntrySchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
  'config.saveService': {
    summary: 'Add an onward service to the local directory or change one (deactivate, never deleted)',
    input: saveDirectoryServiceInputSchema,
    output: directoryServiceEntrySchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
  'config.saveLibraryAction': {
    summary: 'Add a common action of a discipline to the action library, or change one (deactivate, never deleted)',
    input: saveLibraryActionInputSchema,
    output: libraryActionEntrySchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
  'config.saveClinicalLeads': {
    summary: 'Name the clinical leads (clinicians, by username) who, with the mental health practitioner, may acknowledge risk flags',
    input: saveClinicalLeadsInputSchema,
    output: clinicalLeadsSchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
  'config.areaCode': {
    summary: "The partnership's area code for the MI return: the one set, and the one the return sends now",
    input: emptyInputSchema,
    output: areaCodeSettingSchema,
    access: ALL_ROLES,
    audit: { action: 'view' },
  },
  'config.saveAreaCode': {
    summary: "Set the partnership's area code for the MI return (an ONS ICB code), or clear it, over the version edited",
    input: saveAreaCodeInputSchema,
    output: areaCodeSettingSchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
  'measureWording.list': {
    summary: 'The wording each outcome measure form uses, and whether it is configured or shipped',
    input: emptyInputSchema,
    output: measureWordingListSchema,
    access: ALL_ROLES,
    audit: { action: 'view' },
  },
  'measureWording.save': {
    summary: "Set a measure's wording (licensed WSAS / MSK-HQ text, or a local version of the others)",
    input: saveMeasureWordingInputSchema,
    output: measureWordingEntrySchema,
    access: WORDING_ROLES,
    audit: { action: 'configure' },
  },
  'measureWording.reset': {
    summary: "Put a measure's wording back to the shipped default or placeholders",
    input: resetMeasureWordingInputSchema,
    output: measureWordingEntrySchema,
    access: WORDING_ROLES,
    audit: { action: 'configure' },
  },
} as const satisfies Record<string, ChannelDefinition>;
