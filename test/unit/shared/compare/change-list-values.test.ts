/**
 * Values in the change list read like their siblings (issue 7 review): a coded value with
 * qualifiers read as its raw attributes, and MIT's author as "Mitätöijä (MIT),  @ 1.2.246…".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { readDocument } from '../../../../shared/documents/read-document';
import { corpusDir, corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const side = (tree: ReturnType<typeof xmlTree>): CompareSide => ({
  tree,
  metadata: unwrap(readDocument(tree)),
});

/** A document with one observation whose value is the given XML. */
const withValue = (value: string) =>
  side(
    xmlTree(`<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody><component><section><code code="1" codeSystem="1.2.3"/><title>Mitätöinti</title>
    <entry><observation classCode="OBS" moodCode="EVN"><id root="9.9.1"/><code code="96" codeSystem="1.2.4" displayName="Mitätöinnin tyyppi"/>${value}</observation></entry>
  </section></component></structuredBody></component></ClinicalDocument>`),
  );

const qualified = (code: string, displayName: string) =>
  `<value code="${code}" codeSystem="1.2.5" displayName="${displayName}" xsi:type="CD"><qualifier><name code="96.1" codeSystem="1.2.4" displayName="Osapuoli"/><value code="1" codeSystem="1.2.6" displayName="Lääkäri"/></qualifier></value>`;

describe('coded values with children in the change list', () => {
  it('reads a changed CD with qualifiers as "display name (code)", like a leaf code', () => {
    const items = compareDocuments(
      withValue(qualified('1', 'Hoidollinen syy')),
      withValue(qualified('2', 'Potilaan pyyntö')),
    ).changeList.shown;
    expect(items.map((item) => [item.left, item.right])).toEqual([
      ['Hoidollinen syy (1)', 'Potilaan pyyntö (2)'],
    ]);
  });

  it('reads a quantity with a translation as "value unit"', () => {
    const quantity = (value: string) =>
      `<value value="${value}" unit="mg" xsi:type="PQ"><translation code="x" codeSystem="1.2.7"/></value>`;
    const items = compareDocuments(withValue(quantity('10')), withValue(quantity('20'))).changeList
      .shown;
    expect(items.map((item) => [item.left, item.right])).toEqual([['10 mg', '20 mg']]);
  });
});

describe.skipIf(!hasCorpus)(`values of physiogel LM → MIT${corpusNote}`, () => {
  const lm = 'Mediatri__4 physiogel lm.xml';
  const mit = 'Mediatri__4 physiogel mit.xml';
  const raw = readFileSync(join(corpusDir, 'kanta-cda-api', mit), 'utf8');
  /** Expected values come from the file itself. */
  const first = (pattern: RegExp) => pattern.exec(raw)?.[1] ?? '(not found)';
  const items = compareDocuments(
    side(corpusTree(`kanta-cda-api/${lm}`)),
    side(corpusTree(`kanta-cda-api/${mit}`)),
  ).changeList.shown;

  it('names the invalidating author by role and name, without a stray "@" or double space', () => {
    const role = first(/<functionCode code="MIT"[^>]*displayName="([^"]+)"/);
    // The invalidator is the person under the MIT functionCode (the first name is the patient's).
    const given = first(/<functionCode code="MIT"[\s\S]*?<given>([^<]+)<\/given>/);
    const family = first(/<functionCode code="MIT"[\s\S]*?<family>([^<]+)<\/family>/);
    const author = items.find((item) => item.path === 'authors[0]' && item.kind === 'added');
    expect(author?.right).toBe(`${role} (MIT), ${given} ${family}`);
  });

  it('reads the added invalidation type as its display name and code', () => {
    const type = first(/displayName="([^"]+)" xsi:type="CD">\s*<qualifier>/);
    expect(type).not.toBe('(not found)');
    // The added observation is one item that says its value.
    const added = items.filter(
      (item) => item.kind === 'added' && item.field === 'Lääkemääräyksen mitätöinnin tyyppi',
    );
    expect(added.map((item) => item.right)).toEqual([
      `observation "Lääkemääräyksen mitätöinnin tyyppi" (code 96) ${type} (1)`,
    ]);
    for (const item of items) {
      for (const value of [item.left, item.right]) {
        expect(value ?? '').not.toMatch(/\bcodeSystem=| @ |, {2}/);
      }
    }
  });
});
