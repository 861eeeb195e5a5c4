import { describe, expect, it } from 'vitest';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../core/passphrase-policy';
import { newPassphraseSchema } from '../../../core/schemas/session';

describe('passphrase policy', () => {
  it('refuses anything shorter than the minimum', () => {
    const feedback = assessPassphrase('a'.repeat(MIN_PASSPHRASE_LENGTH - 1));
    expect(feedback).toMatchObject({ strength: 'too-short', acceptable: false });
  });

  it('refuses long but predictable passphrases', () => {
    expect(assessPassphrase('passwordpassword').acceptable).toBe(false);
    expect(assessPassphrase('aaaaaaaaaaaaaaaa').acceptable).toBe(false);
  });

  it('accepts several unrelated words and calls them strong', () => {
    expect(assessPassphrase('correct horse battery staple 42')).toMatchObject({ strength: 'strong', acceptable: true });
  });

  it('is the rule the input schema enforces', () => {
    expect(newPassphraseSchema.safeParse('short').success).toBe(false);
    expect(newPassphraseSchema.safeParse('correct horse battery staple 42').success).toBe(true);
  });
});
