import { z } from 'zod';

/**
 * The roles a WorkWell MDT user can hold. The role each contract channel requires is declared in
 * the contract and enforced in the services layer, never only by hiding UI.
 */
export const ROLES = [
  'administrator',
  'coordinator',
  'coach',
  'physiotherapist',
  'mental_health_practitioner',
  'occupational_therapist',
] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Human labels for the UI and documents. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  administrator: 'Administrator',
  coordinator: 'MDT coordinator / chair',
  coach: 'Work and Health Coach',
  physiotherapist: 'Physiotherapist',
  mental_health_practitioner: 'Mental health practitioner',
  occupational_therapist: 'Occupational therapist',
};

/** Every role: for channels any signed-in user may call. */
export const ALL_ROLES: readonly Role[] = ROLES;
