import { useEffect } from 'react';
import type { AppStatus } from '../core/schemas/session';
import type { ApiClient } from './api/api-client';

/** How often, at most, the person's activity is reported to the services. */
const TOUCH_EVERY_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * While unlocked: reports the person's keyboard and pointer activity (`session.touch`, at most
 * every 15 seconds) so the services' idle lock counts it, and polls `app.status` (which is not
 * activity) so that when the services lock (idle, OS lock screen, another window) this page
 * reloads at the app's root and keeps nothing of the session in memory. Each unlocked answer goes
 * to `onUnlockedStatus` (a store found damaged after unlock is reported this way).
 */
export function useLockWatch(api: ApiClient, unlocked: boolean, onUnlockedStatus?: (status: AppStatus) => void): void {
  useEffect(() => {
    if (!unlocked) return;
    let stopped = false;
    let lastTouch = 0;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let pollEveryMs = 5_000;

    const reloadLocked = () => {
      stopped = true;
      window.location.hash = '';
      window.location.reload();
    };
    const touch = () => {
      // A throttle: a duration, not a date, so the monotonic clock.
      const now = performance.now();
      if (now - lastTouch < Math.min(TOUCH_EVERY_MS, pollEveryMs)) return;
      lastTouch = now;
      void api.call('session.touch', {}).then((result) => {
        if (result.ok) pollEveryMs = Math.max(1_000, Math.min(5_000, (result.value.idleLockSeconds * 1000) / 3));
        else if (result.error.code === 'NOT_SIGNED_IN') reloadLocked();
      });
    };
    const poll = () => {
      void api.call('app.status', {}).then((result) => {
        if (stopped) return;
        if (result.ok && result.value.state !== 'unlocked') {
          reloadLocked();
          return;
        }
        if (result.ok) onUnlockedStatus?.(result.value);
        pollTimer = setTimeout(poll, pollEveryMs);
      });
    };
    touch();
    pollTimer = setTimeout(poll, 1_000);
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, touch, { passive: true, capture: true });
    return () => {
      stopped = true;
      clearTimeout(pollTimer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch, { capture: true });
    };
  }, [api, unlocked, onUnlockedStatus]);
}
