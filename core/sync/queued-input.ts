/** What stands in the outbox for a secret the call needed: a non-empty string, so the input still parses. */
export const KEPT_ON_THIS_LAPTOP = '(kept on this laptop)';

/**
 * Input fields a channel needs on the laptop but that must never be stored in the outbox nor sent
 * to the partnership server: a clinician's passphrase, proved on the laptop, in meeting mode.
 */
export const SECRET_INPUT_FIELDS: Readonly<Partial<Record<string, readonly string[]>>> = {
  'riskFlags.acknowledgeInMeeting': ['passphrase'],
};

/**
 * The input as the outbox keeps it (and the server re-checks it): secrets replaced by
 * KEPT_ON_THIS_LAPTOP, everything else as sent.
 */
export function queuedInput(channel: string, input: unknown): unknown {
  const secrets = SECRET_INPUT_FIELDS[channel];
  if (secrets === undefined || typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of secrets) if (field in copy) copy[field] = KEPT_ON_THIS_LAPTOP;
  return copy;
}
