import { test } from '@playwright/test';
import { makeScaleStoreOnce, SCALE_PARTICIPANTS } from './scale-store';

/**
 * The `scale-store` project (playwright.config.ts): makes the caseload-at-scale store on one worker
 * while the other runs the ordinary specs, so the timing specs, which run after both, find it made.
 */
test(`make the ${SCALE_PARTICIPANTS.toLocaleString('en-GB')} person store (once; later runs find the cache)`, () => {
  test.setTimeout(15 * 60_000);
  const made = makeScaleStoreOnce();
  if (made !== null) console.log(made);
});
