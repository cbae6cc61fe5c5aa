/**
 * The list of DocumentMetadata's fields that model ignore rules are checked against: the compiler
 * keeps it equal to the type's keys; this checks the type against what the reader really returns.
 */
import { describe, expect, it } from 'vitest';
import { metadataFieldNames } from '../../../../shared/documents/metadata-fields';
import { ARCHIVE_FILLED_FIELDS } from '../../../../shared/documents/model';
import { readDocument } from '../../../../shared/documents/read-document';
import { fixtureTree, unwrap } from '../support/fixtures';

describe('metadataFieldNames', () => {
  it('holds every field a real document read gives', () => {
    for (const fixture of ['local-header-all-fields.xml', 'fhir-document-reference.xml']) {
      const metadata = unwrap(readDocument(fixtureTree(fixture)));
      for (const key of Object.keys(metadata)) expect(metadataFieldNames).toContain(key);
    }
  });

  it('holds the first field of every archive-filled path', () => {
    for (const path of ARCHIVE_FILLED_FIELDS)
      expect(metadataFieldNames).toContain(path.split('.')[0]);
  });
});
