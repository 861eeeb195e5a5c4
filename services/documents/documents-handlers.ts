import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { ahpReportPdf } from './ahp-report-pdf';
import { employerLetterPdf } from './employer-letter-pdf';
import { letterPdf } from './letter-pdf';
import { lettersSent } from './letters-sent';
import { minutesPdf } from './minutes-pdf';
import { planPdf } from './plan-pdf';

type DocumentChannels =
  | 'documents.planPdf'
  | 'documents.employerLetterPdf'
  | 'documents.ahpReportPdf'
  | 'documents.minutesPdf'
  | 'documents.letterPdf'
  | 'documents.lettersSent';

/** The PDF documents: each is rendered here, in the services layer, and recorded in the export log. */
export function documentsHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, DocumentChannels> {
  return {
    'documents.planPdf': async (input, context) => planPdf(session.require().store, input, signedInCaller(context), now()),
    'documents.employerLetterPdf': async (input, context) =>
      employerLetterPdf(session.require().store, input, signedInCaller(context), now()),
    'documents.ahpReportPdf': async (input, context) => ahpReportPdf(session.require().store, input, signedInCaller(context), now()),
    'documents.minutesPdf': async (input, context) => minutesPdf(session.require().store, input, signedInCaller(context), now()),
    'documents.letterPdf': async (input, context) => letterPdf(session.require().store, input, signedInCaller(context), now()),
    'documents.lettersSent': async (input) => lettersSent(session.require().store, input.participantId),
  };
}
