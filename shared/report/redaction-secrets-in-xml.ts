/**
 * Everything redaction must mask that one source's text names (issue 8), with the CDA an RCMR
 * message carries decoded once for both scans: its person names (person-names-in-xml.ts) and
 * the values it gives under the hetu root, whatever their shape (identity-values-in-xml.ts), in
 * the header, the body, an RCMR wrapper and the CDA inside it. Every hetu-shaped string is
 * masked on sight, so those need no listing.
 */
import { embeddedCdaTexts } from './embedded-cda';
import { identityValuesInXml } from './identity-values-in-xml';
import { personNamesInXml } from './person-names-in-xml';
import type { RedactionSecrets } from './redaction';

/** The names and hetu-root values of a source's XML text, for createRedactor. */
export function redactionSecretsInXml(text: string): RedactionSecrets {
  const embedded = embeddedCdaTexts(text);
  return {
    identityCodes: identityValuesInXml(text, embedded),
    names: personNamesInXml(text, embedded),
  };
}
