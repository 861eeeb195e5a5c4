import { z } from 'zod';
import { roleSchema } from '../../roles';
import { clinicalLeadsSchema } from '../risk-flag';
import { libraryActionEntrySchema } from './action-library';
import { directoryServiceEntrySchema } from './directory-services';
import { disciplineEntrySchema } from './disciplines';
import { teamMemberEntrySchema } from './team-members';

/** An app account a team member can be linked to. */
export const appAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type AppAccount = z.infer<typeof appAccountSchema>;

/**
 * The partnership's configuration, inactive entries included (old plans still name them): the
 * meeting and plan screens offer only the active ones for new choices.
 */
export const partnershipConfigSchema = z.object({
  disciplines: z.array(disciplineEntrySchema),
  teamMembers: z.array(teamMemberEntrySchema),
  services: z.array(directoryServiceEntrySchema),
  /** Common actions per discipline, offered when drafting a plan. */
  actionLibrary: z.array(libraryActionEntrySchema),
  accounts: z.array(appAccountSchema),
  /** Clinicians named as clinical leads: with the mental health practitioner, they may acknowledge risk flags. */
  clinicalLeads: clinicalLeadsSchema,
  /** The signed-in user's own team-member entry, if an administrator linked one. */
  myTeamMemberId: z.string().nullable(),
});
export type PartnershipConfig = z.infer<typeof partnershipConfigSchema>;
