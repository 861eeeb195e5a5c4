import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH, mainWindowOptions } from '../../../electron/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s explicitly', (flag, expected) => {
    // toBe on the own property: an omitted flag (left to Electron's default) fails this.
    expect(Object.hasOwn(prefs, flag)).toBe(true);
    expect(prefs[flag]).toBe(expected);
  });

  it('never enables Blink features or disables security through extra preferences', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('nodeIntegrationInWorker', true);
  });

  it('uses the preload it is given', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('keeps devtools off unless asked', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('is hidden until ready, titled, NHS grey, and at least 1024x700', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('WorkWell MDT');
    expect(options.backgroundColor?.toLowerCase()).toBe('#f0f4f5');
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.minHeight).toBeGreaterThanOrEqual(700);
    expect(options.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(options.height).toBeGreaterThanOrEqual(MIN_HEIGHT);
  });

  it('returns a fresh object each time, so one window cannot change another', () => {
    const a = mainWindowOptions('/p');
    const b = mainWindowOptions('/p');
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});
