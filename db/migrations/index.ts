import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-23-001-initial';
import * as referralConsent from './2026-11-23-002-referral-consent';
import * as assessments from './2026-11-23-003-assessments';
import * as signedAssessments from './2026-11-23-005-signed-assessments';
import * as measureWording from './2026-11-23-006-measure-wording';
import * as partnershipConfig from './2026-11-23-007-partnership-config';
import * as actionPlans from './2026-11-23-010-action-plans';
import * as auditTrail from './2026-11-23-011-audit-trail';
import * as adjustments from './2026-11-30-016-adjustments';
import * as caseloadSearch from './2026-11-30-012-caseload-search';
import * as meetings from './2026-11-30-013-meetings';
import * as caseloadSearchKeys from './2026-11-30-012-caseload-search-keys';
import * as retention from './2026-11-30-015-retention';
import * as securitySettings from './2026-11-30-014-security-settings';
import * as exportLog from './2026-11-30-017-export-log';
import * as exportSettings from './2026-11-30-019-export-settings';
import * as caseloadSearchJoin from './2026-11-30-012-caseload-search-join';
import * as syncOutbox from './2026-12-06-020-sync-outbox';
import * as unfinishedFiles from './2026-12-06-021-unfinished-files';
import * as splitDwpConsent from './2026-12-06-022-split-dwp-consent';
import * as riskFlagAcknowledgement from './2026-12-06-023-risk-flag-acknowledgement';
import * as employerLetterApprovals from './2026-12-06-024-employer-letter-approvals';
import * as meetingPlanTools from './2026-12-06-025-meeting-plan-tools';
import * as signedAuditEntries from './2026-12-06-026-signed-audit-entries';
import * as referralInbox from './2026-12-06-030-referral-inbox';
import * as fitNotes from './2026-12-06-031-fit-notes';
import * as caseLifecycle from './2026-12-06-032-case-lifecycle';
import * as caseClosureNote from './2026-12-06-033-case-closure-note';
import * as episodes from './2026-12-06-034-episodes';
import * as followUps from './2026-12-06-035-follow-ups';
import * as gpPracticeLetters from './2026-12-06-036-gp-practice-letters';
import * as participantMonitoring from './2026-12-06-037-participant-monitoring';
import * as dashboardIndexes from './2026-12-06-038-dashboard-indexes';
import * as dashboardCoveringIndexes from './2026-12-06-039-dashboard-covering-indexes';
import * as openEndedFitNotes from './2026-12-06-042-open-ended-fit-notes';

/**
 * Every migration, in order, by ISO-dated name. Imported statically (not read from disk) so the
 * bundled Electron main process carries them.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-23-001-initial': initial,
  '2026-11-23-002-referral-consent': referralConsent,
  '2026-11-23-003-assessments': assessments,
  '2026-11-23-005-signed-assessments': signedAssessments,
  '2026-11-23-006-measure-wording': measureWording,
  '2026-11-23-007-partnership-config': partnershipConfig,
  '2026-11-23-010-action-plans': actionPlans,
  '2026-11-23-011-audit-trail': auditTrail,
  '2026-11-30-016-adjustments': adjustments,
  '2026-11-30-012-caseload-search': caseloadSearch,
  '2026-11-30-013-meetings': meetings,
  '2026-11-30-012-caseload-search-keys': caseloadSearchKeys,
  '2026-11-30-015-retention': retention,
  '2026-11-30-014-security-settings': securitySettings,
  '2026-11-30-017-export-log': exportLog,
  '2026-11-30-019-export-settings': exportSettings,
  '2026-11-30-012-caseload-search-join': caseloadSearchJoin,
  '2026-12-06-020-sync-outbox': syncOutbox,
  '2026-12-06-021-unfinished-files': unfinishedFiles,
  '2026-12-06-022-split-dwp-consent': splitDwpConsent,
  '2026-12-06-023-risk-flag-acknowledgement': riskFlagAcknowledgement,
  '2026-12-06-024-employer-letter-approvals': employerLetterApprovals,
  '2026-12-06-025-meeting-plan-tools': meetingPlanTools,
  '2026-12-06-026-signed-audit-entries': signedAuditEntries,
  '2026-12-06-030-referral-inbox': referralInbox,
  '2026-12-06-031-fit-notes': fitNotes,
  '2026-12-06-032-case-lifecycle': caseLifecycle,
  '2026-12-06-033-case-closure-note': caseClosureNote,
  '2026-12-06-034-episodes': episodes,
  '2026-12-06-035-follow-ups': followUps,
  '2026-12-06-036-gp-practice-letters': gpPracticeLetters,
  '2026-12-06-037-participant-monitoring': participantMonitoring,
  '2026-12-06-038-dashboard-indexes': dashboardIndexes,
  '2026-12-06-039-dashboard-covering-indexes': dashboardCoveringIndexes,
  '2026-12-06-042-open-ended-fit-notes': openEndedFitNotes,
};

export const inCodeMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
