import { ADJUSTMENT_CATEGORY_LABELS } from '../adjustments/adjustment-library';
import { fitNoteIssuerLabel } from '../fit-notes/current-fit-note';
import { FIT_NOTE_FITNESS_LABELS, FIT_NOTE_ISSUER_SETTING_LABELS, FIT_NOTE_PROFESSION_LABELS } from '../schemas/fit-note';
import type { FhirExportFitNote, FhirExportPerson } from './export-data';
import { ukCoreProfile, WORKWELL_SYSTEM_BASE } from './fhir-codes';
import { patientReference, type FhirResource } from './fhir-resources';
import { stableFhirId } from './stable-id';

/**
 * The local fit-note code systems (shared/domain.md, Interoperability: adjustments are coded "from a
 * local fit-note code system"; there is no national code for the Med3's answers). The partnership maps them.
 */
export const FIT_NOTE_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/fit-note`;
export const FIT_NOTE_FITNESS_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/fit-note-fitness`;
export const FIT_NOTE_ADVICE_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/fit-note-advice`;
export const FIT_NOTE_ISSUER_SETTING_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/fit-note-issuer-setting`;
export const FIT_NOTE_PROFESSION_SYSTEM = `${WORKWELL_SYSTEM_BASE}/CodeSystem/fit-note-issuer-profession`;

/** A component's code in the fit-note system: what the part of the note says. */
function part(code: string, display: string) {
  return { coding: [{ system: FIT_NOTE_SYSTEM, code, display }] };
}

/**
 * UKCore-Observation for the fit note in force (issue 20 item 2): its period (`effectivePeriod`, no
 * end when it has no end date), not fit or may be fit (`valueCodeableConcept`), each "may be fit"
 * advice ticked, the date issued, whether the issuer will assess again, whether it came from a
 * fit-note conversation, and who issued it (setting and profession coded; `performer` a display
 * only, the issuer not being one of our resources). Comments are free text and stay in the record.
 * A correction is sent as `amended`. One Observation per fit note, so a re-export updates it.
 */
export function buildFitNoteObservation(person: FhirExportPerson, note: FhirExportFitNote): FhirResource {
  return {
    resourceType: 'Observation',
    id: stableFhirId('Observation', `fit-note/${note.id}`),
    meta: { profile: [ukCoreProfile('Observation')] },
    status: note.replacesId === null ? 'final' : 'amended',
    code: { ...part('fit-note', 'Statement of fitness for work (fit note)'), text: 'Fit note' },
    subject: patientReference(person),
    effectivePeriod: note.periodTo === null ? { start: note.periodFrom } : { start: note.periodFrom, end: note.periodTo },
    performer: [{ display: fitNoteIssuerLabel(note) }],
    valueCodeableConcept: {
      coding: [{ system: FIT_NOTE_FITNESS_SYSTEM, code: note.fitness, display: FIT_NOTE_FITNESS_LABELS[note.fitness] }],
    },
    ...(note.periodTo === null ? { note: [{ text: 'No end date (indefinite)' }] } : {}),
    component: [
      ...note.categories.map((category) => ({
        code: part('advice', 'May be fit for work: advice'),
        valueCodeableConcept: {
          coding: [{ system: FIT_NOTE_ADVICE_SYSTEM, code: category, display: ADJUSTMENT_CATEGORY_LABELS[category] }],
        },
      })),
      { code: part('date-issued', 'Date issued'), valueDateTime: note.issuedOn },
      {
        code: part('issuer-setting', 'Issued by'),
        valueCodeableConcept: {
          coding: [
            {
              system: FIT_NOTE_ISSUER_SETTING_SYSTEM,
              code: note.issuerSetting,
              display: FIT_NOTE_ISSUER_SETTING_LABELS[note.issuerSetting],
            },
          ],
        },
      },
      {
        code: part('issuer-profession', 'Issuer’s profession'),
        valueCodeableConcept: {
          coding: [
            { system: FIT_NOTE_PROFESSION_SYSTEM, code: note.issuerProfession, display: FIT_NOTE_PROFESSION_LABELS[note.issuerProfession] },
          ],
        },
      },
      { code: part('assess-again', 'The issuer will assess them again'), valueBoolean: note.reviewNeeded },
      { code: part('fit-note-conversation', 'From a fit-note conversation'), valueBoolean: note.fromConversation },
    ],
  };
}
