/** What the hetu field says as it is typed: nothing, fine, or the reason it is refused. */
import { parseHetu } from '../../../shared/identity/hetu';

export type HetuFeedback =
  | { readonly kind: 'empty' }
  | { readonly kind: 'incomplete'; readonly message: string }
  | { readonly kind: 'ok'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

export function hetuFeedback(raw: string): HetuFeedback {
  const value = raw.trim().toUpperCase();
  if (value === '') return { kind: 'empty' };
  if (value.length < 11)
    return { kind: 'incomplete', message: 'An identity code has 11 characters: DDMMYYCNNNK.' };
  const check = parseHetu(value);
  if (!check.valid) return { kind: 'refused', message: check.message ?? 'Not a valid code.' };
  if (!check.isTestCode)
    return {
      kind: 'refused',
      message: `Not a test code: the individual number must be 900–999 (test environments hold test patients only).`,
    };
  return { kind: 'ok', message: 'Valid test identity code.' };
}
