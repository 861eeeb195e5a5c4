import type { Channel } from '../core/channels';

/** What an audit entry says happened. */
export const AUDIT_ACTIONS = ['view', 'search', 'create', 'edit', 'sign', 'export', 'print', 'sign_in', 'sign_in_failed', 'lock', 'configure', 'denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The audit action of every channel; `null` for the only calls that touch no record (the app's
 * status before sign-in). Typed as a full record so a new channel cannot be added without
 * deciding how it is audited.
 */
export const AUDIT_POLICY: Readonly<Record<Channel, AuditAction | null>> = {
  'app.status': null,
  'setup.createPartnership': 'configure',
  'setup.createDemoPartnership': 'configure',
  'session.unlock': 'sign_in',
  'session.lock': 'lock',
  'participants.list': 'search',
  'participants.checkDuplicates': 'search',
  'participants.register': 'create',
  'participants.get': 'view',
  'consents.record': 'edit',
  'consents.withdraw': 'edit',
  'assessments.saveJoinedUp': 'sign',
  'assessments.amendJoinedUp': 'sign',
  'assessments.saveDisciplineDraft': 'edit',
  'assessments.sign': 'sign',
  'assessments.amendDiscipline': 'sign',
  'measures.record': 'create',
  'riskFlags.acknowledge': 'edit',
  'plans.get': 'view',
  'plans.saveDraft': 'edit',
  'plans.agreeByMdt': 'sign',
  'plans.agreeWithPerson': 'edit',
  'plans.activate': 'edit',
  'plans.updateActionStatus': 'edit',
  'plans.review': 'edit',
  'plans.dueForReview': 'search',
  'audit.search': 'search',
  'audit.verify': 'view',
  'config.get': 'view',
  'measureWording.list': 'view',
  'measureWording.save': 'configure',
  'measureWording.reset': 'configure',
  'config.saveDiscipline': 'configure',
  'config.saveTeamMember': 'configure',
  'config.saveService': 'configure',
  'adjustments.get': 'view',
  'adjustments.save': 'edit',
  'adjustments.saveAhpReport': 'edit',
  'adjustments.signAhpReport': 'sign',
  'adjustments.employerView': 'view',
  'participants.count': 'search',
  'caseload.coaches': 'view',
  'triage.queue': 'search',
  'triage.decide': 'edit',
  'meetings.list': 'search',
  'meetings.create': 'create',
  'meetings.get': 'view',
  'meetings.reorderAgenda': 'edit',
  'meetings.recordAttendance': 'edit',
  'meetings.saveCaseNotes': 'edit',
  'meetings.end': 'sign',
  'meetings.minutes': 'view',
};
