import type { Page, TestInfo } from '@playwright/test';

/**
 * Screenshots the page at a projector resolution: into the test's output folder, or into
 * docs/screenshots/ (committed) when UPDATE_DOCS_SCREENSHOTS=1, so ordinary runs leave the tree clean.
 */
export async function projectorShot(page: Page, testInfo: TestInfo, width: number, height: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height });
  const file = `${name}-${width}x${height}.png`;
  await page.screenshot({ path: process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? `docs/screenshots/${file}` : testInfo.outputPath(file) });
}
