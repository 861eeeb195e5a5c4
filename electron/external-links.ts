/**
 * Which links may leave the app for the system browser. Default: none. A link qualifies only if
 * it is plain https (no credentials, which would smuggle data or mislead) and its origin is on an
 * allow-list the caller chose, e.g. 'https://www.nhs.uk'. Anything else is dropped silently.
 */
export function isAllowedExternalUrl(url: string, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowedOrigins.includes(parsed.origin);
}
