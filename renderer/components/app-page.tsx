import type { ReactNode } from 'react';
import { useSession } from '../session-context';
import { PageLayout } from './page-layout';

/** A screen of the unlocked app: the page frame with the signed-in user and the lock button. */
export function AppPage({ title, children }: { title: string; children: ReactNode }) {
  const session = useSession();
  return (
    <PageLayout title={title} partnershipName={session.partnershipName} isDemo={session.isDemo} user={session.user} onLock={session.lock}>
      {children}
    </PageLayout>
  );
}
