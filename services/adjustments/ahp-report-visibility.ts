import type { AhpReport } from '../../core/schemas/ahp-report';
import type { ParticipantAdjustments } from '../../core/schemas/workplace-adjustments';
import type { SignedInUser } from '../../core/schemas/session';

/** True when `report` is another practitioner's unsigned draft: its text stays with its author until signed. */
export function isOthersAhpDraft(report: Pick<AhpReport, 'status' | 'authorId'>, user: Pick<SignedInUser, 'userId'>): boolean {
  return report.status !== 'signed' && report.authorId !== user.userId;
}

/**
 * A person's AHP reports as one user may read them (issue 18 item 5, as participant-view.ts does
 * for discipline drafts): every signed report and the user's own draft in full; of another's draft,
 * only that it exists, whose it is and when it was last saved. On a synced laptop such a draft
 * never arrives at all (core/sync/synced-tables.ts `draft`); this covers a laptop shared by the team.
 */
export function ahpReportsFor(
  reports: readonly AhpReport[],
  user: Pick<SignedInUser, 'userId'>,
): Pick<ParticipantAdjustments, 'ahpReports' | 'ahpDraftsByOthers'> {
  return {
    ahpReports: reports.filter((report) => !isOthersAhpDraft(report, user)),
    ahpDraftsByOthers: reports
      .filter((report) => isOthersAhpDraft(report, user))
      .map(({ id, authorName, updatedAt }) => ({ id, authorName, updatedAt })),
  };
}
