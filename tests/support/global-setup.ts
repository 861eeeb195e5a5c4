import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeDemoTemplate } from './demo-template-maker';

/**
 * Once per run, before any test file: the demo partnership every services test starts from, so
 * each test copies a folder instead of deriving keys and seeding people again.
 */
export default async function setup(project: TestProject) {
  const templateDir = await makeDemoTemplate();
  project.provide('demoTemplateDir', templateDir);
  return () => rmSync(templateDir, { recursive: true, force: true });
}
