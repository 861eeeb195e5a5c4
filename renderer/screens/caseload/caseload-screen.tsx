import type { SignedInUser } from '../../../core/schemas/session';
import { canCall } from '../../can-call';
import { PageLayout } from '../../components/page-layout';
import { routeHref } from '../../routing';
import { CaseloadList } from './caseload-list';
import { BackupReminder } from '../security/backup-reminder';
import { OverdueRiskFlags } from './overdue-risk-flags';

export interface CaseloadScreenProps {
  readonly partnershipName: string;
  readonly isDemo: boolean;
  readonly user: SignedInUser;
  readonly onLock: () => void;
}

/** The caseload: everyone the partnership is working with, searched, filtered and a page at a time. */
export function CaseloadScreen({ partnershipName, isDemo, user, onLock }: CaseloadScreenProps) {
  return (
    <PageLayout title="Caseload" partnershipName={partnershipName} isDemo={isDemo} user={user} onLock={onLock}>
      <BackupReminder />
      <OverdueRiskFlags user={user} />
      {canCall('participants.register', user.role) && (
        <a className="nhsuk-button" href={routeHref({ name: 'register' })} role="button" draggable={false}>
          Register a referral
        </a>
      )}
      <CaseloadList />
    </PageLayout>
  );
}
