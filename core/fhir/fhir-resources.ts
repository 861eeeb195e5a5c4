import { ACTION_KIND_LABELS } from '../schemas/action-plan';
import { MAIN_BARRIER_LABELS, SOCIAL_BARRIER_LABELS } from '../schemas/assessment';
import { REFERRAL_ROUTE_LABELS } from '../schemas/referral';
import type {
  FhirExportAction,
  FhirExportBarriers,
  FhirExportConsent,
  FhirExportData,
  FhirExportGoal,
  FhirExportMeasure,
  FhirExportPerson,
  FhirExportPlan,
  FhirExportReferral,
} from './export-data';
import {
  ACT_CODE_SYSTEM,
  ACTION_KIND_SYSTEM,
  CONDITION_CATEGORY_SYSTEM,
  CONDITION_CLINICAL_SYSTEM,
  CONSENT_SCOPE_SYSTEM,
  DIRECTORY_SERVICE_SYSTEM,
  DISCIPLINE_SYSTEM,
  LOINC_SYSTEM,
  MAIN_BARRIER_SYSTEM,
  MEASURE_TOTAL_LOINC,
  NHS_NUMBER_NOT_TRACED,
  NHS_NUMBER_SYSTEM,
  NHS_NUMBER_VERIFICATION_EXTENSION,
  OBSERVATION_CATEGORY_SYSTEM,
  ODS_ORGANIZATION_SYSTEM,
  PARTICIPANT_REFERENCE_SYSTEM,
  PLAN_VERSION_NUMBER_EXTENSION,
  PLAN_VERSION_SYSTEM,
  REFERRAL_ROUTE_SYSTEM,
  SOCIAL_BARRIER_SYSTEM,
  TEAM_MEMBER_SYSTEM,
  ukCoreProfile,
} from './fhir-codes';
import { stableFhirId } from './stable-id';

/** A FHIR R4 resource as JSON: just enough typing to build and route it. */
export interface FhirResource {
  readonly resourceType: string;
  readonly id: string;
  readonly [element: string]: unknown;
}

type Reference = {
  readonly reference?: string;
  readonly display?: string;
  readonly identifier?: { readonly system: string; readonly value: string };
};

