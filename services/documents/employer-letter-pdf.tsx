// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import type { PdfDocument } from '../../core/schemas/documents';
import type { SignedInUser } from '../../core/schemas/session';
import { latestAdjustments } from '../../db/repositories/adjustments-repository';
import { findParticipant } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';
import { getParticipantPlans } from '../plans/action-plan-read';
import { employerView } from '../adjustments/employer-view-service';
import { employerLetterApproval } from '../adjustments/employer-letter-approval-service';
import { EmployerLetterDocument } from './employer-letter-document';
import { documentMeta, exportPdf, fileNamePart } from './pdf-export';

/**
 * What stands between the letter and its final form, by field: the MDT's agreement of the plan the
 * adjustments belong to, and the person's approval of the letter as it reads now. Empty when the
 * final letter may be produced.
 */
async function missingForFinal(store: Store, participantId: string, planAgreed: boolean): Promise<Record<string, string>> {
  const approval = await employerLetterApproval(store, participantId);
  const missing: Record<string, string> = {};
  if (!planAgreed) missing.plan = 'The MDT has not agreed the plan these adjustments belong to yet.';
  if (approval === null) missing.approval = 'The person has not approved this letter yet: record their approval first.';
  else if (!approval.inForce)
    missing.approval = 'The letter has changed since the person approved it: they need to see it and approve it again.';
  return missing;
}

/** The footer's words after "DRAFT: ", from what is missing. */
function draftNoteOf(missing: Record<string, string>): string {
  if (missing.plan !== undefined && missing.approval !== undefined) return 'not agreed or approved by the person';
  if (missing.plan !== undefined) return 'not agreed';
  if (missing.approval !== undefined) return 'not approved by the person';
  return 'not final';
}

/**
 * The employer adjustments letter as a PDF. Its content is the employer view and nothing else:
 * `employerView` refuses (FORBIDDEN) unless consent to share with the employer is in force, so a
 * refused letter is never rendered and never reaches the export log; dispatch audits the refusal
 * as denied. Asked for as a draft (the default) it always carries the DRAFT watermark, a footer
 * saying why and a line in its body saying it must not be sent. Asked for as final, it is refused
 * (CONFLICT, naming each missing step by field, audited, nothing rendered or logged) until the
 * MDT has agreed the plan and the person has approved the letter exactly as it reads now.
 */
export async function employerLetterPdf(
  store: Store,
  input: ParsedInput<'documents.employerLetterPdf'>,
  user: SignedInUser,
  now: Date,
): Promise<PdfDocument> {
  const view = await employerView(store, input.participantId);
  // Only the version and agreement state are read from here: nothing of it is printed.
  const [saved, plans, participant] = await Promise.all([
    latestAdjustments(store.db, input.participantId),
    getParticipantPlans(store, input.participantId),
    findParticipant(store.db, input.participantId),
  ]);
  const plan = plans.versions.find((version) => version.id === saved?.plan_id);
  const missing = await missingForFinal(store, input.participantId, plan !== undefined && plan.status !== 'draft');
  if (input.final && Object.keys(missing).length > 0) {
    throw new AppError('CONFLICT', `The final letter cannot be produced yet. ${Object.values(missing).join(' ')}`, missing);
  }
  const draft = !input.final;
  const version = `Adjustments version ${saved?.version ?? 1}`;
  const meta = {
    ...(await documentMeta(store, user, now, 'Workplace adjustments passport', version, draft)),
    draftNote: draftNoteOf(missing),
  };
  const fileName = `workplace-adjustments-${fileNamePart(participant?.reference ?? input.participantId)}${draft ? '-draft' : ''}.pdf`;
  return exportPdf(store, user, now, {
    kind: 'employer_letter_pdf',
    fileName,
    draft,
    element: <EmployerLetterDocument view={view} meta={meta} />,
    participantIds: [input.participantId],
  });
}
