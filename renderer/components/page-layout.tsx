import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { ROLE_LABELS } from '../../core/roles';
import type { SignedInUser } from '../../core/schemas/session';
import { routeHref } from '../routing';
import { SessionContext } from '../session-context';
import { MainNavigation } from './main-navigation';
import { NhsLogo } from './nhs-logo';
import { SyncStatusIndicator } from './sync-status';

export interface PageLayoutProps {
  /** The screen's name: the h1 and the window title. */
  readonly title: string;
  readonly partnershipName?: string | undefined;
  readonly isDemo?: boolean;
  readonly user?: SignedInUser | undefined;
  readonly onLock?: (() => void) | undefined;
  readonly children: ReactNode;
}

/**
 * The frame of every screen: skip link, NHS header with who is signed in and a lock button, a
 * banner when the data is synthetic, and a main region whose heading takes focus on each new
 * screen so keyboard and screen-reader users start at the top.
 */
export function PageLayout({ title, partnershipName, isDemo = false, user, onLock, children }: PageLayoutProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Outside the unlocked app (setup, unlock) there is no session and so no damage to report.
  const storeDamage = useContext(SessionContext)?.storeDamage;
  const securityWarning = useContext(SessionContext)?.securityWarning;
  useEffect(() => {
    document.title = partnershipName === undefined ? `${title} – WorkWell MDT` : `${title} – ${partnershipName} – WorkWell MDT`;
    headingRef.current?.focus();
  }, [title, partnershipName]);

  return (
    <>
      <a className="nhsuk-skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <NhsLogo />
            <span className="nhsuk-header__service-name">WorkWell MDT{partnershipName === undefined ? '' : ` · ${partnershipName}`}</span>
          </div>
          {user !== undefined && (
            <nav className="nhsuk-header__account" aria-label="Account">
              <ul className="nhsuk-header__account-list">
                <SyncStatusIndicator />
                <li className="nhsuk-header__account-item">
                  {user.displayName} ({ROLE_LABELS[user.role]})
                </li>
                <li className="nhsuk-header__account-item">
                  <a className="nhsuk-header__account-link" href={routeHref({ name: 'passphrase' })}>
                    Change passphrase
                  </a>
                </li>
                {onLock !== undefined && (
                  <li className="nhsuk-header__account-item">
                    <button
                      type="button"
                      className="nhsuk-header__account-button"
                      onClick={onLock}
                      title="Closes the encrypted store; unlock again with your passphrase"
                    >
                      Sign out and lock
                    </button>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </div>
      </header>
      {user !== undefined && <MainNavigation user={user} />}
      {isDemo && (
        <div className="ww-demo-banner" role="region" aria-label="Demo data">
          <div className="nhsuk-width-container">
            <strong>Demo partnership.</strong> Every person here is synthetic. Do not enter real records.
          </div>
        </div>
      )}
      {storeDamage !== undefined && (
        <div className="ww-store-damage-banner" role="region" aria-label="Store damaged">
          <div className="nhsuk-width-container" role="alert">
            <strong>{storeDamage}</strong> You can still read records; ask an administrator to restore it in Settings, Backup and restore.
          </div>
        </div>
      )}
      {securityWarning !== undefined && (
        <div className="ww-store-damage-banner" role="region" aria-label="Security warning">
          <div className="nhsuk-width-container" role="alert">
            <strong>{securityWarning}</strong>
          </div>
        </div>
      )}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="main-content" role="main">
          <h1 className="nhsuk-heading-l" tabIndex={-1} ref={headingRef}>
            {title}
          </h1>
          {children}
        </main>
      </div>
    </>
  );
}

function skipToMain(event: React.MouseEvent): void {
  event.preventDefault();
  document.querySelector<HTMLElement>('#main-content h1')?.focus();
}
