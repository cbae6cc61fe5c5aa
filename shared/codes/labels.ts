/**
 * Looking codes up in the Kanta code tables. Lookups go through Maps, never plain objects: code
 * values come from untrusted documents, and a code such as `constructor` must not find
 * `Object.prototype.constructor`.
 */
import { CODE_TABLES, type CodeEntry, type CodeTable } from './code-tables';

/** Label language; Finnish is the language of the documents and the default. */
export type LabelLanguage = 'fi' | 'en';

/** The minimum a coded value needs for a lookup. */
export interface CodeRef {
  readonly code: string;
  readonly codeSystem: string;
}

const TABLES = new Map<string, { table: CodeTable; codes: Map<string, CodeEntry> }>(
  CODE_TABLES.map((table) => [
    table.codeSystem,
    { table, codes: new Map(table.codes.map((entry) => [entry.code, entry])) },
  ]),
);

function pick(
  labels: { readonly fi?: { text: string }; readonly en?: { text: string } },
  language: LabelLanguage,
): string | undefined {
  return language === 'fi' ? (labels.fi ?? labels.en)?.text : (labels.en ?? labels.fi)?.text;
}

/** The table entry of a code, when the project knows it. */
export function codeEntry(code: CodeRef): CodeEntry | undefined {
  return TABLES.get(code.codeSystem)?.codes.get(code.code);
}

/** The label of a code from the project's tables (the other language as fallback), or undefined. */
export function labelFor(code: CodeRef, language: LabelLanguage = 'fi'): string | undefined {
  const entry = codeEntry(code);
  return entry && pick(entry, language);
}

/** The name of a code system, when known. */
export function codeSystemName(
  codeSystem: string,
  language: LabelLanguage = 'fi',
): string | undefined {
  const known = TABLES.get(codeSystem);
  return known && pick(known.table.name, language);
}

/**
 * How a code is shown to a tester: its label, or `code @ codeSystem` when the project does not
 * know it. Never dropped and never guessed from a similar code.
 */
export function displayCode(code: CodeRef, language: LabelLanguage = 'fi'): string {
  return labelFor(code, language) ?? `${code.code} @ ${code.codeSystem}`;
}
