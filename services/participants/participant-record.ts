import { CONSENT_PURPOSES, type ConsentRecord } from '../../core/schemas/consent';
import type { JoinedUpAssessmentVersion, MeasureResult } from '../../core/schemas/assessment';
import type { DisciplineAssessmentVersion } from '../../core/schemas/discipline-assessment';
import type { ParticipantRecord } from '../../core/schemas/participant-record';
import {
  listAssessmentVersions,
  listMeasureResults,
  listOpenRiskFlags,
  type AssessmentVersionRow,
} from '../../db/repositories/assessment-repository';
import { listConsents } from '../../db/repositories/consent-repository';
import { findExit } from '../../db/repositories/action-plan-repository';
import { listReferrals } from '../../db/repositories/referral-repository';
import { findUserById } from '../../db/repositories/user-repository';
import { listAcknowledgedRiskFlags } from '../../db/repositories/risk-flag-repository';
import type { AcknowledgedRiskFlag } from '../../core/schemas/risk-flag';
import type { Store } from '../../db/store';
import { JOINED_UP_KIND } from '../assessments/assessment-service';
import { signatureFields, versionChains, type VersionChain } from '../assessments/assessment-versions';
import { toConsentRecord } from './consent-service';
import { detailsHistory } from './participant-details-edit';
import { detailsSnapshotOf } from './participant-details-columns';
import { contactLog } from './contact-log-service';
import { DISCIPLINE_ASSESSMENT_KIND } from '../assessments/discipline-assessment-service';
import { fitNotesOf } from '../fit-notes/fit-note-service';
import { episodesOf } from './episodes';
import { requireParticipant } from './require-participant';

/**
 * The whole record in one read, every draft included (in `disciplineAssessments`), for the services'
 * own documents. What a caller of `participants.get` reads goes through `participantViewFor`.
 */
export async function getParticipantRecord(store: Store, id: string): Promise<ParticipantRecord> {
  const row = await requireParticipant(store, id);
  const [
    referrals,
    consentRows,
    coach,
    joinedUpRows,
    disciplineRows,
    measureRows,
    openFlags,
    acknowledgedFlags,
    history,
    contacts,
    exit,
    fitNotes,
    episodes,
  ] = await Promise.all([
    listReferrals(store.db, id),
    listConsents(store.db, id),
    row.coach_user_id === null ? Promise.resolve(undefined) : findUserById(store.db, row.coach_user_id),
    listAssessmentVersions(store.db, id, JOINED_UP_KIND),
    listAssessmentVersions(store.db, id, DISCIPLINE_ASSESSMENT_KIND),
    listMeasureResults(store.db, id),
    listOpenRiskFlags(store.db, id),
    listAcknowledgedRiskFlags(store.db, id),
    detailsHistory(store, id),
    contactLog(store, id),
    findExit(store.db, id),
    fitNotesOf(store, id),
    episodesOf(store.db, row),
  ]);
  const consents = consentRows.map(toConsentRecord);
  const newestJoinedUp = versionChains(joinedUpRows, toJoinedUpVersion)[0];
  const currentConsent = Object.fromEntries(
    CONSENT_PURPOSES.map((purpose) => [purpose, consents.find((consent) => consent.purpose === purpose) ?? null]),
  ) as Record<(typeof CONSENT_PURPOSES)[number], ConsentRecord | null>;
  const record: ParticipantRecord = {
    id: row.id,
    reference: row.reference,
    status: row.status as ParticipantRecord['status'],
    ...detailsSnapshotOf(row),
    detailsVersion: history.version,
    detailsEdits: history.edits,
    coach: coach === undefined ? null : { userId: coach.id, displayName: coach.display_name },
    closure:
      exit === undefined
        ? null
        : {
            closedOn: exit.exited_on,
            reason: exit.reason as NonNullable<ParticipantRecord['closure']>['reason'],
            reasonNote: exit.reason_note,
            employmentOutcome: exit.employment_outcome as NonNullable<ParticipantRecord['closure']>['employmentOutcome'],
          },
    referrals: referrals.map((referral) => ({
      id: referral.id,
      date: referral.referral_date,
      route: referral.route as ParticipantRecord['referrals'][number]['route'],
      referrerName: referral.referrer_name,
      referrerOrganisation: referral.referrer_organisation,
      reason: referral.reason,
      recordedBy: referral.recorded_by,
      recordedAt: referral.recorded_at,
    })),
    episodes,
    consents,
    currentConsent,
    clinicalWithheld: false,
    joinedUpAssessment: newestJoinedUp === undefined ? null : flattenChain(newestJoinedUp),
    disciplineAssessments: versionChains(disciplineRows, toDisciplineVersion).map((chain) => flattenChain(chain)),
    draftsByOthers: [],
    measures: measureRows.map((result) => ({
      id: result.id,
      measure: result.measure as MeasureResult['measure'],
      discipline: result.discipline as MeasureResult['discipline'],
      takenOn: result.taken_on,
      total: result.total,
      bandLabel: result.band_label,
      riskFlag: result.risk_flag === 1,
      recordedBy: result.recorded_by_name,
      recordedAt: result.recorded_at,
    })),
    contacts,
    openRiskFlags: openFlags.map((flag) => ({ id: flag.id, reason: flag.reason, raisedAt: flag.raised_at, raisedOn: flag.raised_on })),
    acknowledgedRiskFlags: acknowledgedFlags.map((flag) => ({
      id: flag.id,
      reason: flag.reason,
      raisedAt: flag.raised_at,
      raisedOn: flag.raised_on,
      acknowledgedAt: flag.acknowledged_at ?? '',
      acknowledgedBy: flag.acknowledged_by_name,
      action: flag.acknowledgement_action as AcknowledgedRiskFlag['action'],
      note: flag.acknowledgement_note ?? '',
    })),
    fitNotes,
  };
  return record;
}

function toJoinedUpVersion(row: AssessmentVersionRow): JoinedUpAssessmentVersion {
  const content = JSON.parse(row.content_json) as Omit<JoinedUpAssessmentVersion, keyof ReturnType<typeof signatureFields> | 'assessedOn'>;
  return { ...content, ...signatureFields(row), assessedOn: row.assessed_on };
}

function toDisciplineVersion(row: AssessmentVersionRow): DisciplineAssessmentVersion {
  const content = JSON.parse(row.content_json) as Pick<DisciplineAssessmentVersion, 'findings' | 'workImpact' | 'recommendations'>;
  return {
    ...signatureFields(row),
    discipline: row.discipline as DisciplineAssessmentVersion['discipline'],
    assessedOn: row.assessed_on,
    findings: content.findings,
    workImpact: content.workImpact,
    recommendations: content.recommendations,
  };
}

/** A record as the screen shows it: the current version, carrying its earlier versions. */
function flattenChain<Version>(chain: VersionChain<Version>): Version & { earlierVersions: Version[] } {
  return { ...chain.current, earlierVersions: chain.earlierVersions };
}
