// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { formatCalendarDate } from '../../core/calendar-date';
import type { ParsedInput } from '../../core/contract';
import type { PdfDocument } from '../../core/schemas/documents';
import type { SignedInUser } from '../../core/schemas/session';
import type { Store } from '../../db/store';
import { meetingMinutes } from '../meetings/meeting-minutes';
import { MinutesDocument } from './minutes-document';
import { documentMeta, exportPdf, fileNamePart } from './pdf-export';

/** A meeting's minutes as a PDF; DRAFT until the meeting has ended (and its minutes are locked). */
export async function minutesPdf(
  store: Store,
  input: ParsedInput<'documents.minutesPdf'>,
  user: SignedInUser,
  now: Date,
): Promise<PdfDocument> {
  const minutes = await meetingMinutes(store, input.meetingId);
  const draft = minutes.status !== 'ended';
  const meta = await documentMeta(store, user, now, 'MDT meeting minutes', `Meeting of ${formatCalendarDate(minutes.heldOn)}`, draft);
  const fileName = `mdt-minutes-${fileNamePart(minutes.heldOn)}${draft ? '-draft' : ''}.pdf`;
  return exportPdf(store, user, now, {
    kind: 'minutes_pdf',
    fileName,
    draft,
    element: <MinutesDocument minutes={minutes} meta={meta} />,
    participantIds: [...new Set(minutes.cases.map((item) => item.participantId))],
  });
}
