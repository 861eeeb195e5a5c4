import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { participantBundle } from '../../../../core/fhir/fhir-bundle';
import { PLAN_VERSION_NUMBER_EXTENSION } from '../../../../core/fhir/fhir-codes';
import { compileFhirSchema, schemaErrors } from '../../../support/fhir-schema';
import { fullExportData } from '../../../support/fhir-export-fixture';

let validate: ValidateFunction;
beforeAll(() => {
  validate = compileFhirSchema();
}, 30_000);

type Resource = { resourceType: string; status?: string; lifecycleStatus?: string; intent?: string; code?: { text?: string } };

/** Each resource's type, what it is, and its status, in bundle order. */
function statuses(exitedOn: string | null): Array<[string, string | undefined, string | undefined]> {
  const data = fullExportData();
  const bundle = participantBundle({ ...data, person: { ...data.person, exitedOn } });
  expect(validate(bundle), schemaErrors(validate)).toBe(true);
  return bundle.entry
    .map((entry) => entry.resource as unknown as Resource)
    .filter((resource) => ['ServiceRequest', 'CareTeam', 'Goal', 'CarePlan'].includes(resource.resourceType))
    .map((resource) => [resource.resourceType, resource.code?.text, resource.status ?? resource.lifecycleStatus]);
}

describe('FHIR statuses follow the record (issue 15, defect 10)', () => {
  it('someone on the service: the referral, team, goals, open actions and plan are active', () => {
    expect(statuses(null)).toEqual(
      expect.arrayContaining([
        ['ServiceRequest', 'WorkWell work and health support', 'active'],
        ['CareTeam', undefined, 'active'],
        ['Goal', undefined, 'active'],
        ['ServiceRequest', 'Six physio sessions', 'active'],
        ['ServiceRequest', 'Debt advice', 'completed'],
        ['CarePlan', undefined, 'active'],
      ]),
    );
  });

  it('someone who has left: nothing stays active (referral completed, team inactive, goals completed, open actions revoked, plan completed)', () => {
    const after = statuses('2026-11-30');
    expect(after).toEqual(
      expect.arrayContaining([
        ['ServiceRequest', 'WorkWell work and health support', 'completed'],
        ['CareTeam', undefined, 'inactive'],
        ['Goal', undefined, 'completed'],
        ['ServiceRequest', 'Six physio sessions', 'revoked'],
        ['ServiceRequest', 'Debt advice', 'completed'],
        ['CarePlan', undefined, 'completed'],
      ]),
    );
    expect(after.filter(([, , status]) => status === 'active')).toEqual([]);
  });

  it('carries the plan version number in an extension of its own, never in an identifier assigner', () => {
    const carePlan = participantBundle(fullExportData()).entry.find((entry) => entry.resource.resourceType === 'CarePlan')
      ?.resource as unknown as { identifier: Array<Record<string, unknown>>; extension: Array<{ url: string; valueInteger: number }> };
    expect(carePlan.extension).toEqual([{ url: PLAN_VERSION_NUMBER_EXTENSION, valueInteger: 2 }]);
    expect(carePlan.identifier).toEqual([{ system: expect.stringContaining('/Id/action-plan-version') as string, value: 'plan-1' }]);
    expect(JSON.stringify(carePlan)).not.toContain('assigner');
  });
});
