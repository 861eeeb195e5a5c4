// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import type { PdfDocument } from '../../core/schemas/documents';
import type { SignedInUser } from '../../core/schemas/session';
import { listAhpReports } from '../../db/repositories/adjustments-repository';
import type { Store } from '../../db/store';
import { toAhpReport } from '../adjustments/ahp-report-service';
import { ahpReportsFor } from '../adjustments/ahp-report-visibility';
import { getParticipantRecord } from '../participants/participant-record';
import { AhpReportDocument } from './ahp-report-document';
import { documentMeta, exportPdf, fileNamePart } from './pdf-export';
import { documentPerson } from './person-identity';

/** An AHP Health and Work Report as a PDF (the newest the user may read when none is named); DRAFT until signed. */
export async function ahpReportPdf(
  store: Store,
  input: ParsedInput<'documents.ahpReportPdf'>,
  user: SignedInUser,
  now: Date,
): Promise<PdfDocument> {
  const person = await getParticipantRecord(store, input.participantId);
  // Another practitioner's draft is theirs until signed: never printed for anyone else.
  const { ahpReports: reports, ahpDraftsByOthers } = ahpReportsFor(
    (await listAhpReports(store.db, input.participantId)).map(toAhpReport),
    user,
  );
  const newest = [...reports].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const report = input.reportId === undefined ? newest : reports.find((candidate) => candidate.id === input.reportId);
  if (report === undefined) {
    const othersDraft = ahpDraftsByOthers.find((other) => input.reportId === undefined || other.id === input.reportId);
    throw new AppError(
      'NOT_FOUND',
      othersDraft !== undefined
        ? `The report for this person is a draft by ${othersDraft.authorName}: it can be downloaded once they sign it.`
        : input.reportId === undefined
          ? 'No AHP Health and Work Report has been written for this person yet.'
          : 'That report could not be found for this person.',
    );
  }
  const draft = report.status !== 'signed';
  const meta = await documentMeta(
    store,
    user,
    now,
    'AHP Health and Work Report',
    `${draft ? 'Draft' : 'Signed'} version ${report.version}`,
    draft,
  );
  const fileName = `ahp-health-and-work-report-${fileNamePart(person.reference)}-v${report.version}${draft ? '-draft' : ''}.pdf`;
  const element = <AhpReportDocument report={report} person={documentPerson(person)} meta={meta} />;
  return exportPdf(store, user, now, { kind: 'ahp_report_pdf', fileName, draft, element, participantIds: [input.participantId] });
}
