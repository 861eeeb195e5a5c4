import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * nhsuk-frontend's CSS loads the Frutiger web font from assets.nhs.uk. The app runs offline under
 * a CSP that forbids remote content, so those @font-face rules are dropped and the NHS font stack
 * falls back to Arial, as the design system intends when Frutiger is unavailable.
 */
function dropRemoteFonts(): Plugin {
  return {
    name: 'workwell-drop-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('nhsuk-frontend') || !id.split('?')[0]?.endsWith('.css')) return null;
      return { code: code.replace(/@font-face\s*{[^}]*https:\/\/assets\.nhs\.uk[^}]*}/g, ''), map: null };
    },
  };
}

/** nhsuk-frontend's CSS refers to /assets/images/...: ship those icons beside the bundle. */
function copyNhsImages(): Plugin {
  // The resolved output folder, so a build into another folder (a test's) copies there too.
  let outDir = path.join(root, 'dist/renderer');
  return {
    name: 'workwell-copy-nhs-images',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      cpSync(path.join(root, 'node_modules/nhsuk-frontend/dist/nhsuk/assets/images'), path.join(outDir, 'assets/images'), {
        recursive: true,
      });
    },
  };
}

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: '/',
  publicDir: false,
  plugins: [dropRemoteFonts(), copyNhsImages(), react()],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // No inline scripts or data: modules, so the CSP needs no 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // nhsuk-frontend keeps old IE media hacks (`@media screen\0`) that lightningcss rejects.
    cssMinify: 'esbuild',
  },
});
