/**
 * What a redacted report must not contain, found independently of the report code: every
 * identity code and person name loadDocument reads from either document, plus every hetu-shaped
 * string in the raw text (findHetuCandidates).
 */
import { loadDocument } from '../../../../../electron/services/documents/load-document';
import { findHetuCandidates } from '../../../../../shared/identity/hetu';
import { personNamesIn } from '../../../../../shared/report/redaction';

export async function secretsOf(
  ...documents: Uint8Array[]
): Promise<{ codes: string[]; names: string[] }> {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const bytes of documents) {
    const loaded = await loadDocument(bytes);
    if (!loaded.ok) throw new Error(loaded.error.message);
    for (const code of loaded.value.metadata.identityCodes) codes.add(code.value);
    for (const name of personNamesIn(loaded.value.metadata)) names.add(name);
    for (const code of findHetuCandidates(new TextDecoder().decode(bytes))) codes.add(code);
  }
  return { codes: [...codes], names: [...names] };
}

/** The secrets `text` still contains: codes anywhere, names as whole words in any case. */
export function leaks(text: string, secrets: { codes: string[]; names: string[] }): string[] {
  const found = secrets.codes.filter((code) => text.includes(code));
  for (const name of secrets.names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text))
      found.push(name);
  }
  return found;
}
