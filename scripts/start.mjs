// `npm start`: builds, then runs WorkWell MDT in Electron where its runtime is installed, or else
// through the loopback host in the installed Chromium as an app window with a fresh profile.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';
import { writeLaunchPage } from './launch-page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.WORKWELL_DATA_DIR ?? path.join(root, '.workwell-dev', 'store');

/** The Electron binary if its postinstall ever downloaded one (it cannot on our machines). */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(candidate) ? candidate : undefined;
  }
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function chromiumBinary() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}

function runElectron(binary) {
  console.log('Starting WorkWell MDT in Electron.');
  const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, WORKWELL_DATA_DIR: dataDir } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function runThroughHost() {
  console.log('The Electron runtime is not installed on this machine, so WorkWell MDT runs through the');
  console.log('loopback host (127.0.0.1 only, one-time token) in Chromium. Same services, same encrypted store.');
  console.log(`Data folder: ${dataDir}`);
  const host = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'host', 'main.ts'), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    // Vite's build sets NODE_ENV=production in this process; the host refuses to run under it.
    env: { ...process.env, NODE_ENV: 'development', WORKWELL_HOST_EXIT_ON_STDIN_END: '1' },
  });
  const launchUrl = await new Promise((resolve, reject) => {
    let output = '';
    host.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /listening at (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    host.once('exit', (code) => reject(new Error(`The host stopped (exit ${code}).`)));
  });
  const stopHost = () => host.kill('SIGTERM');
  process.on('SIGINT', stopHost);
  process.on('SIGTERM', stopHost);

  const chromium = chromiumBinary();
  const canShowWindow = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!chromium || !canShowWindow) {
    console.log(chromium ? 'No display found.' : 'No Chromium found (set CHROMIUM_PATH).');
    console.log(`Open this address once, in a browser on this machine: ${launchUrl}`);
    console.log('Press Ctrl+C to stop.');
    host.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  // A fresh, throwaway profile: nothing from the session is left in a browser profile afterwards.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'workwell-chromium-'));
  // The launch token never goes on Chromium's command line, which every local user can read in the
  // process list: it is in a page only this user can read (0600, in a 0700 folder), and Chromium is
  // given that page's path. The page forwards once to the host, which swaps the single-use token
  // for the page's session secret.
  const launchPage = writeLaunchPage(launchUrl);
  const forgetLaunchPage = launchPage.forget;
  // Read at once by Chromium; gone soon after (the token dies when used, or after two minutes).
  setTimeout(forgetLaunchPage, 30_000).unref();
  console.log(`Opening a Chromium app window (${chromium}). Close it to stop.`);
  const browser = spawn(
    chromium,
    [
      `--app=${launchPage.url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1366,860',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore' },
  );
  browser.on('exit', () => {
    stopHost();
    forgetLaunchPage();
    rmSync(profile, { recursive: true, force: true });
  });
  host.on('exit', (code) => {
    browser.kill('SIGTERM');
    rmSync(profile, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

console.log('Building WorkWell MDT…');
await buildAll({ quiet: true });
const electron = electronBinary();
if (electron) runElectron(electron);
else await runThroughHost();
