import { AppError } from '../app-error';
import {
  ETHNIC_CATEGORY_EXTENSION,
  ETHNIC_CATEGORY_SYSTEM,
  NHS_NUMBER_SYSTEM,
  ODS_ORGANIZATION_SYSTEM,
  REFERRAL_ROUTE_SYSTEM,
  WORKWELL_SYSTEM_BASE,
} from '../fhir/fhir-codes';
import { checkReferral, type ParsedReferrals, type ReadReferral, type RefusedReferral } from './parsed-referrals';

/** ServiceRequest extensions for what FHIR has no element for (README, "Importing referrals"). */
export const REFERRAL_EXTENSION = {
  employmentStatus: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/employment-status`,
  weeksOutOfWork: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/weeks-out-of-work`,
  employerName: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/employer-name`,
  workPostcode: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/work-postcode`,
  consentToContact: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/consent-to-contact`,
  preferredContactMode: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/preferred-contact-mode`,
} as const;

/** Patient extensions for the monitoring answers FHIR and UK Core have no element for (README, "Importing referrals"). */
export const PATIENT_EXTENSION = {
  disability: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/disability`,
  benefitStatus: `${WORKWELL_SYSTEM_BASE}/StructureDefinition/benefit-status`,
} as const;

/** `Patient.gender` as the record's sex: FHIR's `unknown` is "not stated"; `other` has no code here and is refused by the schema. */
const SEX_OF_GENDER: Readonly<Record<string, string>> = { female: 'female', male: 'male', unknown: 'not_stated' };

/** The most entries one bundle may carry. */
export const MAX_REFERRAL_BUNDLE_ENTRIES = 20_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function extension(resource: Json, url: string): Json | undefined {
  return array(resource['extension']).find((item): item is Json => isObject(item) && item['url'] === url);
}

/** The GP practice from `Patient.generalPractitioner`: the reference naming an ODS code, with its display as the practice's name. */
function gpPractice(patient: Json): unknown {
  const practice = array(patient['generalPractitioner']).find(
    (item): item is Json => isObject(item) && isObject(item['identifier']) && item['identifier']['system'] === ODS_ORGANIZATION_SYSTEM,
  );
  if (practice === undefined) return null;
  const identifier = practice['identifier'] as Json;
  return { odsCode: text(identifier['value']) ?? '', name: text(practice['display']) ?? '' };
}

/** The ethnic category letter from UK Core's extension (`99`, "not known", is not recorded). */
function ethnicCategory(patient: Json): unknown {
  const concept = extension(patient, ETHNIC_CATEGORY_EXTENSION)?.['valueCodeableConcept'];
  if (concept === undefined) return null;
  const codings = isObject(concept) ? array(concept['coding']).filter(isObject) : [];
  const code = (codings.find((coding) => coding['system'] === ETHNIC_CATEGORY_SYSTEM) ?? codings[0])?.['code'];
  return code === '99' ? null : (code ?? '');
}

/** Sex, ethnic category, disability and benefit status from the Patient, each null when it does not say. */
function monitoringFields(patient: Json): unknown {
  const gender = text(patient['gender']);
  return {
    sex: gender === undefined ? null : (SEX_OF_GENDER[gender] ?? gender),
    ethnicity: ethnicCategory(patient),
    disability: extension(patient, PATIENT_EXTENSION.disability)?.['valueCode'] ?? null,
    benefitStatus: extension(patient, PATIENT_EXTENSION.benefitStatus)?.['valueCode'] ?? null,
  };
}

/** A Patient's fields as registration takes them. */
function patientFields(patient: Json): Json {
  const name = array(patient['name']).find(isObject) ?? {};
  const telecom = array(patient['telecom']).filter(isObject);
  const address = array(patient['address']).find(isObject);
  const nhsNumber = array(patient['identifier']).find((item): item is Json => isObject(item) && item['system'] === NHS_NUMBER_SYSTEM);
  const contact = (system: string) => text(telecom.find((item) => item['system'] === system)?.['value']);
  const lines = address === undefined ? [] : [...array(address['line']), address['city']].filter((line) => typeof line === 'string');
  return {
    givenName: text(array(name['given'])[0]) ?? '',
    familyName: text(name['family']) ?? '',
    dateOfBirth: text(patient['birthDate']) ?? '',
    nhsNumber: text(nhsNumber?.['value']),
    phone: contact('phone'),
    email: contact('email'),
    address: lines.length > 0 ? lines.join(', ') : undefined,
    postcode: address === undefined ? undefined : text(address['postalCode']),
  };
}

/** The referral route from the request's category, coded in the WorkWell referral-route system. */
function route(request: Json): string {
  for (const category of array(request['category']).filter(isObject)) {
    const coding = array(category['coding']).find((item): item is Json => isObject(item) && item['system'] === REFERRAL_ROUTE_SYSTEM);
    if (coding !== undefined) return text(coding['code']) ?? '';
  }
  return '';
}

function requestFields(request: Json, patient: Json): unknown {
  const person = patientFields(patient);
  const requester = isObject(request['requester']) ? request['requester'] : {};
  const reason = array(request['reasonCode']).find(isObject);
  const weeks = extension(request, REFERRAL_EXTENSION.weeksOutOfWork)?.['valueInteger'];
  return {
    person: { ...person, preferredContactMode: text(extension(request, REFERRAL_EXTENSION.preferredContactMode)?.['valueCode']) ?? '' },
    employment: {
      status: text(extension(request, REFERRAL_EXTENSION.employmentStatus)?.['valueCode']) ?? '',
      weeksOutOfWork: weeks === undefined ? null : weeks,
      employerName: text(extension(request, REFERRAL_EXTENSION.employerName)?.['valueString']),
      workPostcode: text(extension(request, REFERRAL_EXTENSION.workPostcode)?.['valueString']),
    },
    referral: {
      date: (text(request['authoredOn']) ?? '').slice(0, 10),
      route: route(request),
      referrerName: text(requester['display']),
      reason: (reason === undefined ? undefined : text(reason['text'])) ?? '',
    },
    // Absent means not given: the schema refuses it rather than assuming consent.
    consentToContact: extension(request, REFERRAL_EXTENSION.consentToContact)?.['valueBoolean'],
    gpPractice: gpPractice(patient),
    monitoring: monitoringFields(patient),
  };
}

/** The bundle's entries by every name a ServiceRequest may use for its Patient: `fullUrl`, `Patient/id`. */
function patientsByReference(entries: readonly unknown[]): Map<string, Json> {
  const patients = new Map<string, Json>();
  for (const entry of entries) {
    if (!isObject(entry) || !isObject(entry['resource']) || entry['resource']['resourceType'] !== 'Patient') continue;
    const patient = entry['resource'];
    const fullUrl = text(entry['fullUrl']);
    const id = text(patient['id']);
    if (fullUrl !== undefined) patients.set(fullUrl, patient);
    if (id !== undefined) patients.set(`Patient/${id}`, patient);
  }
  return patients;
}

/**
 * Reads a FHIR R4 Bundle of `ServiceRequest`s each with its `Patient` (referenced by `subject`).
 * Something that is not a Bundle refuses the whole file (a typed VALIDATION error); otherwise each
 * ServiceRequest is checked on its own and a bad one is refused with its entry index (from 0, as
 * in `Bundle.entry`) and reason. Patients are read only through the requests that name them.
 */
export function parseReferralBundle(text_: string): ParsedReferrals {
  let bundle: unknown;
  try {
    bundle = JSON.parse(text_);
  } catch {
    throw new AppError('VALIDATION', 'The file is not JSON, so not a FHIR bundle. Nothing was imported.');
  }
  if (!isObject(bundle) || bundle['resourceType'] !== 'Bundle' || !Array.isArray(bundle['entry']))
    throw new AppError('VALIDATION', 'The file is not a FHIR R4 Bundle with entries. Nothing was imported.');
  const entries: unknown[] = bundle['entry'];
  if (entries.length > MAX_REFERRAL_BUNDLE_ENTRIES)
    throw new AppError('VALIDATION', `The bundle has more than ${MAX_REFERRAL_BUNDLE_ENTRIES} entries. Split it. Nothing was imported.`);
  const patients = patientsByReference(entries);
  const into: { referrals: ReadReferral[]; refused: RefusedReferral[] } = { referrals: [], refused: [] };
  entries.forEach((entry, at) => {
    const resource = isObject(entry) && isObject(entry['resource']) ? entry['resource'] : undefined;
    if (resource === undefined) {
      into.refused.push({ at, reason: 'the entry has no resource' });
      return;
    }
    if (resource['resourceType'] === 'Patient') return;
    if (resource['resourceType'] !== 'ServiceRequest') {
      into.refused.push({
        at,
        reason: `a ${String(resource['resourceType'])} is not a referral (only ServiceRequest and Patient are read)`,
      });
      return;
    }
    const subject = isObject(resource['subject']) ? text(resource['subject']['reference']) : undefined;
    const patient = subject === undefined ? undefined : patients.get(subject);
    if (patient === undefined) {
      into.refused.push({ at, reason: `its subject ${subject ?? '(none)'} is not a Patient in this bundle` });
      return;
    }
    checkReferral(at, requestFields(resource, patient), into);
  });
  return into;
}