function label(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

function referenceTo(resourceType: string, recordKey: string): Reference {
  return { reference: `${resourceType}/${stableFhirId(resourceType, recordKey)}` };
}

/** The Patient reference every other resource points at. */
export function patientReference(person: FhirExportPerson): Reference {
  return referenceTo('Patient', person.id);
}

/** The record's sex as `Patient.gender`: "not stated" is FHIR's `unknown`. */
const GENDER_OF_SEX = { female: 'female', male: 'male', not_stated: 'unknown' } as const;

/**
 * UKCore-Patient: NHS number (with its verification status) and our reference as identifiers; sex
 * as `gender` and the GP practice as `generalPractitioner` (its ODS code), each only when recorded.
 */
export function buildPatient(person: FhirExportPerson): FhirResource {
  const identifier: unknown[] = [];
  if (person.nhsNumber !== null) {
    identifier.push({
      extension: [{ url: NHS_NUMBER_VERIFICATION_EXTENSION, valueCodeableConcept: { coding: [NHS_NUMBER_NOT_TRACED] } }],
      system: NHS_NUMBER_SYSTEM,
      value: person.nhsNumber,
    });
  }
  identifier.push({ system: PARTICIPANT_REFERENCE_SYSTEM, value: person.reference });
  return {
    resourceType: 'Patient',
    id: stableFhirId('Patient', person.id),
    meta: { profile: [ukCoreProfile('Patient')] },
    identifier,
    name: [{ use: 'official', family: person.familyName, given: [person.givenName] }],
    ...(person.sex === null ? {} : { gender: GENDER_OF_SEX[person.sex] }),
    birthDate: person.dateOfBirth,
    ...(person.gpPractice === null
      ? {}
      : {
          generalPractitioner: [
            { identifier: { system: ODS_ORGANIZATION_SYSTEM, value: person.gpPractice.odsCode }, display: person.gpPractice.name },
          ],
        }),
  };
}

/** UKCore-CareTeam: the person's MDT, the team members named on their plan. */
export function buildCareTeam(data: FhirExportData): FhirResource {
  return {
    resourceType: 'CareTeam',
    id: stableFhirId('CareTeam', data.person.id),
    meta: { profile: [ukCoreProfile('CareTeam')] },
    // The team stops working with someone who has left the service.
    status: data.person.exitedOn === null ? 'active' : 'inactive',
    name: 'WorkWell multidisciplinary team',
    subject: patientReference(data.person),
    participant: data.team.map((member) => ({
      role: [{ coding: [{ system: DISCIPLINE_SYSTEM, code: member.discipline, display: member.disciplineLabel }] }],
      member: { identifier: { system: TEAM_MEMBER_SYSTEM, value: member.id }, display: member.fullName },
    })),
  };
}

/** The key of a goal or action: its id is only unique within the person's plans. */
function planItemKey(personId: string, itemId: string): string {
  return `${personId}/${itemId}`;
}

/** Base R4 Goal (there is no UK Core Goal), in the person's own words. */
export function buildGoal(person: FhirExportPerson, goal: FhirExportGoal): FhirResource {
  return {
    resourceType: 'Goal',
    id: stableFhirId('Goal', planItemKey(person.id, goal.id)),
    // R4: "completed" is a goal no longer being sought, as a goal of someone who has left is.
    lifecycleStatus: person.exitedOn === null ? 'active' : 'completed',
    description: { text: goal.text },
    subject: patientReference(person),
  };
}

const ACTION_STATUS_TO_REQUEST_STATUS = { not_started: 'active', in_progress: 'active', done: 'completed', cancelled: 'revoked' } as const;

/** An action still open when the person left was never finished: the request is ended (revoked). */
function actionRequestStatus(person: FhirExportPerson, action: FhirExportAction): string {
  const status = ACTION_STATUS_TO_REQUEST_STATUS[action.status];
  return status === 'active' && person.exitedOn !== null ? 'revoked' : status;
}

/** UKCore-ServiceRequest for one plan action: support from the team, an onward referral or a signpost. */
export function buildActionRequest(data: FhirExportData, plan: FhirExportPlan, action: FhirExportAction): FhirResource {
  const owner = data.team.find((member) => member.id === action.ownerId);
  const performer: Reference[] = [];
  // Logical references (identifier and name): the directory and the team are not sent as resources.
  if (action.service !== null)
    performer.push({ identifier: { system: DIRECTORY_SERVICE_SYSTEM, value: action.service.id }, display: action.service.name });
  if (owner !== undefined) performer.push({ identifier: { system: TEAM_MEMBER_SYSTEM, value: owner.id }, display: owner.fullName });
  return {
    resourceType: 'ServiceRequest',
    id: stableFhirId('ServiceRequest', planItemKey(data.person.id, action.id)),
    meta: { profile: [ukCoreProfile('ServiceRequest')] },
    status: actionRequestStatus(data.person, action),
    intent: 'plan',
    category: [{ coding: [{ system: ACTION_KIND_SYSTEM, code: action.kind, display: label(ACTION_KIND_LABELS, action.kind) }] }],
    code: { text: action.description },
    subject: patientReference(data.person),
    basedOn: [referenceTo('CarePlan', data.person.id)],
    ...(action.dueOn === null ? {} : { occurrencePeriod: { end: action.dueOn } }),
    ...(performer.length === 0 ? {} : { performer }),
    performerType: { coding: [{ system: DISCIPLINE_SYSTEM, code: action.discipline }] },
    authoredOn: plan.agreedAt ?? plan.createdAt,
  };
}

/** UKCore-ServiceRequest for the referral into WorkWell (route coded, reason not sent). */
export function buildReferralRequest(person: FhirExportPerson, referral: FhirExportReferral): FhirResource {
  return {
    resourceType: 'ServiceRequest',
    id: stableFhirId('ServiceRequest', `referral/${referral.id}`),
    meta: { profile: [ukCoreProfile('ServiceRequest')] },
    // The referral into WorkWell is fulfilled once the person has left the service.
    status: person.exitedOn === null ? 'active' : 'completed',
    intent: 'order',
    category: [
      { coding: [{ system: REFERRAL_ROUTE_SYSTEM, code: referral.route, display: label(REFERRAL_ROUTE_LABELS, referral.route) }] },
    ],
    code: { text: 'WorkWell work and health support' },
    subject: patientReference(person),
    authoredOn: referral.date,
  };
}

/** The Condition keys of a person's barriers: one per barrier, so a later assessment updates them. */
function barrierKeys(person: FhirExportPerson, barriers: FhirExportBarriers): string[] {
  return [`${person.id}/main-barrier`, ...barriers.socialBarriers.map((code) => `${person.id}/social-barrier/${code}`)];
}

/** UKCore-Condition per barrier to work: the main one and each social one (coded, no narrative). */
export function buildBarrierConditions(person: FhirExportPerson, barriers: FhirExportBarriers): FhirResource[] {
  const coded = [
    { system: MAIN_BARRIER_SYSTEM, code: barriers.mainBarrier, display: label(MAIN_BARRIER_LABELS, barriers.mainBarrier) },
    ...barriers.socialBarriers.map((code) => ({ system: SOCIAL_BARRIER_SYSTEM, code, display: label(SOCIAL_BARRIER_LABELS, code) })),
  ];
  const keys = barrierKeys(person, barriers);
  return coded.map((coding, index) => ({
    resourceType: 'Condition',
    id: stableFhirId('Condition', keys[index] ?? ''),
    meta: { profile: [ukCoreProfile('Condition')] },
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL_SYSTEM, code: 'active' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY_SYSTEM, code: 'problem-list-item', display: 'Problem List Item' }] }],
    code: { coding: [coding], text: coding.display },
    subject: patientReference(person),
    recordedDate: barriers.assessedOn,
  }));
}

