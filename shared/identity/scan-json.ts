/**
 * The identity-code scan for FHIR JSON: identifiers with system `urn:oid:1.2.246.21` anywhere,
 * and hetu-shaped strings in any other string value. Inline attachment `data` is Base64 and is
 * skipped here (its decoded text is scanned by the reader). Walks iteratively with a depth cap,
 * because the JSON is untrusted and may be nested absurdly deep.
 */
import { dedupe, HETU_ROOT, identityFinding, scanText, type IdentityCodeFinding } from './scan';

const HETU_SYSTEM = `urn:oid:${HETU_ROOT}`;
const MAX_DEPTH = 64;

interface Frame {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Findings for a JSON object: hetu identifiers and hetu-shaped strings, with dotted paths. */
export function scanJsonIdentityCodes(json: unknown): readonly IdentityCodeFinding[] {
  const found: IdentityCodeFinding[] = [];
  const pending: Frame[] = [{ value: json, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      found.push(...scanText(value, path));
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        pending.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    if (!isObject(value)) continue;
    const isHetu = value.system === HETU_SYSTEM && typeof value.value === 'string';
    if (isHetu) found.push(identityFinding(value.value as string, path));
    const keys = Object.keys(value).reverse();
    for (const key of keys) {
      if (key === 'data' || (isHetu && key === 'value')) continue;
      pending.push({
        value: value[key],
        path: path === '' ? key : `${path}.${key}`,
        depth: depth + 1,
      });
    }
  }
  return dedupe(found);
}
