/**
 * Every channel name of the contract. Kept apart from the schemas so the sandboxed preload can
 * check names without bundling zod; `contract.ts` is typed so the two cannot drift.
 */
export const CHANNELS = [
  'app.status',
  'setup.createPartnership',
  'setup.createDemoPartnership',
  'session.unlock',
  'session.lock',
  'participants.list',
  'participants.checkDuplicates',
  'participants.register',
  'participants.get',
  'consents.record',
  'consents.withdraw',
  'assessments.saveJoinedUp',
  'assessments.amendJoinedUp',
  'assessments.saveDisciplineDraft',
  'assessments.sign',
  'assessments.amendDiscipline',
  'measures.record',
  'riskFlags.acknowledge',
  'plans.get',
  'plans.saveDraft',
  'plans.agreeByMdt',
  'plans.agreeWithPerson',
  'plans.activate',
  'plans.updateActionStatus',
  'plans.review',
  'plans.dueForReview',
  'audit.search',
  'audit.verify',
  'config.get',
  'config.saveDiscipline',
  'config.saveTeamMember',
  'config.saveService',
  'measureWording.list',
  'measureWording.save',
  'measureWording.reset',
  'adjustments.get',
  'adjustments.save',
  'adjustments.saveAhpReport',
  'adjustments.signAhpReport',
  'adjustments.employerView',
  'participants.count',
  'caseload.coaches',
  'triage.queue',
  'triage.decide',
  'meetings.list',
  'meetings.create',
  'meetings.get',
  'meetings.reorderAgenda',
  'meetings.recordAttendance',
  'meetings.saveCaseNotes',
  'meetings.end',
  'meetings.minutes',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** The Electron IPC channel that carries a contract channel. */
export const IPC_PREFIX = 'workwell:';
