import { z } from 'zod';
import { gpPracticeSchema } from './gp-practice';
import { NOT_RECORDED_MONITORING, participantMonitoringSchema } from './participant-monitoring';
import { CONTACT_MODES, EMPLOYER_SIZES, EMPLOYMENT_STATUSES } from './referral';

/** The employment a person's record holds: their work at first contact and their employer. */
export const employmentDetailsSchema = z.object({
  status: z.enum(EMPLOYMENT_STATUSES),
  employerName: z.string().nullable(),
  employerSize: z.enum(EMPLOYER_SIZES),
  employerContact: z.string().nullable(),
  mayContactEmployer: z.boolean(),
  jobTitle: z.string().nullable(),
  physicalDemands: z.string().nullable(),
  cognitiveDemands: z.string().nullable(),
});

/** The editable part of a person's record, as it stood at one version: who they are, how to reach them, their work, their GP practice. */
export const participantDetailsSnapshotSchema = z.object({
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  preferredContactMode: z.enum(CONTACT_MODES),
  employment: employmentDetailsSchema,
  /** Null when not known; edits saved before the GP practice was on the record read as null. */
  gpPractice: gpPracticeSchema.nullable().default(null),
  /** Sex, ethnicity, disability, benefit status (issue 20 item 9); edits saved before they existed read as not recorded. */
  monitoring: participantMonitoringSchema.default(NOT_RECORDED_MONITORING),
});
export type ParticipantDetailsSnapshot = z.infer<typeof participantDetailsSnapshotSchema>;
