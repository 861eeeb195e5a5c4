/**
 * Passphrase rules and strength feedback, shared by the setup screen (live feedback) and the
 * services layer (the rule that is enforced).
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 256;

export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

export interface PassphraseFeedback {
  readonly strength: PassphraseStrength;
  readonly acceptable: boolean;
  readonly message: string;
}

const COMMON_FRAGMENTS = [
  'password',
  'passphrase',
  'letmein',
  'qwerty',
  'welcome',
  'workwell',
  'nhs',
  '123456',
  'abcdef',
  'iloveyou',
  'admin',
];

/**
 * A deliberately simple estimate: length dominates, variety helps, repeats and common fragments
 * hurt. It is feedback for a person choosing a passphrase, not a cracking-time model.
 */
export function assessPassphrase(passphrase: string): PassphraseFeedback {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return {
      strength: 'too-short',
      acceptable: false,
      message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. Three or four unrelated words work well.`,
    };
  }
  const lower = passphrase.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(passphrase)).length;
  const distinct = new Set(lower).size;
  const hasCommon = COMMON_FRAGMENTS.some((fragment) => lower.includes(fragment));
  let points = Math.min(passphrase.length, 32) / 4 + classes + Math.min(distinct, 16) / 4;
  if (hasCommon) points -= 4;
  if (distinct < 6) points -= 4;
  if (points < 8) {
    return {
      strength: 'weak',
      acceptable: false,
      message: hasCommon
        ? 'This contains a common word or sequence. Choose unrelated words instead.'
        : 'Too predictable. Add more unrelated words.',
    };
  }
  if (points < 11) {
    return { strength: 'fair', acceptable: true, message: 'Fair. A longer passphrase would be stronger.' };
  }
  return { strength: 'strong', acceptable: true, message: 'Strong passphrase.' };
}
