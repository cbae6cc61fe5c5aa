/** The project's own synthetic test documents in test/fixtures/documents/. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../../../../shared/result';
import type { XmlElement } from '../../../../shared/xml/tree';
import { xmlTree } from './parse-tree';

const fixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/documents');

/** The text of a fixture file. */
export function fixtureText(name: string): string {
  return readFileSync(resolve(fixturesDir, name), 'utf8');
}

/** The parsed tree of a fixture file. */
export function fixtureTree(name: string): XmlElement {
  return xmlTree(new Uint8Array(readFileSync(resolve(fixturesDir, name))));
}

/** The value of an ok Result; fails the test with the error message otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
