import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const LOG = path.join(root, 'docs/clinical-safety/hazard-log.md');

/** Each control's proof in the log: `- Test: <file> :: <test name>`. */
function namedTests(text: string): Array<{ hazard: string; file: string; name: string }> {
  const found: Array<{ hazard: string; file: string; name: string }> = [];
  let hazard = '';
  for (const line of text.split('\n')) {
    const heading = /^## (H\d+)\. /.exec(line);
    if (heading?.[1] !== undefined) hazard = heading[1];
    const test = /^- Test: (\S+) :: (.+)$/.exec(line);
    if (test?.[1] !== undefined && test[2] !== undefined) found.push({ hazard, file: test[1], name: test[2].trim() });
  }
  return found;
}

describe('the clinical safety hazard log (issue 15)', () => {
  const text = readFileSync(LOG, 'utf8');
  const tests = namedTests(text);

  it('gives every hazard a cause, an effect, controls and at least one test', () => {
    const hazards = [...text.matchAll(/^## (H\d+)\. /gm)].map((match) => match[1]);
    expect(hazards.length).toBeGreaterThanOrEqual(7);
    for (const section of text.split(/^## /m).slice(1)) {
      expect(section).toContain('**Cause:**');
      expect(section).toContain('**Effect:**');
      expect(section).toContain('**Controls:**');
    }
    for (const hazard of hazards)
      expect(
        tests.some((test) => test.hazard === hazard),
        `${hazard} has no test`,
      ).toBe(true);
  });

  it('names only test files and test names that exist, so it cannot drift from the code', () => {
    for (const { hazard, file, name } of tests) {
      const full = path.join(root, file);
      expect(existsSync(full), `${hazard}: ${file} does not exist`).toBe(true);
      expect(readFileSync(full, 'utf8').includes(name), `${hazard}: "${name}" is not a test in ${file}`).toBe(true);
    }
  });
});
