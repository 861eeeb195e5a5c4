/**
 * The synthetic demo partnership offered on first run. Its passphrase is public on purpose: the
 * demo holds only generated people and must never be used for real records.
 */
export const DEMO_PARTNERSHIP = {
  name: 'Demo partnership (synthetic data)',
  adminUsername: 'demo.admin',
  adminDisplayName: 'Demo Administrator',
  passphrase: 'synthetic demo only, never real data',
  participants: 240,
  seed: 20261123,
} as const;
