import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import {
  ahpSigningProblems,
  type AhpPractitioner,
  type AhpProfession,
  type AhpReport,
  type AhpReportContent,
} from '../../core/schemas/ahp-report';
import type { SignedInUser } from '../../core/schemas/session';
import {
  findAhpReport,
  insertAhpReport,
  signAhpDraft,
  updateAhpDraft,
  type listAhpReports,
} from '../../db/repositories/adjustments-repository';
import { findTeamMemberByUser } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { requireParticipant } from '../participants/require-participant';

type AhpReportListRow = Awaited<ReturnType<typeof listAhpReports>>[number];

/** The HCPC register's profession code for each profession that may sign the report. */
const HCPC_PREFIX: Readonly<Record<AhpProfession, string>> = { occupational_therapist: 'OT', physiotherapist: 'PH' };

export function toAhpReport(row: AhpReportListRow): AhpReport {
  const content = JSON.parse(row.content_json) as AhpReportContent;
  return {
    ...content,
    id: row.id,
    participantId: row.participant_id,
    version: row.version,
    status: row.status as AhpReport['status'],
    authorId: row.author_id,
    authorName: row.author_name,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    practitioner: row.practitioner_json === null ? null : (JSON.parse(row.practitioner_json) as AhpPractitioner),
  };
}

function professionOf(user: SignedInUser): AhpProfession {
  if (user.role === 'occupational_therapist' || user.role === 'physiotherapist') return user.role;
  throw new AppError('FORBIDDEN', 'Only occupational therapists and physiotherapists write AHP Health and Work Reports.');
}

/** A report the caller may change: it exists, belongs to this person, is a draft and is theirs. */
async function requireOwnDraft(store: Store, reportId: string, participantId: string, user: SignedInUser) {
  const report = await findAhpReport(store.db, reportId);
  if (report === undefined || report.participant_id !== participantId) throw new AppError('NOT_FOUND', 'That report could not be found.');
  if (report.status !== 'draft') throw new AppError('CONFLICT', 'This report is signed and locked. Start a new report to give new advice.');
  if (report.author_id !== user.userId)
    throw new AppError('FORBIDDEN', 'Only the practitioner who started this draft can change or sign it.');
  return report;
}

/**
 * Starts a draft AHP Health and Work Report (one draft per person at a time), or saves over the
 * caller's own draft at the version they edited.
 */
export async function saveAhpReport(
  store: Store,
  input: ParsedInput<'adjustments.saveAhpReport'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'adjustments.saveAhpReport'>> {
  professionOf(user);
  const { participantId, reportId, version, ...content } = input;
  await requireParticipant(store, participantId);
  const at = now.toISOString();
  const contentJson = JSON.stringify(content);
  try {
    if (reportId !== undefined) {
      await requireOwnDraft(store, reportId, participantId, user);
      const expectedVersion = version ?? 0;
      if (!(await updateAhpDraft(store.db, { id: reportId, expectedVersion, contentJson, at }))) {
        throw new AppError(
          'CONFLICT',
          'This report changed since you opened it. Your changes were not saved: reopen it to see the latest.',
        );
      }
      return { id: reportId, version: expectedVersion + 1 };
    }
    const id = randomUUID();
    await insertAhpReport(store.db, {
      id,
      participant_id: participantId,
      status: 'draft',
      content_json: contentJson,
      author_id: user.userId,
      created_at: at,
      updated_at: at,
      signed_by: null,
      signed_at: null,
      practitioner_json: null,
    });
    return { id, version: 1 };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new AppError('CONFLICT', 'A draft report for this person is already open. Reopen it to carry on.');
    throw toStoreError(error);
  }
}

/**
 * Signs a draft: only an occupational therapist or physiotherapist whose team record holds their
 * HCPC registration (with their profession's code) may, and only their own draft at the version
 * they read. Signing stamps their name, profession and HCPC number; the report is then locked.
 */
export async function signAhpReport(
  store: Store,
  input: ParsedInput<'adjustments.signAhpReport'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'adjustments.signAhpReport'>> {
  const profession = professionOf(user);
  const member = await findTeamMemberByUser(store.db, user.userId);
  const registration = member?.professional_body === 'hcpc' && member.active === 1 ? member.registration_number : null;
  if (member === undefined || registration === null || !registration.startsWith(HCPC_PREFIX[profession])) {
    throw new AppError(
      'FORBIDDEN',
      'Only an HCPC-registered occupational therapist or physiotherapist can sign this report. Ask an administrator to record your HCPC registration in Settings → Team members.',
    );
  }
  const report = await requireOwnDraft(store, input.reportId, input.participantId, user);
  const problems = ahpSigningProblems(JSON.parse(report.content_json) as AhpReportContent);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `The report cannot be signed yet. ${problems.map((problem) => problem.message).join(' ')}`,
      Object.fromEntries(problems.map((problem) => [problem.path, problem.message])),
    );
  }
  const practitioner: AhpPractitioner = { name: member.full_name, profession, hcpcNumber: registration };
  try {
    const signed = await signAhpDraft(store.db, {
      id: report.id,
      expectedVersion: input.version,
      signedBy: user.userId,
      practitionerJson: JSON.stringify(practitioner),
      at: now.toISOString(),
    });
    if (!signed) throw new AppError('CONFLICT', 'This report changed since you opened it. Read the latest version before signing it.');
  } catch (error) {
    throw toStoreError(error);
  }
  return {};
}
