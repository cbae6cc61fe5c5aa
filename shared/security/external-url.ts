/**
 * Which links may leave the app for the system browser. Only https, only hosts on the allowlist,
 * compared exactly after URL parsing (so look-alikes, userinfo tricks and IDN homographs fail),
 * and never with credentials or a non-default port. The main process still asks the user.
 */
import { err, ok, type Result } from '../result';

/** Hosts whose documentation the app links to. Exact host names: no wildcard subdomains. */
export const externalHostAllowlist: readonly string[] = [
  'www.kanta.fi',
  'kanta.fi',
  'hl7.org',
  'www.hl7.org',
  'build.fhir.org',
  'profiles.ihe.net',
];

export function checkExternalUrl(
  raw: string,
  allowlist: readonly string[] = externalHostAllowlist,
): Result<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err('link-refused', 'The link is not a valid web address.');
  }
  if (url.protocol !== 'https:')
    return err(
      'link-refused',
      `Only https links open outside Archivist (this one is ${url.protocol.replace(':', '')}).`,
    );
  if (url.username !== '' || url.password !== '')
    return err('link-refused', 'Links with a user name or password in them do not open.');
  if (url.port !== '') return err('link-refused', 'Links to a non-standard port do not open.');
  if (!allowlist.includes(url.hostname))
    return err('link-refused', `Links to ${url.hostname} do not open from Archivist.`);
  return ok(url.href);
}
