import type { FitNote } from '../schemas/fit-note';

/**
 * The plain data one participant's FHIR export is built from. The services layer reads it from
 * the store (a batch at a time); the builders in this folder turn it into FHIR R4 resources.
 * Only coded fields and the person's own goals leave: no assessment narrative, no notes.
 */
export interface FhirExportPerson {
  readonly id: string;
  /** Our reference (WW-000123), sent as a local identifier. */
  readonly reference: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly nhsNumber: string | null;
  /** When they left the service (their exit), or null while they are on it: every resource's status follows it. */
  readonly exitedOn: string | null;
  /** Their GP practice (ODS code and name), or null when not known. */
  readonly gpPractice: { readonly odsCode: string; readonly name: string } | null;
  /**
   * Their sex as recorded (SEXES), or null when not asked. Ethnicity is never here: special
   * category data with no lawful basis to send to the partnership system (README, "Exports").
   */
  readonly sex: 'female' | 'male' | 'not_stated' | null;
}

export interface FhirExportReferral {
  readonly id: string;
  readonly date: string;
  /** A REFERRAL_ROUTES code (gp, employer, self_referral...). */
  readonly route: string;
}

export interface FhirExportConsent {
  readonly id: string;
  /** A CONSENT_PURPOSES code; the export sends the share_partnership consent it relied on. */
  readonly purpose: string;
  readonly decidedOn: string;
  readonly decision: 'given' | 'declined';
}

export interface FhirExportTeamMember {
  readonly id: string;
  readonly fullName: string;
  /** The discipline code (physiotherapy, local-welfare-rights...). */
  readonly discipline: string;
  readonly disciplineLabel: string;
}

export interface FhirExportGoal {
  readonly id: string;
  readonly text: string;
}

export interface FhirExportAction {
  readonly id: string;
  readonly goalId: string | null;
  readonly kind: 'intervention' | 'onward_referral' | 'signpost';
  readonly discipline: string;
  readonly description: string;
  readonly ownerId: string | null;
  readonly dueOn: string | null;
  /** The directory service of an onward referral or signpost: its id and name. */
  readonly service: { readonly id: string; readonly name: string } | null;
  /** Progress between meetings (ACTION_STATUSES). */
  readonly status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
}

export interface FhirExportPlan {
  readonly id: string;
  readonly versionNumber: number;
  /** A PLAN_STATUSES code. */
  readonly status: string;
  /** When the MDT agreed it (ISO instant), if it has been. */
  readonly agreedAt: string | null;
  readonly createdAt: string;
  readonly reviewOn: string | null;
  readonly goals: readonly FhirExportGoal[];
  readonly actions: readonly FhirExportAction[];
}

export interface FhirExportBarriers {
  /** The joined-up assessment the barriers come from. */
  readonly assessmentId: string;
  readonly assessedOn: string;
  /** MAIN_BARRIERS code. */
  readonly mainBarrier: string;
  /** SOCIAL_BARRIERS codes. */
  readonly socialBarriers: readonly string[];
}

export interface FhirExportMeasure {
  readonly id: string;
  readonly measure: 'phq9' | 'gad7';
  readonly takenOn: string;
  readonly total: number;
}

/**
 * The fit note in force on the day of the export (issue 20 item 2): as it reads, bar its comments
 * (free text stays in the record). `periodTo` null: no end date (indefinite).
 */
export type FhirExportFitNote = Pick<
  FitNote,
  | 'id'
  | 'issuedOn'
  | 'periodFrom'
  | 'periodTo'
  | 'fitness'
  | 'categories'
  | 'reviewNeeded'
  | 'issuerSetting'
  | 'issuerProfession'
  | 'issuerName'
  | 'fromConversation'
  | 'replacesId'
>;

/** Everything exported for one person. */
export interface FhirExportData {
  readonly person: FhirExportPerson;
  readonly referrals: readonly FhirExportReferral[];
  readonly consent: FhirExportConsent | null;
  /** The team members named on the plan (owners and attendees): the person's MDT. */
  readonly team: readonly FhirExportTeamMember[];
  /** The plan in force (or the latest agreed), if any. */
  readonly plan: FhirExportPlan | null;
  readonly barriers: FhirExportBarriers | null;
  readonly measures: readonly FhirExportMeasure[];
  /** The fit note in force on the day of the export, if one is (absent or null: none). */
  readonly fitNote?: FhirExportFitNote | null;
}
