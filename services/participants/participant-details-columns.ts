import type { ParticipantDetailsSnapshot } from '../../core/schemas/participant-details-snapshot';
import type { ParticipantDetailColumns } from '../../db/repositories/participant-details-repository';
import type { ParticipantRow } from '../../db/repositories/participant-repository';
import { monitoringColumns, monitoringOf } from './participant-monitoring-columns';

/** The editable details of a person's row, as the record shows them. */
export function detailsSnapshotOf(row: ParticipantRow): ParticipantDetailsSnapshot {
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
    phone: row.phone,
    email: row.email,
    address: row.address,
    preferredContactMode: row.preferred_contact_mode as ParticipantDetailsSnapshot['preferredContactMode'],
    employment: {
      status: row.employment_status as ParticipantDetailsSnapshot['employment']['status'],
      employerName: row.employer_name,
      employerSize: row.employer_size as ParticipantDetailsSnapshot['employment']['employerSize'],
      employerContact: row.employer_contact,
      mayContactEmployer: row.may_contact_employer === 1,
      jobTitle: row.job_title,
      physicalDemands: row.physical_demands,
      cognitiveDemands: row.cognitive_demands,
    },
    gpPractice: row.gp_practice_ods_code === null ? null : { odsCode: row.gp_practice_ods_code, name: row.gp_practice_name ?? '' },
    monitoring: monitoringOf(row),
  };
}

/** The columns of `participants` that hold the editable details: registration writes them, an edit replaces them. */
export function detailsColumns(details: ParticipantDetailsSnapshot): ParticipantDetailColumns {
  const { employment } = details;
  return {
    given_name: details.givenName,
    family_name: details.familyName,
    date_of_birth: details.dateOfBirth,
    nhs_number: details.nhsNumber,
    phone: details.phone,
    email: details.email,
    address: details.address,
    preferred_contact_mode: details.preferredContactMode,
    employment_status: employment.status,
    employer_name: employment.employerName,
    employer_size: employment.employerSize,
    employer_contact: employment.employerContact,
    may_contact_employer: employment.mayContactEmployer ? 1 : 0,
    job_title: employment.jobTitle,
    physical_demands: employment.physicalDemands,
    cognitive_demands: employment.cognitiveDemands,
    gp_practice_ods_code: details.gpPractice?.odsCode ?? null,
    gp_practice_name: details.gpPractice?.name ?? null,
    ...monitoringColumns(details.monitoring),
  };
}
