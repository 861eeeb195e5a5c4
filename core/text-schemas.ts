import { z } from 'zod';

/**
 * Building blocks for input schemas. Every free-text field is trimmed and bounded so oversized
 * input is refused before it reaches the store.
 */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);
}

export const usernameSchema = z
  .string({ error: 'Enter a username' })
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters')
  .max(40, 'Username must be 40 characters or fewer')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Username may contain only letters, numbers, dots, hyphens and underscores');

export const isoDateSchema = z.iso.date({ error: 'Enter a real date' });

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
