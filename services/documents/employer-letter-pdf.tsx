// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ParsedInput } from '../../core/contract';
import type { PdfDocument } from '../../core/schemas/documents';
import type { SignedInUser } from '../../core/schemas/session';
import { latestAdjustments } from '../../db/repositories/adjustments-repository';
import { findParticipant } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';
import { getParticipantPlans } from '../plans/action-plan-read';
import { employerView } from '../adjustments/employer-view-service';
import { EmployerLetterDocument } from './employer-letter-document';
import { documentMeta, exportPdf, fileNamePart } from './pdf-export';

/**
 * The employer adjustments letter as a PDF. Its content is the employer view and nothing else:
 * `employerView` refuses (FORBIDDEN) unless consent to share with the employer is in force, so a
 * refused letter is never rendered and never reaches the export log; dispatch audits the refusal
 * as denied. It is a DRAFT until the MDT has agreed the plan the adjustments belong to.
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
  const draft = plan === undefined || plan.status === 'draft';
  const version = `Adjustments version ${saved?.version ?? 1}`;
  const meta = await documentMeta(store, user, now, 'Workplace adjustments passport', version, draft);
  const fileName = `workplace-adjustments-${fileNamePart(participant?.reference ?? input.participantId)}${draft ? '-draft' : ''}.pdf`;
  return exportPdf(store, user, now, {
    kind: 'employer_letter_pdf',
    fileName,
    draft,
    element: <EmployerLetterDocument view={view} meta={meta} />,
    participantIds: [input.participantId],
  });
}
