import { assessPassphrase } from '../../core/passphrase-policy';

const STRENGTH_LABELS = { 'too-short': 'Too short', weak: 'Weak', fair: 'Fair', strong: 'Strong' } as const;

/** Live strength feedback under a new-passphrase field, announced politely as it changes. */
export function PassphraseFeedback({ passphrase, id }: { passphrase: string; id: string }) {
  if (passphrase.length === 0) return null;
  const feedback = assessPassphrase(passphrase);
  return (
    <p className={`ww-strength ww-strength--${feedback.strength}`} id={id} aria-live="polite">
      <strong>{STRENGTH_LABELS[feedback.strength]}.</strong> {feedback.message}
    </p>
  );
}
