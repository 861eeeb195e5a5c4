import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PageLayout } from '../../../renderer/components/page-layout';
import { SessionContext, type SessionInfo } from '../../../renderer/session-context';

const SESSION: SessionInfo = {
  partnershipName: 'Demo',
  isDemo: false,
  user: { userId: 'u1', username: 'demo.admin', displayName: 'Ada Admin', role: 'administrator' },
  lock: () => undefined,
};

function page(session: SessionInfo | null): string {
  return renderToStaticMarkup(
    <SessionContext.Provider value={session}>
      <PageLayout title="Caseload">
        <p>body</p>
      </PageLayout>
    </SessionContext.Provider>,
  );
}

describe('the damaged-store banner', () => {
  it('shows on every page, as an alert in its own region, once the store is found damaged', () => {
    const html = page({ ...SESSION, storeDamage: 'The store is damaged: restore from backup /b/x.wwbackup.' });
    expect(html).toContain('role="region" aria-label="Store damaged"');
    expect(html).toContain('role="alert"><strong>The store is damaged: restore from backup /b/x.wwbackup.</strong>');
  });

  it('is absent while the store is sound, and outside a session', () => {
    expect(page(SESSION)).not.toContain('Store damaged');
    expect(page(null)).not.toContain('Store damaged');
  });
});

describe('the security warning banner (roles changed outside the app, issue 18)', () => {
  it('shows on every page, as an alert in its own region, when an administrator unlock found forged roles', () => {
    const html = page({ ...SESSION, securityWarning: 'Security warning: roles changed outside the app: demo.coach.' });
    expect(html).toContain('role="region" aria-label="Security warning"');
    expect(html).toContain('role="alert"><strong>Security warning: roles changed outside the app: demo.coach.</strong>');
  });

  it('is absent when nothing was found', () => {
    expect(page(SESSION)).not.toContain('Security warning');
  });
});
