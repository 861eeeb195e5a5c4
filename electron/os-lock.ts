/**
 * Locks the app when the operating system locks its screen or suspends: someone walking away
 * from a clinic laptop should not leave records open behind the OS lock screen or in a sleeping
 * machine's memory. Takes Electron's `powerMonitor` (or a fake in tests) so it is testable in
 * plain Node.
 */

/** The part of Electron's powerMonitor this uses. */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

/** The OS events that lock the app. */
export const OS_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

/**
 * On each OS lock event: lock the services (close the store, zero the key, audit the reason),
 * then reload the renderer at the app's root so no record stays in its memory.
 */
export function lockOnOsEvents(power: PowerEvents, lock: (reason: string) => Promise<void>, reloadRenderer: () => void): void {
  for (const event of OS_LOCK_EVENTS) {
    power.on(event, () => {
      void lock(event)
        .catch(() => console.error(`WorkWell MDT: the store did not lock cleanly on ${event}`))
        .finally(reloadRenderer);
    });
  }
}
