import { describe, expect, it } from 'vitest';
import { isRiskQualified } from '../../../../core/risk/risk-qualification';
import { ROLES } from '../../../../core/roles';
import { queuedInput, KEPT_ON_THIS_LAPTOP } from '../../../../core/sync/queued-input';

describe('who is qualified for risk', () => {
  it('the mental health practitioner always; other clinicians only when named as clinical leads; nobody else', () => {
    const qualified = (role: (typeof ROLES)[number], leads: string[]) => isRiskQualified({ role, username: 'pat' }, leads);
    expect(ROLES.filter((role) => qualified(role, []))).toEqual(['mental_health_practitioner']);
    expect(ROLES.filter((role) => qualified(role, ['pat']))).toEqual([
      'physiotherapist',
      'mental_health_practitioner',
      'occupational_therapist',
    ]);
    expect(qualified('physiotherapist', ['someone.else'])).toBe(false);
  });

  it('a meeting acknowledgement is queued for the partnership server without the clinician’s passphrase', () => {
    const input = { flagId: 'f1', action: 'other', note: 'n', username: 'demo.mh', passphrase: 'secret words here' };
    expect(queuedInput('riskFlags.acknowledgeInMeeting', input)).toEqual({ ...input, passphrase: KEPT_ON_THIS_LAPTOP });
    expect(input.passphrase).toBe('secret words here');
    expect(queuedInput('riskFlags.acknowledge', { flagId: 'f1' })).toEqual({ flagId: 'f1' });
  });
});
