import type { Role } from '../roles';

/** Who registers people and records their consent: the coach, and the team's coordinator and administrator. */
export const REGISTERING_ROLES: readonly Role[] = ['administrator', 'coordinator', 'coach'];

/** Registered clinicians: they alone may acknowledge a risk flag. */
export const CLINICIAN_ROLES: readonly Role[] = ['physiotherapist', 'mental_health_practitioner', 'occupational_therapist'];

/** Who changes the partnership's configuration (disciplines, team, directory). */
export const CONFIG_ROLES: readonly Role[] = ['administrator'];

/** Who drafts, agrees and follows up plans: the team's coordinator, coaches and clinicians. */
export const MDT_ROLES: readonly Role[] = ['coordinator', 'coach', ...CLINICIAN_ROLES];
