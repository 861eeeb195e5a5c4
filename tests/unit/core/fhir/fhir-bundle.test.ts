import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { participantBundle } from '../../../../core/fhir/fhir-bundle';
import { stableFhirId, uuidV5 } from '../../../../core/fhir/stable-id';
import { compileFhirSchema, schemaErrors } from '../../../support/fhir-schema';
import { fullExportData } from '../../../support/fhir-export-fixture';

let validate: ValidateFunction;
beforeAll(() => {
  validate = compileFhirSchema();
}, 30_000);

describe('stable FHIR ids', () => {
  it('is RFC 9562 UUID v5 (the RFC example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('depends on the resource type and the record, nothing else', () => {
    expect(stableFhirId('Patient', 'p-1')).toBe(stableFhirId('Patient', 'p-1'));
    expect(stableFhirId('Patient', 'p-1')).not.toBe(stableFhirId('CareTeam', 'p-1'));
  });
});

describe('participantBundle', () => {
  it('is a transaction Bundle of PUTs that the official FHIR R4 schema accepts', () => {
    const bundle = participantBundle(fullExportData());
    expect(validate(bundle), schemaErrors(validate)).toBe(true);
    expect(bundle.type).toBe('transaction');
    for (const entry of bundle.entry) {
      expect(entry.request).toEqual({ method: 'PUT', url: `${entry.resource.resourceType}/${entry.resource.id}` });
    }
    const types = bundle.entry.map((entry) => entry.resource.resourceType);
    expect(new Set(types)).toEqual(
      new Set(['Patient', 'Consent', 'ServiceRequest', 'Condition', 'Observation', 'CareTeam', 'Goal', 'CarePlan']),
    );
    expect(types.filter((type) => type === 'Condition')).toHaveLength(3);
    expect(types.filter((type) => type === 'ServiceRequest')).toHaveLength(3);
  });

  it('uses UK Core profiles (base R4 for Goal) and the NHS number system with its verification status', () => {
    const bundle = participantBundle(fullExportData());
    for (const { resource } of bundle.entry) {
      const meta = resource.meta as { profile: string[] } | undefined;
      if (resource.resourceType === 'Goal') expect(meta).toBeUndefined();
      else expect(meta?.profile).toEqual([`https://fhir.hl7.org.uk/StructureDefinition/UKCore-${resource.resourceType}`]);
    }
    const patient = bundle.entry[0]?.resource as unknown as { identifier: Array<{ system: string; value: string; extension?: unknown[] }> };
    const nhs = patient.identifier.find((identifier) => identifier.system === 'https://fhir.nhs.uk/Id/nhs-number');
    expect(nhs?.value).toBe('9990000018');
    expect(JSON.stringify(nhs?.extension)).toContain('UKCore-NHSNumberVerificationStatusEngland');
  });

  it('gives the Patient its sex as gender and its GP practice by ODS code, each only when recorded', () => {
    const patientOf = (data = fullExportData()) => participantBundle(data).entry[0]?.resource as Record<string, unknown>;
    expect(patientOf()).toMatchObject({
      gender: 'female',
      generalPractitioner: [
        { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' }, display: 'Example Street Surgery' },
      ],
    });
    expect(patientOf(fullExportData({ person: { ...fullExportData().person, sex: 'not_stated' } })).gender).toBe('unknown');
    const unrecorded = fullExportData({ person: { ...fullExportData().person, sex: null, gpPractice: null } });
    expect(validate(participantBundle(unrecorded)), schemaErrors(validate)).toBe(true);
    expect(Object.keys(patientOf(unrecorded))).not.toContain('gender');
    expect(Object.keys(patientOf(unrecorded))).not.toContain('generalPractitioner');
  });

  it('codes PHQ-9 and GAD-7 totals with LOINC 44261-6 and 70274-6', () => {
    const observations = participantBundle(fullExportData({ fitNote: null }))
      .entry.map((entry) => entry.resource)
      .filter((resource) => resource.resourceType === 'Observation') as unknown as Array<{
      code: { coding: Array<{ code: string }> };
      valueInteger: number;
    }>;
    expect(observations.map((observation) => [observation.code.coding[0]?.code, observation.valueInteger])).toEqual([
      ['44261-6', 12],
      ['70274-6', 9],
    ]);
  });

  it('gives the same ids every time, so a re-export updates rather than duplicates', () => {
    const ids = (data = fullExportData()) => participantBundle(data).entry.map((entry) => entry.resource.id);
    expect(ids()).toEqual(ids());
    // A new plan version keeps the person's CarePlan id and the ids of goals it carried over.
    const first = participantBundle(fullExportData());
    const later = participantBundle(fullExportData({ plan: { ...fullExportData().plan!, id: 'plan-2', versionNumber: 3 } }));
    const carePlanId = (bundle: typeof first) => bundle.entry.find((entry) => entry.resource.resourceType === 'CarePlan')?.resource.id;
    expect(carePlanId(later)).toBe(carePlanId(first));
  });

  it('the schema is really checking: a bad date is refused', () => {
    const bundle = participantBundle(fullExportData({ person: { ...fullExportData().person, dateOfBirth: '02/04/1980' } }));
    expect(validate(bundle)).toBe(false);
  });

  it('makes a valid Patient-only bundle for someone without an NHS number, plan or scores', () => {
    const bundle = participantBundle(
      fullExportData({
        person: { ...fullExportData().person, nhsNumber: null },
        plan: null,
        barriers: null,
        measures: [],
        referrals: [],
        fitNote: null,
      }),
    );
    expect(validate(bundle), schemaErrors(validate)).toBe(true);
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(['Patient', 'Consent']);
  });

  it('every reference points at a resource in the bundle or is a logical reference', () => {
    const bundle = participantBundle(fullExportData());
    const urls = new Set(bundle.entry.map((entry) => entry.request.url));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(5);
    for (const match of references) expect(urls.has(match.slice(13, -1)), match).toBe(true);
  });

  it('sends the fit note in force as an Observation: period, fitness, each advice ticked, issuer; no end when it has none', () => {
    const observationOf = (bundle: ReturnType<typeof participantBundle>) =>
      bundle.entry.map((entry) => entry.resource).find((resource) => resource.id === stableFhirId('Observation', 'fit-note/fn-1'));
    const bundle = participantBundle(fullExportData());
    expect(validate(bundle), schemaErrors(validate)).toBe(true);
    const observation = observationOf(bundle);
    expect(observation).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation'] },
      effectivePeriod: { start: '2026-11-02', end: '2026-12-14' },
      valueCodeableConcept: { coding: [expect.objectContaining({ code: 'may_be_fit', display: 'May be fit for work' })] },
      performer: [{ display: 'GP (Dr Example)' }],
    });
    const components = (observation?.component ?? []) as Array<{ code: { coding: Array<{ code: string }> }; [value: string]: unknown }>;
    const valuesOf = (code: string) => components.filter((component) => component.code.coding[0]?.code === code);
    expect(valuesOf('advice').map((component) => JSON.stringify(component.valueCodeableConcept))).toEqual([
      expect.stringContaining('"phased_return"'),
      expect.stringContaining('"altered_hours"'),
    ]);
    expect(valuesOf('date-issued')).toEqual([expect.objectContaining({ valueDateTime: '2026-11-02' })]);
    expect(valuesOf('fit-note-conversation')).toEqual([expect.objectContaining({ valueBoolean: true })]);
    expect(JSON.stringify(valuesOf('issuer-profession'))).toContain('"doctor"');

    const indefinite = participantBundle(
      fullExportData({ fitNote: { ...fullExportData().fitNote!, periodTo: null, fitness: 'not_fit', categories: [], replacesId: 'fn-0' } }),
    );
    expect(validate(indefinite), schemaErrors(validate)).toBe(true);
    expect(observationOf(indefinite)).toMatchObject({
      status: 'amended',
      effectivePeriod: { start: '2026-11-02' },
      note: [{ text: 'No end date (indefinite)' }],
    });
    expect(observationOf(indefinite)?.effectivePeriod).not.toHaveProperty('end');
    expect(observationOf(participantBundle(fullExportData({ fitNote: null })))).toBeUndefined();
  });
});
