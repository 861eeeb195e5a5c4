import type { Role } from '../roles';

/** The role qualified for risk by its profession: the mental health practitioner. */
export const RISK_QUALIFIED_ROLE: Role = 'mental_health_practitioner';

/**
 * The roles a clinical lead may hold: registered clinicians. An administrator can name only these
 * as clinical leads, so the roles that may ever acknowledge a flag are exactly the clinicians
 * (the contract's access, which the partnership server re-checks too).
 */
export const CLINICAL_LEAD_ROLES: readonly Role[] = ['physiotherapist', 'mental_health_practitioner', 'occupational_therapist'];

/**
 * Whether a user may acknowledge a PHQ-9 risk flag: the mental health practitioner, or a clinician
 * the partnership named as a clinical lead in settings. Everyone else is refused, whatever screen
 * they reach it from.
 */
export function isRiskQualified(user: { readonly role: Role; readonly username: string }, clinicalLeads: readonly string[]): boolean {
  if (user.role === RISK_QUALIFIED_ROLE) return true;
  return CLINICAL_LEAD_ROLES.includes(user.role) && clinicalLeads.includes(user.username);
}

/** What a refused user is told: who may acknowledge instead. */
export const NOT_RISK_QUALIFIED_MESSAGE =
  'Only the mental health practitioner or a clinical lead named in Settings may acknowledge a risk flag. Ask one of them to review it.';
