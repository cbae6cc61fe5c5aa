/**
 * What a redacted report of an RCMR pair must not contain, found independently of the redactor:
 * the XML parser's given and family names (and their words of 3 letters or more, which the
 * report shows alone in word diffs) and the ids under the hetu root, in the wrapper and in the
 * CDA decoded from the message's Base64, plus every hetu-shaped string in either text.
 */
import { findHetuCandidates } from '../../../../shared/identity/hetu';
import type { XmlElement } from '../../../../shared/xml/tree';
import { xmlTree } from '../support/parse-tree';

export interface Secrets {
  readonly codes: readonly string[];
  readonly names: readonly string[];
}

function textOf(element: XmlElement): string {
  return element.children
    .map((node) => (node.kind === 'text' ? node.text : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function collect(element: XmlElement, codes: Set<string>, names: Set<string>): void {
  const attribute = (name: string) => element.attributes.find((a) => a.name === name)?.value;
  if (attribute('root') === '1.2.246.21' && attribute('extension'))
    codes.add(attribute('extension')!);
  if (element.name === 'given' || element.name === 'family') {
    const part = textOf(element);
    if (part !== '') names.add(part);
    for (const word of part.split(' ')) if (word.length >= 3) names.add(word);
  }
  for (const child of element.children) if (child.kind === 'element') collect(child, codes, names);
}

/** The codes and names of XML texts (a wrapper and the CDA it carries, each parsed on its own). */
export function secretsOfXml(...texts: readonly string[]): Secrets {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const text of texts) {
    collect(xmlTree(text), codes, names);
    for (const code of findHetuCandidates(text)) codes.add(code);
  }
  return { codes: [...codes], names: [...names] };
}

/** Every Base64 run of 64 characters or more in `text`, decoded (to look for decoded leaks). */
export function decodedBase64Runs(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9+/]{64,}={0,2}/g)].map(([run]) =>
    Buffer.from(run, 'base64').toString('utf8'),
  );
}

/** The secrets `text` still holds: codes anywhere, names as whole words in any case. */
export function leaksIn(text: string, secrets: Secrets): string[] {
  const found = secrets.codes.filter((code) => text.includes(code));
  for (const name of secrets.names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text))
      found.push(name);
  }
  return found;
}
