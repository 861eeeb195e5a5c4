import type { Page } from '@playwright/test';

/** What the page's main thread did: long tasks (over 50 ms) and slow events (event to next paint, 16 ms and over). */
export interface MainThreadTimings {
  readonly longTasks: Array<{ startTime: number; duration: number }>;
  readonly events: Array<{ name: string; startTime: number; duration: number }>;
}

declare global {
  interface Window {
    __workwellTimings?: MainThreadTimings;
  }
}

/** Starts recording long tasks and slow events from the moment the page loads, before any app script runs. */
export async function recordMainThreadTimings(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const timings: MainThreadTimings = { longTasks: [], events: [] };
    window.__workwellTimings = timings;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) timings.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        timings.events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  });
}

/** The page's clock now (`performance.now()`), to take timings from. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks and slow events since `from` (a `pageNow` reading). */
export function mainThreadTimingsSince(page: Page, from: number): Promise<MainThreadTimings> {
  return page.evaluate((since) => {
    const all = window.__workwellTimings ?? { longTasks: [], events: [] };
    return {
      longTasks: all.longTasks.filter((task) => task.startTime >= since),
      events: all.events.filter((event) => event.startTime >= since),
    };
  }, from);
}
