import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { installNavigationGuards, installPermissionGuards, isAllowedRequestUrl } from '../../../electron/navigation-guards';
import { FakeSession, FakeWebContents, fakeEvent } from '../../support/fake-electron';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('installNavigationGuards', () => {
  let contents: FakeWebContents;
  let opened: string[];

  function install(allowedExternalOrigins?: string[]) {
    installNavigationGuards(contents as unknown as WebContents, {
      openExternal: (url) => {
        opened.push(url);
      },
      ...(allowedExternalOrigins === undefined ? {} : { allowedExternalOrigins }),
    });
  }

  beforeEach(() => {
    contents = new FakeWebContents();
    opened = [];
  });

  it.each(['https://example.com/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)'])(
    'prevents main-frame navigation to %s',
    (url) => {
      install();
      const event = fakeEvent({ url, isMainFrame: true });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it('allows navigation within the app origin', () => {
    install();
    const event = fakeEvent({ url: 'app://workwell/participants', isMainFrame: true });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('prevents redirects off the app origin and allows them within it', () => {
    install();
    const away = fakeEvent({ url: 'https://example.com/' });
    const within = fakeEvent({ url: 'app://workwell/index.html' });
    contents.emit('will-redirect', away, away.url);
    contents.emit('will-redirect', within, within.url);
    expect(away.defaultPrevented).toBe(true);
    expect(within.defaultPrevented).toBe(false);
  });

  it('prevents a subframe navigating off the app origin', () => {
    install();
    const event = fakeEvent({ url: 'https://example.com/', isMainFrame: false });
    contents.emit('will-frame-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window, including app:// ones, and opens nothing by default', async () => {
    install();
    const handler = contents.windowOpenHandler;
    expect(handler).toBeTypeOf('function');
    for (const url of ['https://www.nhs.uk/', 'app://workwell/index.html', 'about:blank']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    await flush();
    expect(opened).toEqual([]);
  });

  it('passes only allow-listed https links to the browser', async () => {
    install(['https://www.nhs.uk']);
    const handler = contents.windowOpenHandler;
    for (const url of [
      'https://www.nhs.uk/conditions/',
      'http://www.nhs.uk/',
      'https://evil.example/',
      'https://user:pw@www.nhs.uk/',
      'https://www.nhs.uk.evil.example/',
    ]) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    const navigation = fakeEvent({ url: 'https://www.nhs.uk/about/', isMainFrame: true });
    contents.emit('will-navigate', navigation, navigation.url);
    await flush();
    expect(navigation.defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://www.nhs.uk/conditions/', 'https://www.nhs.uk/about/']);
  });

  it('never opens a non-https link, even when its origin was put on the allow-list', async () => {
    install(['http://intranet.nhs.uk', 'file://', 'https://www.nhs.uk']);
    contents.windowOpenHandler?.({ url: 'http://intranet.nhs.uk/policy' });
    contents.windowOpenHandler?.({ url: 'file:///etc/passwd' });
    await flush();
    expect(opened).toEqual([]);
  });

  it('prevents <webview> from attaching', () => {
    install();
    const event = fakeEvent({});
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('installPermissionGuards', () => {
  let session: FakeSession;

  beforeEach(() => {
    session = new FakeSession();
    installPermissionGuards(session as unknown as Session);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'refuses a %s permission request',
    (permission) => {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
    },
  );

  it('answers every permission check and device request with false', () => {
    expect(session.permissionCheckHandler?.(null, 'media', 'app://workwell', {})).toBe(false);
    expect(session.permissionCheckHandler?.(null, 'clipboard-read', 'app://workwell', {})).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://workwell' })).toBe(false);
  });

  it.each([
    ['https://example.com/tracker.js', true],
    ['http://127.0.0.1:8080/', true],
    ['file:///etc/passwd', true],
    ['ws://localhost:1234/', true],
    ['app://evil/x.js', true],
    ['app://workwell/assets/index.js', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['data:image/png;base64,AAAA', false],
  ])('cancels %s: %s', (url, cancel) => {
    const responses: Array<{ cancel?: boolean }> = [];
    session.webRequest.beforeRequest?.({ url }, (response) => responses.push(response));
    expect(responses).toEqual([{ cancel }]);
  });

  it('refuses unparseable request URLs', () => {
    expect(isAllowedRequestUrl('::::')).toBe(false);
  });
});
