/**
 * A GP practice's ODS code (the NHS Organisation Data Service code that identifies it, FHIR system
 * `https://fhir.nhs.uk/Id/ods-organization-code`): one letter then five digits, for example A81001.
 * Other organisations' ODS codes take other shapes; a person's GP practice is always this one.
 */
const GP_PRACTICE_ODS_CODE = /^[A-Z][0-9]{5}$/;

/** The code as typed, tidied: spaces removed and letters in capitals ("a81 001" becomes "A81001"). */
export function normaliseOdsCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Whether a (normalised) code has the shape of a GP practice's ODS code. */
export function isGpPracticeOdsCode(value: string): boolean {
  return GP_PRACTICE_ODS_CODE.test(value);
}
