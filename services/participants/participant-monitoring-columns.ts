import type { ParticipantMonitoring } from '../../core/schemas/participant-monitoring';
import type { ParticipantRow } from '../../db/repositories/participant-repository';

/** The monitoring answers (sex, ethnicity, disability, benefit status) a person's row holds; null is not asked. */
export function monitoringOf(
  row: Pick<ParticipantRow, 'sex' | 'ethnic_category' | 'disability' | 'benefit_status'>,
): ParticipantMonitoring {
  return {
    sex: row.sex as ParticipantMonitoring['sex'],
    ethnicity: row.ethnic_category as ParticipantMonitoring['ethnicity'],
    disability: row.disability as ParticipantMonitoring['disability'],
    benefitStatus: row.benefit_status as ParticipantMonitoring['benefitStatus'],
  };
}

/** The row's columns for the monitoring answers: registration writes them, an edit replaces them. */
export function monitoringColumns(monitoring: ParticipantMonitoring) {
  return {
    sex: monitoring.sex,
    ethnic_category: monitoring.ethnicity,
    disability: monitoring.disability,
    benefit_status: monitoring.benefitStatus,
  };
}
