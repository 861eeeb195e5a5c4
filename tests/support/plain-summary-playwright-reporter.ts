import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints the closing line CI reads in any language: "e2e: N passed, N failed". */
export default class PlainSummaryPlaywrightReporter implements Reporter {
  #passed = 0;
  #failed = 0;
  #skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // A setup project's step (tests/e2e/*.setup.ts: making a cached store) is not a spec; a failed one still counts.
    if (test.location.file.endsWith('.setup.ts') && result.status === 'passed') return;
    // Count the final attempt only.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.#passed += 1;
    else if (result.status === 'skipped') this.#skipped += 1;
    else this.#failed += 1;
  }

  onEnd(_result: FullResult): void {
    process.stdout.write(`\ne2e: ${this.#passed} passed, ${this.#failed} failed, ${this.#skipped} skipped\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
