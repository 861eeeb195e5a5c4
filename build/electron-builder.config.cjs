/**
 * electron-builder configuration for WorkWell MDT (`npm run dist`).
 *
 * The app ships only the bundles (dist/electron, dist/renderer), package.json and the production
 * node_modules electron-builder adds itself. Source, tests, the loopback host, the CLI and
 * benchmarks never enter the package: they are not needed at run time and each is code an
 * attacker with disk access could otherwise try to reach.
 *
 * Fuses are flipped in the Electron binary at package time (docs/tutorial/fuses.md): the packaged
 * app cannot be turned into a plain Node runtime, cannot be driven by NODE_OPTIONS or --inspect,
 * and only runs the (integrity-checked) app.asar.
 *
 * @type {import('app-builder-lib').Configuration}
 */
module.exports = {
  appId: 'uk.nhs.workwell.mdt',
  productName: 'WorkWell MDT',
  copyright: 'Copyright © WorkWell MDT contributors',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: [
    'package.json',
    'dist/electron/**',
    'dist/renderer/**',
    // Belt and braces: none of these match the includes above today, but a future include
    // pattern that is too broad must still not pull them in.
    '!host{,/**}',
    '!tests{,/**}',
    '!cli{,/**}',
    '!bench{,/**}',
    '!scripts{,/**}',
    '!tools{,/**}',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/*.map',
  ],
  asar: true,
  // The SQLite binding is native: it must be rebuilt against Electron's ABI, not Node's.
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    // Per-user install: NHS desktops rarely grant admin rights.
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    // MedicalSoftware is an additional freedesktop category; the spec relates it to Science,
    // which desktop-file-validate expects alongside it.
    category: 'Office;Science;MedicalSoftware;',
    maintainer: 'WorkWell MDT maintainers <workwell-mdt@nhs.invalid>',
    synopsis: 'Case conferences and action plans for WorkWell multidisciplinary teams',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.medical',
    hardenedRuntime: true,
  },
  dmg: {},
};
