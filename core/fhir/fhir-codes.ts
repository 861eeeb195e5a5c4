/** Profiles, identifier systems and codes the FHIR export uses (see shared/domain.md, Interoperability). */

/** The UK Core profile URL for a resource type (there is no UK Core Goal: Goal uses base R4). */
export function ukCoreProfile(resourceType: string): string {
  return `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${resourceType}`;
}

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const NHS_NUMBER_VERIFICATION_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
export const NHS_NUMBER_VERIFICATION_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';
/**
 * We record NHS numbers as the person or referrer gives them and never trace them on PDS, so
 * the honest status is "02 Number present but not traced".
 */
export const NHS_NUMBER_NOT_TRACED = {
  system: NHS_NUMBER_VERIFICATION_SYSTEM,
  code: '02',
  display: 'Number present but not traced',
} as const;

/** ODS codes: a GP practice in `Patient.generalPractitioner` is named by its ODS code in this system. */
export const ODS_ORGANIZATION_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** UK Core's ethnic category extension on Patient, coded with the NHS Data Dictionary's letters (A to Z). */
export const ETHNIC_CATEGORY_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory';
export const ETHNIC_CATEGORY_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland';

export const LOINC_SYSTEM = 'http://loinc.org';
/** LOINC codes for the questionnaire totals the export sends. */
export const MEASURE_TOTAL_LOINC = {
  phq9: { system: LOINC_SYSTEM, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  gad7: { system: LOINC_SYSTEM, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
} as const;

/**
 * Our own code systems and identifier systems, for values with no national code (referral
 * routes, barrier categories, action kinds). The base is a placeholder the partnership can map.
 */
export const WORKWELL_SYSTEM_BASE = 'https://workwell-mdt.example.org/fhir';
export const PARTICIPANT_REFERENCE_SYSTEM = `${WORKWELL_SYSTEM_BASE}/Id/participant-reference`;
export const TEAM_MEMBER_SYSTEM = `${WORKWELL_SYSTEM_BASE}/Id/team-member`;
export const DIRECTORY_SERVICE_SYSTEM = `${WORKWELL_SYSTEM_BASE}/Id/directory-service`;
export const PLAN_VERSION_SYSTEM = `${WORKWELL_SYSTEM_BASE}/Id/action-plan-version`;
/** The plan's version number (1, 2...), as an extension of its own on the CarePlan. */
export const PLAN_VERSION_NUMBER_EXTENSION = `${WORKWELL_SYSTEM_BASE}/StructureDefinition/action-plan-version-number`;
export const REFERRAL_ROUTE_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/referral-route`;
export const MAIN_BARRIER_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/main-barrier`;
export const SOCIAL_BARRIER_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/social-barrier`;
export const ACTION_KIND_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/action-kind`;
export const DISCIPLINE_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/discipline`;

export const CONDITION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
