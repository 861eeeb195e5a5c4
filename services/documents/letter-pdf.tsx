// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import type { ConsentPurpose } from '../../core/schemas/consent';
import type { PdfDocument } from '../../core/schemas/documents';
import type { LetterRecipient } from '../../core/schemas/letters';
import type { SignedInUser } from '../../core/schemas/session';
import { insertLetterSent } from '../../db/repositories/letters-sent-repository';
import { findTeamMemberByUser } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { auditedTransaction } from '../call-audit-scope';
import { sha256Hex } from '../exports/export-log';
import { mayShare } from '../participants/consent-service';
import { getParticipantRecord } from '../participants/participant-record';
import { addresseeOf, letterContent } from './letter-content';
import { documentPerson } from './person-identity';
import { LetterDocument } from './letter-document';
import type { LetterModel } from './letter-model';
import { documentMeta, exportPdf, fileNamePart } from './pdf-export';

/** The consent each recipient needs: the person's own decision to let us write to them. */
const PURPOSE_OF: Readonly<Record<LetterRecipient, ConsentPurpose>> = { gp: 'share_gp', referrer: 'share_referrer' };

const REFUSED_WITHOUT_CONSENT: Readonly<Record<LetterRecipient, string>> = {
  gp: 'The person has not agreed that we write to their GP (or has withdrawn it). Record their decision under Consent first. Nothing was produced.',
  referrer:
    'The person has not agreed that we write to whoever referred them (or has withdrawn it). Record their decision under Consent first. Nothing was produced.',
};

/**
 * A letter to the person's GP practice or their referrer as a PDF: the plan the MDT agreed, or how
 * the case closed. Refused (FORBIDDEN; dispatch audits it as denied; nothing rendered or logged)
 * unless the person's consent to letters to that recipient is in force now, and (CONFLICT) when
 * there is nobody to address or nothing to write about. A letter produced goes to the export log
 * (file name and SHA-256 only) and to the record's "letters sent" list, which syncs to the team.
 */
export async function letterPdf(
  store: Store,
  input: ParsedInput<'documents.letterPdf'>,
  user: SignedInUser,
  now: Date,
): Promise<PdfDocument> {
  const record = await getParticipantRecord(store, input.participantId);
  if (!(await mayShare(store, record.id, PURPOSE_OF[input.recipient]))) {
    throw new AppError('FORBIDDEN', REFUSED_WITHOUT_CONSENT[input.recipient]);
  }
  const addressee = addresseeOf(record, input.recipient);
  const content = await letterContent(store, record, input.kind);
  const coach = record.coach === null ? undefined : await findTeamMemberByUser(store.db, record.coach.userId);
  const model: LetterModel = {
    kind: input.kind,
    recipient: input.recipient,
    ...addressee,
    person: documentPerson(record),
    referredOn: record.referrals[0]?.date ?? null,
    content,
    contact: coach === undefined ? null : { name: coach.full_name, role: coach.job_title, phone: coach.phone, email: coach.email },
  };
  const title = input.recipient === 'gp' ? 'Letter to the GP practice' : 'Letter to the referrer';
  const version = content.kind === 'plan_agreed' ? `Plan version ${content.versionNumber}` : 'Case closed';
  const meta = await documentMeta(store, user, now, title, version, false);
  const fileName = `letter-${input.recipient}-${input.kind.replace('_', '-')}-${fileNamePart(record.reference)}.pdf`;
  const document = await exportPdf(store, user, now, {
    kind: 'letter_pdf',
    fileName,
    draft: false,
    element: <LetterDocument model={model} meta={meta} />,
    participantIds: [record.id],
  });
  await auditedTransaction(store, (trx) =>
    insertLetterSent(trx, {
      id: randomUUID(),
      participant_id: record.id,
      kind: input.kind,
      recipient: input.recipient,
      addressed_to: addressee.addressedTo,
      file_name: fileName,
      sha256: sha256Hex(Buffer.from(document.contentBase64, 'base64')),
      sent_by: user.userId,
      sent_at: now.toISOString(),
    }),
  );
  return document;
}
