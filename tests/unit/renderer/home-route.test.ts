import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../core/roles';
import { mainNavigationLinks } from '../../../renderer/navigation-links';
import { parseRoute, routeHref } from '../../../renderer/routing';

describe('the home page (issue 16, item 6)', () => {
  it('is the app opened with no fragment; the worklist and the caseload keep addresses of their own', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/worklist')).toEqual({ name: 'worklist' });
    expect(parseRoute('#/')).toEqual({ name: 'caseload' });
    expect(parseRoute('#/?q=smith')).toEqual({ name: 'caseload' });
    expect(parseRoute(routeHref({ name: 'home' }))).toEqual({ name: 'home' });
  });

  it('is the worklist for every role that may read one, and the caseload for the administrator', () => {
    for (const role of ROLES) {
      const links = mainNavigationLinks(role);
      const home = links.filter((link) => link.section.includes('home')).map((link) => link.label);
      expect(home, role).toEqual([role === 'administrator' ? 'Caseload' : 'Worklist']);
      if (role !== 'administrator') expect(links[0]?.label).toBe('Worklist');
    }
  });
});
