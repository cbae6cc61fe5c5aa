/**
 * What a CDA entry says, as keyed facts: every leaf element, keyed by its path from the entry
 * where each step carries the code of the clinical statement below it
 * (`component{95}/observation/value`), so an added observation is one added fact and does not
 * shift the others. The element readers and the narrative's lines are in cda-facts.ts.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import {
  attribute,
  describeLeaf,
  describeOwnAttributes,
  elementChildren,
  firstChild,
  statementLabel,
  withLine,
  type NameOf,
} from './cda-facts';

/** One leaf of an entry: where it is, what to call it, what it says. */
export interface Fact {
  readonly key: string;
  /** e.g. "Annososio ja jatko-osiot › text". */
  readonly label: string;
  readonly value: string;
  /** Canonical path (no indexes) of the leaf element. */
  readonly path: string;
  readonly line?: number;
}

/** The code of a clinical statement (its own `code`, or its only child's, through a wrapper). */
function statementCode(element: XmlElement): XmlElement | undefined {
  const own = firstChild(element, 'code');
  if (own) return own;
  const inner = elementChildren(element);
  return inner.length === 1 ? firstChild(inner[0], 'code') : undefined;
}

/**
 * What tells a step apart from its siblings: a statement's code, but a reference's typeCode.
 * The code inside a reference is the type of the document it points to, which changes when the
 * reference is pointed at the next version: keyed by it, KOR → MIT paired the SPRT reference
 * with the RPLC one and reported two changed references as nine items (review of issue 7).
 */
function stepQualifier(element: XmlElement): string | undefined {
  if (element.name === 'code') return undefined;
  if (isReference(element)) return attribute(element, 'typeCode');
  const code = statementCode(element);
  return code && (attribute(code, 'code') ?? attribute(code, 'nullFlavor'));
}

/** A child's step in a fact key before any index: its name, and its qualifier if it has one. */
export function stepBase(element: XmlElement, nameOf: NameOf, isQualified: boolean): string {
  const qualifier = isQualified ? stepQualifier(element) : undefined;
  return qualifier === undefined ? nameOf(element) : `${nameOf(element)}{${qualifier}}`;
}

/** Step keys of one element's children; `given` holds those aligned with the other side. */
function stepKeys(
  elements: readonly XmlElement[],
  nameOf: NameOf,
  isQualified: boolean,
  given: ReadonlyMap<XmlElement, string> | undefined,
): string[] {
  const keys = elements.map((element) => stepBase(element, nameOf, isQualified));
  const totals = new Map<string, number>();
  for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + 1);
  const seen = new Map<string, number>();
  return keys.map((key, at) => {
    const aligned = given?.get(elements[at]!);
    if (aligned !== undefined) return aligned;
    if (totals.get(key) === 1) return key;
    const index = (seen.get(key) ?? 0) + 1;
    seen.set(key, index);
    return `${key}[${index}]`;
  });
}

/** An element of an entry that holds facts: an added or removed one is named as a whole. */
export interface FactOwner {
  readonly key: string;
  /** e.g. "Lääkemääräyksen mitätöinnin syy › observation". */
  readonly label: string;
  readonly path: string;
  readonly element: XmlElement;
}

/**
 * Every leaf fact of an entry (or any statement), keyed relative to it; with `owners`, also
 * every element below the entry that has children, by its key (the prefix of its facts' keys).
 * Repeated children are keyed by their place among their kind (`component{95}[2]`), or by the
 * step `alignedSteps` gives them (repeated-children.ts pairs them with the other side's).
 */
export function entryFacts(
  entry: XmlElement,
  entryPath: string,
  nameOf: NameOf,
  owners?: Map<string, FactOwner>,
  alignedSteps?: ReadonlyMap<XmlElement, string>,
): Fact[] {
  const facts: Fact[] = [];
  const walk = (
    element: XmlElement,
    key: string,
    path: string,
    label: string | undefined,
  ): void => {
    if (element !== entry && isReference(element)) {
      facts.push(withLine(referenceFact(element, key, path, nameOf), element));
      return;
    }
    const ownLabel = element === entry ? undefined : (statementLabel(element) ?? label);
    const children = elementChildren(element);
    if (children.length === 0) {
      const value = describeLeaf(element);
      if (value === '') return;
      const leaf = nameOf(element);
      facts.push(
        withLine(
          { key, label: label === undefined ? leaf : `${label} › ${leaf}`, value, path },
          element,
        ),
      );
      return;
    }
    const attributes = element === entry ? '' : describeOwnAttributes(element);
    if (element !== entry && (attributes !== '' || owners)) {
      const ownerLabel =
        ownLabel === undefined ? nameOf(element) : `${ownLabel} › ${nameOf(element)}`;
      owners?.set(key, { key, label: ownerLabel, path, element });
      if (attributes !== '')
        facts.push(
          withLine({ key: `${key}/@`, label: ownerLabel, value: attributes, path }, element),
        );
    }
    // The entry's own statement is not keyed by its code: the entry is already aligned, and a
    // changed code must read as a change, not as everything removed and added.
    const keys = stepKeys(children, nameOf, element !== entry, alignedSteps);
    children.forEach((child, index) => {
      // A statement's own code is labelled by the statement above it, not by itself.
      const childLabel = child.name === 'code' ? label : ownLabel;
      walk(child, `${key}/${keys[index]!}`, `${path}/${nameOf(child)}`, childLabel);
    });
  };
  walk(entry, '', entryPath, undefined);
  return facts;
}

const externalActs = new Set([
  'externalAct',
  'externalDocument',
  'externalObservation',
  'externalProcedure',
]);

/**
 * True for an act's reference to an external act or document; not for the `reference` of a text
 * value (`originalText/reference value="#x"`), which points into the narrative and stays a leaf.
 */
function isReference(element: XmlElement): boolean {
  if (element.name !== 'reference' || element.namespace !== Namespaces.hl7v3) return false;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element' && externalActs.has(node.name)) return true;
  }
  return false;
}

/**
 * A reference (to an external document, act, observation or procedure) as one fact, named by its
 * typeCode: "reference (RPLC)" = "id root=…, code Lääkemääräys (1), setId root=…". What it
 * points to changes as a whole, and the code inside names the target, not a statement: read leaf
 * by leaf, the target's code became the label of its id and the enclosing statement's name the
 * label of that code (review of issue 7).
 */
function referenceFact(reference: XmlElement, key: string, path: string, nameOf: NameOf): Fact {
  const typeCode = attribute(reference, 'typeCode');
  const parts = entryFacts(reference, '', nameOf).map((fact) => {
    // Keys are "/externalDocument{1}/id": the step under the target names the part.
    const part = fact.key
      .split('/')
      .slice(2)
      .join('/')
      .replace(/\{[^}]*\}/g, '');
    return part === '@' || part === '' ? fact.value : `${part} ${fact.value}`;
  });
  return {
    key,
    label: typeCode === undefined ? nameOf(reference) : `${nameOf(reference)} (${typeCode})`,
    value: parts.join(', '),
    path,
  };
}
