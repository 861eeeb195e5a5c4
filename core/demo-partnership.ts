/**
 * The synthetic demo partnership offered on first run. Its passphrase is public on purpose: the
 * demo holds only generated people and must never be used for real records.
 */
export const DEMO_PARTNERSHIP = {
  name: 'Demo partnership (synthetic data)',
  adminUsername: 'demo.admin',
  adminDisplayName: 'Demo Administrator',
  passphrase: 'synthetic demo only, never real data',
  /** Published on purpose, like the passphrase: it opens only synthetic data. */
  recoveryKey: 'DEMO-RECO-VERY-ONLY-SYNT-HETI-CDAT-AAAA',
  participants: 240,
  seed: 20261123,
  /** One user per team role, all with the demo passphrase, so every workflow can be tried. */
  otherUsers: [
    { username: 'demo.coordinator', displayName: 'Demo Coordinator', role: 'coordinator' },
    { username: 'demo.coach', displayName: 'Demo Coach', role: 'coach' },
    { username: 'demo.physio', displayName: 'Demo Physiotherapist', role: 'physiotherapist' },
    { username: 'demo.mh', displayName: 'Demo Mental Health Practitioner', role: 'mental_health_practitioner' },
    { username: 'demo.ot', displayName: 'Demo Occupational Therapist', role: 'occupational_therapist' },
  ],
} as const;
