/**
 * Finds every personal identity code in a document tree (DOMAIN.md §1: the test service refuses
 * a document that carries any non-test code, even in a secondary field). Three kinds of places:
 * ids and codes whose root/codeSystem is 1.2.246.21 anywhere (patient, authors, participants,
 * entries), hetu-shaped values in other attributes, and hetu-shaped strings in text. Each finding
 * says where it was, readably: "recordTarget/patientRole/id", "section 'Henkilötunnus' text".
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { findHetuCandidates, parseHetu } from './hetu';

/** The OID under which a hetu is the id extension (or the code of a CD). */
export const HETU_ROOT = '1.2.246.21';

/** One identity code and what is wrong with it, if anything. */
export interface IdentityCodeFinding {
  readonly value: string;
  readonly where: string;
  readonly valid: boolean;
  readonly isTestCode: boolean;
  /** Why the code is invalid, in a sentence, when it is. */
  readonly problem?: string;
}

/** Builds a finding for `value` found at `where`. */
export function identityFinding(value: string, where: string): IdentityCodeFinding {
  const check = parseHetu(value);
  return {
    value,
    where,
    valid: check.valid,
    isTestCode: check.isTestCode,
    ...(check.message === undefined ? {} : { problem: check.message }),
  };
}

/** Findings for every hetu-shaped string in free text (decoded payloads, narrative). */
export function scanText(text: string, where: string): readonly IdentityCodeFinding[] {
  return findHetuCandidates(text).map((value) => identityFinding(value, where));
}

// Base64 signature material: long random strings where a match would only ever be noise.
const SKIPPED_DSIG = new Set(['SignatureValue', 'DigestValue', 'X509Certificate', 'X509SKI']);

interface Frame {
  readonly element: XmlElement;
  /** Path from the nearest labelled section (or the root), without the element itself. */
  readonly base: string;
  readonly context?: string;
}

function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name && a.namespace === '')?.value;
}

function sectionLabel(section: XmlElement): string | undefined {
  const title = section.children.find(
    (n): n is XmlElement =>
      n.kind === 'element' && n.name === 'title' && n.namespace === Namespaces.hl7v3,
  );
  const text = title?.children
    .map((n) => (n.kind === 'text' ? n.text : ''))
    .join('')
    .trim();
  return text || undefined;
}

function describe(context: string | undefined, relative: string): string {
  if (context === undefined) return relative;
  return relative === '' ? context : `${context} ${relative}`;
}

/** Whether the element's own text is a payload to skip (Base64 bodies, signatures). */
function isOpaque(element: XmlElement): boolean {
  if (element.namespace === Namespaces.xmldsig) return SKIPPED_DSIG.has(element.name);
  if (element.namespace === Namespaces.hl7fi && element.name === 'json') return true;
  // Base64 payloads, including the MIME text of an HL7 V3 archive message.
  return (
    attribute(element, 'representation') === 'B64' ||
    /^multipart\//i.test(attribute(element, 'mediaType') ?? '')
  );
}

/** Findings in the element's attributes: hetu ids and codes, then hetu-shaped values elsewhere. */
function scanAttributes(element: XmlElement, where: string, out: IdentityCodeFinding[]): void {
  const extension = attribute(element, 'extension');
  const code = attribute(element, 'code');
  const isHetuId = attribute(element, 'root') === HETU_ROOT && extension !== undefined;
  const isHetuCode = attribute(element, 'codeSystem') === HETU_ROOT && code !== undefined;
  if (isHetuId) out.push(identityFinding(extension, where));
  if (isHetuCode) out.push(identityFinding(code, where));
  for (const a of element.attributes) {
    if ((isHetuId && a.name === 'extension') || (isHetuCode && a.name === 'code')) continue;
    out.push(...scanText(a.value, `${where}/@${a.name}`));
  }
}

/** Scans a whole tree; `prefix` is put before every path (e.g. "message/" for RCMR wrappers). */
export function scanIdentityCodes(root: XmlElement, prefix = ''): readonly IdentityCodeFinding[] {
  const found: IdentityCodeFinding[] = [];
  const pending: Frame[] = [{ element: root, base: '' }];
  while (pending.length > 0) {
    const { element, base, context } = pending.pop()!;
    const isRoot = element === root;
    const label = element.name === 'section' ? sectionLabel(element) : undefined;
    // CDA wraps every section and entry in <component>: structural noise in a location.
    const step = isRoot || element.name === 'component' ? '' : element.name;
    const own = base === '' || step === '' ? base || step : `${base}/${step}`;
    const relative = label === undefined ? own : '';
    const here = label === undefined ? context : `section '${label}'`;
    const where = prefix + (describe(here, relative) || element.name);
    scanAttributes(element, where, found);
    const opaque = isOpaque(element);
    const kids: Frame[] = [];
    for (const node of element.children) {
      if (node.kind === 'element')
        kids.push({ element: node, base: relative, ...(here ? { context: here } : {}) });
      else if (node.kind === 'text' && !opaque) found.push(...scanText(node.text, where));
    }
    for (let i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
  }
  return dedupe(found);
}

/** Drops repeated (value, where) pairs, keeping the first. */
export function dedupe(findings: readonly IdentityCodeFinding[]): readonly IdentityCodeFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.value}\u0000${finding.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
