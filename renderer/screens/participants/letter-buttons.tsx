import { LETTER_RECIPIENTS, type LetterKind, type LetterRecipient } from '../../../core/schemas/letters';
import { DownloadPdfButtons } from '../../components/download-pdf-buttons';

const KIND_WORDS: Readonly<Record<LetterKind, string>> = { plan_agreed: 'Plan agreed', case_closed: 'Case closed' };
const RECIPIENT_WORDS: Readonly<Record<LetterRecipient, string>> = { gp: 'the GP', referrer: 'the referrer' };

/**
 * The letters to one recipient, a button per kind ("Plan agreed letter to the GP (PDF)"). The
 * services layer renders, logs and audits each; a refusal (no consent, nobody to address, nothing
 * to write about) shows below the buttons in its words. `blockedReason` disables them up front.
 */
export function LetterButtons({
  participantId,
  recipient,
  kinds,
  blockedReason,
  onProduced,
}: {
  participantId: string;
  recipient: LetterRecipient;
  kinds: readonly LetterKind[];
  blockedReason?: string | undefined;
  onProduced: () => void;
}) {
  return (
    <DownloadPdfButtons
      channel="documents.letterPdf"
      options={kinds.map((kind) => ({
        label: `${KIND_WORDS[kind]} letter to ${RECIPIENT_WORDS[recipient]} (PDF)`,
        input: { participantId, recipient, kind },
        testId: `letter-${recipient}-${kind}`,
      }))}
      blockedReason={blockedReason}
      onDownloaded={onProduced}
      testId={`letters-to-${recipient}`}
    />
  );
}

/**
 * The offer made just after the MDT agrees a plan or the case closes: the letter of that kind to
 * the GP and to the referrer, in a box the keyboard reaches next.
 */
export function LetterOffer({ participantId, kind, onProduced }: { participantId: string; kind: LetterKind; onProduced: () => void }) {
  return (
    <div className="nhsuk-inset-text" data-testid={`letter-offer-${kind}`}>
      <p className="nhsuk-body">
        {kind === 'plan_agreed' ? 'The plan is agreed.' : 'The case is closed.'} Do you want to let the person’s GP or their referrer know?
        (Only with the person’s consent.)
      </p>
      {LETTER_RECIPIENTS.map((recipient) => (
        <LetterButtons key={recipient} participantId={participantId} recipient={recipient} kinds={[kind]} onProduced={onProduced} />
      ))}
    </div>
  );
}
