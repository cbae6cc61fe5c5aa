/**
 * Namespace scoping (Namespaces in XML 1.0, https://www.w3.org/TR/xml-names/). Bindings live in
 * a Map, never in an object, so a prefix called `__proto__` is just a string. Each element
 * records what it changed and restores it when it closes: lookups stay O(1) at any depth (saxes'
 * per-level scope chain is what makes it quadratic in depth, TOOLCHAIN.md "XML").
 */
import { XmlReadFailure, quoteName } from './xml-errors';

/** The namespace the `xml` prefix is bound to by definition. */
export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of namespace declarations themselves (`xmlns`, `xmlns:p`), as in the DOM. */
export const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';

/** What one element changed: [prefix, previous URI or undefined] pairs, undone on close. */
export type NamespaceUndo = readonly (readonly [string, string | undefined])[];

/** The prefix bindings in force at the current point of the document; '' is the default namespace. */
export class NamespaceScope {
  private readonly bindings = new Map<string, string>([['xml', xmlNamespace]]);

  /** The URI bound to `prefix`, or undefined when it is not bound ('' means no namespace). */
  lookup(prefix: string): string | undefined {
    return this.bindings.get(prefix);
  }

  /** Applies one element's declarations; throws on the constraints of Namespaces in XML §3. */
  declare(
    declarations: readonly { prefix: string; uri: string; position: number }[],
  ): NamespaceUndo {
    const undo: [string, string | undefined][] = [];
    for (const { prefix, uri, position } of declarations) {
      checkDeclaration(prefix, uri, position);
      undo.push([prefix, this.bindings.get(prefix)]);
      if (prefix === '' && uri === '') this.bindings.delete('');
      else this.bindings.set(prefix, uri);
    }
    return undo;
  }

  /** Undoes one element's declarations, innermost last in, first out. */
  restore(undo: NamespaceUndo): void {
    for (let index = undo.length - 1; index >= 0; index -= 1) {
      const entry = undo[index];
      if (entry === undefined) continue;
      const [prefix, previous] = entry;
      if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
    }
  }
}

function checkDeclaration(prefix: string, uri: string, position: number): void {
  const fail = (reason: string): never => {
    throw new XmlReadFailure(
      'xml-namespace',
      (where) =>
        `The namespace declaration ${where} ${reason}; the document breaks the rules of XML namespaces.`,
      position,
    );
  };
  if (prefix === 'xmlns') fail("binds the reserved prefix 'xmlns'");
  if (prefix === 'xml' && uri !== xmlNamespace)
    fail("binds the reserved prefix 'xml' to another namespace");
  if (prefix !== 'xml' && uri === xmlNamespace)
    fail(`binds the XML namespace to the prefix ${quoteName(prefix)}`);
  if (uri === xmlnsNamespace) fail('binds the reserved xmlns namespace');
  if (prefix !== '' && uri === '')
    fail(`binds the prefix ${quoteName(prefix)} to an empty namespace`);
}
