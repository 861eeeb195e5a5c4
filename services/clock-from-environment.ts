import { clockStartingAt, systemClock, type Clock } from '../core/clock';

/**
 * The clock for the loopback host and the CLI: the system clock, unless `WORKWELL_CLOCK` names an
 * instant (ISO 8601), from which the clock then moves on in real time. Tests, benchmarks and demos
 * use it to run on a fixed date; the Electron app never reads it.
 */
export function clockFromEnvironment(environment: NodeJS.ProcessEnv = process.env): Clock {
  const instant = environment.WORKWELL_CLOCK;
  if (instant === undefined || instant === '') return systemClock;
  if (Number.isNaN(Date.parse(instant)))
    throw new Error(`WORKWELL_CLOCK must be an ISO 8601 instant such as 2026-12-06T10:00:00Z, not "${instant}".`);
  return clockStartingAt(instant);
}
