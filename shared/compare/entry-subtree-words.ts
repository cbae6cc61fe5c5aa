/**
 * An added or removed part of an entry in a few words (issue 7 review: a tester wants one item,
 * `observation "Paino" (code 29463-7) 72 kg added`, not a line per leaf). A clinical statement
 * reads as its kind, code label and code, and what it says: the product it gives, its values and
 * its text. Anything else (an author, a participant) reads as its leaves, each by its own name.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { attribute, describeLeaf, elementChildren, firstChild, ownText } from './cda-facts';
import type { Fact, FactOwner } from './entry-facts';
import { codedText } from './describe-value';

/** The clinical statements of CDA R2 (the choice under entry, entryRelationship, component). */
const statementNames = new Set([
  'act',
  'encounter',
  'observation',
  'observationMedia',
  'organizer',
  'procedure',
  'regionOfInterest',
  'substanceAdministration',
  'supply',
]);

/** A text inside a summary is cut here: the item names the statement, the view shows it all. */
const maxTextLength = 120;

function isStatement(element: XmlElement): boolean {
  return element.namespace === Namespaces.hl7v3 && statementNames.has(element.name);
}

/** The statement an element is or wraps (entryRelationship, component, entry), if any. */
export function statementIn(element: XmlElement): XmlElement | undefined {
  if (isStatement(element)) return element;
  return elementChildren(element).find(isStatement);
}

function quoted(text: string): string {
  return `"${text.length > maxTextLength ? `${text.slice(0, maxTextLength)}…` : text}"`;
}

/** A value element as it reads: text quoted, a code as "name (code)", a quantity as "72 kg". */
function valueWords(element: XmlElement): string | undefined {
  const text = ownText(element);
  if (text !== '') return quoted(text);
  const code = attribute(element, 'code');
  if (code !== undefined) return codedText(code, attribute(element, 'displayName')?.trim());
  const described = describeLeaf(element);
  return described === '' ? undefined : described;
}

/** The product a substanceAdministration or supply gives: its material's name or code label. */
function productWords(statement: XmlElement): string | undefined {
  const material = firstChild(
    firstChild(
      firstChild(statement, 'consumable') ?? firstChild(statement, 'product'),
      'manufacturedProduct',
    ),
    'manufacturedMaterial',
  );
  if (!material) return undefined;
  const name = firstChild(material, 'name');
  const nameText = name && ownText(name);
  if (nameText) return nameText;
  const code = firstChild(material, 'code');
  return code && (attribute(code, 'displayName') ?? attribute(code, 'code'));
}

/** `observation "Paino" (code 29463-7) 72 kg`: kind, code label, code and what it says. */
export function statementWords(statement: XmlElement): string {
  const parts = [statement.name];
  const code = firstChild(statement, 'code');
  const displayName = attribute(code, 'displayName');
  const codeValue = attribute(code, 'code');
  if (displayName) parts.push(`"${displayName}"`);
  if (codeValue) parts.push(`(code ${codeValue})`);
  const said: string[] = [];
  const product = productWords(statement);
  if (product) said.push(product);
  for (const child of elementChildren(statement)) {
    if (child.name !== 'value' || child.namespace !== Namespaces.hl7v3) continue;
    const value = valueWords(child);
    if (value !== undefined) said.push(value);
  }
  const text = firstChild(statement, 'text');
  const textWords = text && ownText(text);
  if (textWords) said.push(quoted(textWords));
  if (said.length > 0) parts.push(said.join(', '));
  return parts.join(' ');
}

/** The last step of a fact's key below its owner, without code qualifier or index. */
function stepName(fact: Fact): string {
  const step = fact.key.slice(fact.key.lastIndexOf('/') + 1);
  return step.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]$/, '');
}

/** An added or removed part of an entry: its statement in words, else its leaves by name. */
export function subtreeWords(
  owner: FactOwner,
  facts: readonly Fact[],
): { readonly statement?: string; readonly field: string; readonly summary: string } {
  const statement = statementIn(owner.element);
  if (statement) {
    const code = firstChild(statement, 'code');
    return {
      statement: statement.name,
      field: attribute(code, 'displayName') ?? owner.label,
      summary: statementWords(statement),
    };
  }
  const summary = facts
    .map((fact) => (stepName(fact) === '@' ? fact.value : `${stepName(fact)} ${fact.value}`))
    .join(', ');
  return { field: owner.label, summary };
}
