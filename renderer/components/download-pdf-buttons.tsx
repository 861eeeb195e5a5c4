import { useId, useState } from 'react';
import type { ChannelInput } from '../../core/contract';
import type { PdfDocument } from '../../core/schemas/documents';
import { useApi } from '../api/api-context';
import { offers } from '../can-call';
import { base64Bytes, saveBlob } from '../save-blob';

/** The channels that render a PDF document in the services layer. */
export type DocumentChannel =
  'documents.planPdf' | 'documents.employerLetterPdf' | 'documents.ahpReportPdf' | 'documents.minutesPdf' | 'documents.letterPdf';

/** One way to download the document: its button words and what to ask the services layer for. */
export interface PdfDownloadOption<C extends DocumentChannel> {
  /** The button's words, e.g. "Download the plan (PDF)". */
  readonly label: string;
  readonly input: ChannelInput<C>;
  readonly testId?: string;
}

export interface DownloadPdfButtonsProps<C extends DocumentChannel> {
  readonly channel: C;
  /** One button each (the plan offers normal and large print), sharing one progress message. */
  readonly options: ReadonlyArray<PdfDownloadOption<C>>;
  readonly testId?: string;
  /** Set when the services layer would refuse every download (no consent): the buttons are disabled and this says why. */
  readonly blockedReason?: string | undefined;
  /** Called once a document has been produced and saved (a letter then shows in the record's "letters sent"). */
  readonly onDownloaded?: () => void;
}

type DownloadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly fileName: string; readonly draft: boolean }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Download PDF": asks the services layer to render the document (which logs and audits it),
 * says so while it renders, then saves it under the suggested file name. A refusal (no consent,
 * not allowed) is shown below the buttons in the service's words.
 */
export function DownloadPdfButtons<C extends DocumentChannel>({
  channel,
  options,
  testId,
  blockedReason,
  onDownloaded,
}: DownloadPdfButtonsProps<C>) {
  const api = useApi();
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const blockedId = `${useId()}-blocked`;
  const download = async (input: ChannelInput<C>) => {
    setState({ kind: 'busy' });
    const result = await api.call(channel, input);
    if (!result.ok) {
      setState({ kind: 'failed', message: result.error.message });
      return;
    }
    const document = result.value as PdfDocument;
    saveBlob(document.fileName, new Blob([base64Bytes(document.contentBase64)], { type: 'application/pdf' }));
    setState({ kind: 'done', fileName: document.fileName, draft: document.draft });
    onDownloaded?.();
  };
  return (
    <div className="ww-download-pdf" data-testid={testId}>
      <div className="ww-actions">
        {options.map((option) => (
          <button
            key={option.label}
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={state.kind === 'busy' || blockedReason !== undefined}
            aria-describedby={blockedReason === undefined ? undefined : blockedId}
            data-testid={option.testId}
            {...offers(channel)}
            onClick={() => void download(option.input)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {blockedReason !== undefined && (
        <p className="nhsuk-body-s" id={blockedId}>
          {blockedReason}
        </p>
      )}
      <div aria-live="polite" className="ww-download-pdf__status">
        {state.kind === 'busy' && <p role="status">Preparing the PDF…</p>}
        {state.kind === 'done' && (
          <p role="status">
            Downloaded {state.fileName}
            {state.draft ? ' (marked DRAFT: not final yet).' : '.'}
          </p>
        )}
        {state.kind === 'failed' && <p className="nhsuk-error-message">{state.message}</p>}
      </div>
    </div>
  );
}
