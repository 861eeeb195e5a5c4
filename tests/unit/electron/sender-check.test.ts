import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/sender-check';
import { fakeFrame } from '../../support/fake-electron';

describe('isTrustedSender', () => {
  it.each(['app://workwell/index.html', 'app://workwell/', 'app://workwell/participants?page=2#top'])(
    'trusts the app main frame at %s',
    (url) => {
      expect(isTrustedSender(fakeFrame(url))).toBe(true);
    },
  );

  it.each([
    'http://127.0.0.1:5173/index.html',
    'https://workwell/index.html',
    'file:///opt/workwell/dist/renderer/index.html',
    'app://evil/index.html',
    'app://workwell.evil/index.html',
    'app://workwell:8080/index.html',
    'app://user@workwell/index.html',
    'app:workwell/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<p>hi</p>',
    '',
    'not a url',
  ])('rejects a main frame at %s', (url) => {
    expect(isTrustedSender(fakeFrame(url))).toBe(false);
  });

  it('rejects a subframe even when it is on the app origin', () => {
    const top = fakeFrame('app://workwell/index.html');
    expect(isTrustedSender(fakeFrame('app://workwell/index.html', top))).toBe(false);
  });

  it('rejects a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
