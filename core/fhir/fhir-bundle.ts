import type { FhirExportData } from './export-data';
import {
  buildActionRequest,
  buildBarrierConditions,
  buildCarePlan,
  buildCareTeam,
  buildConsent,
  buildGoal,
  buildMeasureObservation,
  buildPatient,
  buildReferralRequest,
  type FhirResource,
} from './fhir-resources';
import { buildFitNoteObservation } from './fit-note-observation';

/** A FHIR R4 transaction Bundle: every entry a PUT, so sending it twice updates, never duplicates. */
export interface TransactionBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'transaction';
  readonly entry: ReadonlyArray<{
    readonly fullUrl: string;
    readonly resource: FhirResource;
    readonly request: { readonly method: 'PUT'; readonly url: string };
  }>;
}

/** Every resource exported for one person, Patient first. */
export function participantResources(data: FhirExportData): FhirResource[] {
  const resources: FhirResource[] = [buildPatient(data.person)];
  if (data.consent !== null) resources.push(buildConsent(data.person, data.consent));
  for (const referral of data.referrals) resources.push(buildReferralRequest(data.person, referral));
  if (data.barriers !== null) resources.push(...buildBarrierConditions(data.person, data.barriers));
  for (const measure of data.measures) resources.push(buildMeasureObservation(data.person, measure));
  if (data.fitNote !== undefined && data.fitNote !== null) resources.push(buildFitNoteObservation(data.person, data.fitNote));
  if (data.plan !== null) {
    const plan = data.plan;
    resources.push(buildCareTeam(data));
    for (const goal of plan.goals) resources.push(buildGoal(data.person, goal));
    for (const action of plan.actions) resources.push(buildActionRequest(data, plan, action));
    resources.push(buildCarePlan(data, plan));
  }
  return resources;
}

/** Wraps resources in a transaction Bundle of PUTs to `Type/id`. */
export function transactionBundle(resources: readonly FhirResource[]): TransactionBundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  };
}

/** The transaction Bundle for one person. */
export function participantBundle(data: FhirExportData): TransactionBundle {
  return transactionBundle(participantResources(data));
}
