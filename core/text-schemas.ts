import { z } from 'zod';
import { dateEntryProblem } from './date-entry';

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

/** A calendar date (YYYY-MM-DD); a date typed in part says which part is missing (core/date-entry.ts). */
export const isoDateSchema = z.iso.date({ error: (issue) => dateEntryProblem(issue.input) ?? 'Enter a real date' });

/** Optional free text: trimmed and bounded; blank becomes null so the store never holds ''. */
export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value === undefined || value === '' ? null : value));
}

/** An optional email address: blank becomes null; otherwise something@domain.tld. */
export const optionalEmailSchema = z
  .string()
  .trim()
  .max(200, 'Email address must be 200 characters or fewer')
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value))
  .refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'Enter an email address like name@example.com');

/**
 * Whether a phone number could be dialled in the UK. Ofcom's numbering plan gives UK numbers 9 or
 * 10 digits after the leading 0 (so 10 or 11 with it, 11 or 12 after +44); other countries follow
 * E.164 (at most 15 digits); short numbers such as 111 and 116 123 are allowed for services.
 */
export function isPlausiblePhoneNumber(value: string): boolean {
  if (!/^\+?[0-9()\s-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (value.startsWith('+'))
    return digits.startsWith('44') ? digits.length === 11 || digits.length === 12 : digits.length >= 8 && digits.length <= 15;
  if (digits.startsWith('0')) return digits.length === 10 || digits.length === 11;
  return /^(1\d\d|116\d{3})$/.test(digits);
}

/** An optional phone number: blank becomes null; otherwise it must be a plausible number. */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .max(40, 'Phone number must be 40 characters or fewer')
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value))
  .refine((value) => value === null || isPlausiblePhoneNumber(value), 'Enter a phone number like 0114 496 0000 or +44 114 496 0000');

/**
 * An optional web address: blank becomes null; "www.example.org" gets https:// in front; only
 * http(s) addresses with a dotted host name are accepted, so a link can never run script.
 */
export const optionalWebsiteSchema = z
  .string()
  .trim()
  .max(300, 'Website must be 300 characters or fewer')
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : /^https?:\/\//i.test(value) ? value : `https://${value}`))
  .refine(
    (value) => value === null || /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?([/?#]\S*)?$/i.test(value),
    'Enter a website like www.example.org',
  );

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
