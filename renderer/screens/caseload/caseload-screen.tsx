import type { SignedInUser } from '../../../core/schemas/session';
import { canCall } from '../../can-call';
import { PageLayout } from '../../components/page-layout';
import { routeHref } from '../../routing';
import { CaseloadList } from './caseload-list';
import { BackupReminder } from '../security/backup-reminder';
import { KeyboardShortcuts } from '../../components/keyboard-shortcuts';
import { useWideLayout } from '../../use-wide-layout';
import { SEARCH_SHORTCUT, useSearchShortcut } from './search-shortcut';

export interface CaseloadScreenProps {
  readonly partnershipName: string;
  readonly isDemo: boolean;
  readonly user: SignedInUser;
  readonly onLock: () => void;
}

/**
 * The caseload: everyone the partnership is working with, searched, filtered and a page at a time,
 * across the screen's width. Overdue risk flags are on the worklist, the team's first screen.
 */
export function CaseloadScreen({ partnershipName, isDemo, user, onLock }: CaseloadScreenProps) {
  useWideLayout();
  useSearchShortcut();
  return (
    <PageLayout title="Caseload" partnershipName={partnershipName} isDemo={isDemo} user={user} onLock={onLock}>
      <BackupReminder />
      <CaseloadList
        aside={
          canCall('participants.register', user.role) && (
            <a className="nhsuk-button" href={routeHref({ name: 'register' })} role="button" draggable={false}>
              Register a referral
            </a>
          )
        }
      />
      <KeyboardShortcuts shortcuts={[SEARCH_SHORTCUT]} />
    </PageLayout>
  );
}
