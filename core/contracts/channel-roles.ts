import type { Role } from '../roles';

/** Who registers people and records their consent: the coach, and the team's coordinator and administrator. */
export const REGISTERING_ROLES: readonly Role[] = ['administrator', 'coordinator', 'coach'];

/**
 * Registered clinicians. They alone may reach a risk flag's acknowledgement; the services then admit
 * only the mental health practitioner and clinical leads named in settings (core/risk/risk-qualification.ts).
 */
export const CLINICIAN_ROLES: readonly Role[] = ['physiotherapist', 'mental_health_practitioner', 'occupational_therapist'];

/**
 * Who records a person's fit notes: the coach and the clinicians who work with them, and the
 * coordinator, who is often the one handed the fit note by the person or their GP practice and enters
 * it. Not the administrator (no clinical content).
 */
export const FIT_NOTE_ROLES: readonly Role[] = ['coordinator', 'coach', ...CLINICIAN_ROLES];

/** Who is shown overdue risk flags at sign-in: the coordinator, and clinicians (those qualified for risk). */
export const OVERDUE_RISK_ROLES: readonly Role[] = ['coordinator', ...CLINICIAN_ROLES];

/** Who changes the partnership's configuration (disciplines, team, directory). */
export const CONFIG_ROLES: readonly Role[] = ['administrator'];

/** Who drafts, agrees and follows up plans: the team's coordinator, coaches and clinicians. */
export const MDT_ROLES: readonly Role[] = ['coordinator', 'coach', ...CLINICIAN_ROLES];

/** Who triages the referral inbox (imports, reads, accepts, declines): the coordinator and coaches. */
export const TRIAGE_ROLES: readonly Role[] = ['coordinator', 'coach'];

/** Who follows people up after their case ends and keeps the list of follow-ups due: the coordinator and coaches. */
export const FOLLOW_UP_ROLES: readonly Role[] = ['coordinator', 'coach'];
