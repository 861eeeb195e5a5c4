import type { SignedInUser } from '../../core/schemas/session';
import { mainNavigationLinks } from '../navigation-links';
import { OPEN_PALETTE_EVENT } from './command-palette';
import { routeHref, useRoute } from '../routing';

/**
 * The main navigation of the unlocked app: plain links in a list, so Tab reaches each in turn and
 * Enter follows it; the current part of the app is marked with aria-current for screen readers.
 * Each role sees only the parts it may use.
 */
export function MainNavigation({ user }: { user: SignedInUser }) {
  const current = useRoute();
  const links = mainNavigationLinks(user.role);
  return (
    <nav className="ww-main-nav" aria-label="Main">
      <ul className="ww-main-nav__list nhsuk-width-container">
        {links.map((link) => {
          const here = link.section.includes(current.name);
          return (
            <li key={link.label} className="ww-main-nav__item">
              <a className="ww-main-nav__link" href={routeHref(link.route)} aria-current={here ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          );
        })}
        <li className="ww-main-nav__item ww-main-nav__item--end">
          <button
            type="button"
            className="ww-main-nav__link ww-main-nav__button"
            onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))}
          >
            Go to… <kbd>Ctrl+K</kbd>
          </button>
        </li>
      </ul>
    </nav>
  );
}