/** UKCore-Observation: a PHQ-9 or GAD-7 total with its LOINC code. */
export function buildMeasureObservation(person: FhirExportPerson, measure: FhirExportMeasure): FhirResource {
  return {
    resourceType: 'Observation',
    id: stableFhirId('Observation', measure.id),
    meta: { profile: [ukCoreProfile('Observation')] },
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: { coding: [MEASURE_TOTAL_LOINC[measure.measure]] },
    subject: patientReference(person),
    effectiveDateTime: measure.takenOn,
    valueInteger: measure.total,
  };
}

/** UKCore-Consent: the consent to share with the partnership system the export relied on. */
export function buildConsent(person: FhirExportPerson, consent: FhirExportConsent): FhirResource {
  return {
    resourceType: 'Consent',
    id: stableFhirId('Consent', consent.id),
    meta: { profile: [ukCoreProfile('Consent')] },
    status: consent.decision === 'given' ? 'active' : 'rejected',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: LOINC_SYSTEM, code: '59284-0', display: 'Patient Consent' }] }],
    patient: patientReference(person),
    dateTime: consent.decidedOn,
    policyRule: { coding: [{ system: ACT_CODE_SYSTEM, code: 'OPTIN', display: 'opt-in' }], text: 'Share with the partnership system' },
    provision: { type: consent.decision === 'given' ? 'permit' : 'deny' },
  };
}

const PLAN_STATUS_TO_CARE_PLAN_STATUS: Readonly<Record<string, string>> = {
  draft: 'draft',
  agreed_by_mdt: 'draft',
  agreed_with_person: 'draft',
  active: 'active',
  reviewed: 'completed',
  superseded: 'revoked',
};

/** The plan's status, completed (and never active or draft) once the person has left the service. */
function carePlanStatus(person: FhirExportPerson, plan: FhirExportPlan): string {
  const status = PLAN_STATUS_TO_CARE_PLAN_STATUS[plan.status] ?? 'unknown';
  return person.exitedOn !== null && (status === 'active' || status === 'draft') ? 'completed' : status;
}

/**
 * UKCore-CarePlan: one per person (its id comes from the person, so a new plan version updates
 * it), addressing the barriers, with the goals and each action as a ServiceRequest activity.
 */
export function buildCarePlan(data: FhirExportData, plan: FhirExportPlan): FhirResource {
  const addresses = data.barriers === null ? [] : barrierKeys(data.person, data.barriers).map((key) => referenceTo('Condition', key));
  return {
    resourceType: 'CarePlan',
    id: stableFhirId('CarePlan', data.person.id),
    meta: { profile: [ukCoreProfile('CarePlan')] },
    // The version's own id as its identifier; its number in an extension of its own (an
    // identifier's assigner names an organisation, never a version).
    extension: [{ url: PLAN_VERSION_NUMBER_EXTENSION, valueInteger: plan.versionNumber }],
    identifier: [{ system: PLAN_VERSION_SYSTEM, value: `${plan.id}` }],
    status: carePlanStatus(data.person, plan),
    intent: 'plan',
    title: `WorkWell action plan, version ${plan.versionNumber}`,
    subject: patientReference(data.person),
    created: plan.agreedAt ?? plan.createdAt,
    ...(plan.reviewOn === null ? {} : { period: { end: plan.reviewOn } }),
    careTeam: [referenceTo('CareTeam', data.person.id)],
    ...(addresses.length === 0 ? {} : { addresses }),
    ...(plan.goals.length === 0 ? {} : { goal: plan.goals.map((goal) => referenceTo('Goal', planItemKey(data.person.id, goal.id))) }),
    ...(plan.actions.length === 0
      ? {}
      : { activity: plan.actions.map((action) => ({ reference: referenceTo('ServiceRequest', planItemKey(data.person.id, action.id)) })) }),
  };
}
