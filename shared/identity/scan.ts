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
  readonly context: string | undefined;
}

/** The plain attributes the scan looks at, read in one pass (this runs for every element). */
interface Looked {
  root?: string;
  extension?: string;
  code?: string;
  codeSystem?: string;
  representation?: string;
  mediaType?: string;
}

function lookedAt(element: XmlElement): Looked {
  const looked: Looked = {};
  for (const a of element.attributes) {
    if (a.namespace !== '') continue;
    const name = a.name;
    if (name === 'root') looked.root ??= a.value;
    else if (name === 'extension') looked.extension ??= a.value;
    else if (name === 'code') looked.code ??= a.value;
    else if (name === 'codeSystem') looked.codeSystem ??= a.value;
    else if (name === 'representation') looked.representation ??= a.value;
    else if (name === 'mediaType') looked.mediaType ??= a.value;
  }
  return looked;
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

const isMultipart = /^multipart\//i;

/** Whether the element's own text is a payload to skip (Base64 bodies, signatures). */
function isOpaque(element: XmlElement, looked: Looked): boolean {
  if (element.namespace === Namespaces.xmldsig) return SKIPPED_DSIG.has(element.name);
  if (element.namespace === Namespaces.hl7fi && element.name === 'json') return true;
  // Base64 payloads, including the MIME text of an HL7 V3 archive message.
  const mediaType = looked.mediaType;
  return (
    looked.representation === 'B64' || (mediaType !== undefined && isMultipart.test(mediaType))
  );
}

/** Where one element is, as findings name it; built only when something is found there. */
interface Place {
  readonly prefix: string;
  readonly context: string | undefined;
  readonly relative: string;
  readonly element: XmlElement;
}

function whereOf(place: Place): string {
  return place.prefix + (describe(place.context, place.relative) || place.element.name);
}

/** Findings for hetu-shaped strings in one text or (when named) attribute value. */
function pushCandidates(
  text: string,
  place: Place,
  attributeName: string | undefined,
  out: IdentityCodeFinding[],
): void {
  const candidates = findHetuCandidates(text);
  if (candidates.length === 0) return;
  const at = attributeName === undefined ? whereOf(place) : `${whereOf(place)}/@${attributeName}`;
  for (const value of candidates) out.push(identityFinding(value, at));
}

/** Findings in the element's attributes: hetu ids and codes, then hetu-shaped values elsewhere. */
function scanAttributes(
  element: XmlElement,
  looked: Looked,
  place: Place,
  out: IdentityCodeFinding[],
): void {
  const { extension, code } = looked;
  const isHetuId = looked.root === HETU_ROOT && extension !== undefined;
  const isHetuCode = looked.codeSystem === HETU_ROOT && code !== undefined;
  if (isHetuId) out.push(identityFinding(extension, whereOf(place)));
  if (isHetuCode) out.push(identityFinding(code, whereOf(place)));
  for (const a of element.attributes) {
    if ((isHetuId && a.name === 'extension') || (isHetuCode && a.name === 'code')) continue;
    pushCandidates(a.value, place, a.name, out);
  }
}

/**
 * Scans a whole tree; `prefix` is put before every path (e.g. "message/" for RCMR wrappers).
 * It visits every node of the document, so per node it only reads: paths are joined and
 * arrays made only where a code is found.
 */
export function scanIdentityCodes(root: XmlElement, prefix = ''): readonly IdentityCodeFinding[] {
  const found: IdentityCodeFinding[] = [];
  const pending: Frame[] = [{ element: root, base: '', context: undefined }];
  while (pending.length > 0) {
    const { element, base, context } = pending.pop()!;
    const isRoot = element === root;
    const label = element.name === 'section' ? sectionLabel(element) : undefined;
    // CDA wraps every section and entry in <component>: structural noise in a location.
    const step = isRoot || element.name === 'component' ? '' : element.name;
    const own = base === '' || step === '' ? base || step : `${base}/${step}`;
    const relative = label === undefined ? own : '';
    const here = label === undefined ? context : `section '${label}'`;
    const place: Place = { prefix, context: here, relative, element };
    const looked = lookedAt(element);
    scanAttributes(element, looked, place, found);
    const opaque = isOpaque(element, looked);
    const children = element.children;
    // Children go on the stack last first, so they are visited in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const node = children[i]!;
      if (node.kind === 'element') pending.push({ element: node, base: relative, context: here });
    }
    if (opaque) continue;
    for (const node of children)
      if (node.kind === 'text') pushCandidates(node.text, place, undefined, found);
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
