/**
 * The document page's findings list and the Metadata tab's DocumentReference group, on seeded
 * sandbox documents (their bytes and DocumentReferences from the deterministic catalogue): the
 * disagreeing fields are marked beside their values, and a non-test identity code leads the list.
 */
import { describe, expect, it } from 'vitest';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import type { PlantedProblem } from '../../../../../electron/sandbox/seed/seed-types';
import { loadDocument } from '../../../../../electron/services/documents/load-document';
import { findingSentences } from '../../../../../renderer/src/document/document-findings';
import { metadataGroups } from '../../../../../renderer/src/document/metadata-groups';
import { documentFindings } from '../../../../../shared/documents/document-findings';
import type { DocumentReference } from '../../../../../shared/fhir/resources';

const catalog = generateSeedCatalog({ seed: 1, patients: 25, documents: 500 });

/** A seeded document with `problem` only: its metadata, plain DocumentReference and findings. */
async function planted(problem: PlantedProblem) {
  const seeded = catalog.documents.find(
    (d) => d.problems.length === 1 && d.problems[0] === problem,
  );
  if (!seeded) throw new Error(`the seed plants no document with only ${problem}`);
  const loaded = await loadDocument(seeded.bytes());
  if (!loaded.ok) throw new Error(loaded.error.message);
  const resource = JSON.parse(JSON.stringify(seeded.documentReference)) as DocumentReference;
  const metadata = loaded.value.metadata;
  return { metadata, resource, findings: documentFindings(metadata, resource) };
}

const TITLE = 'FHIR DocumentReference (from the environment)';

describe('the DocumentReference group', () => {
  it("shows the environment's own fields and marks the ones that disagree", async () => {
    const { metadata, resource, findings } = await planted('metadata-disagrees-with-header');
    const group = metadataGroups(metadata, 'fi', { resource, findings }).find(
      (g) => g.title === TITLE,
    );
    const byLabel = new Map(group?.fields.map((field) => [field.label, field]));
    expect(byLabel.get('Date')).toMatchObject({
      value: resource.date,
      problem: expect.any(String),
    });
    expect(byLabel.get('Type')?.problem).toEqual(expect.any(String));
    expect(byLabel.get('Status')).toEqual({ label: 'Status', value: resource.status });
    expect(byLabel.get('Category')?.problem).toBe(undefined);
    expect(byLabel.get('Attachment size')?.value).toBe(
      String(resource.content[0]?.attachment.size),
    );
    for (const label of ['masterIdentifier', 'Identifier (setId)', 'Subject', 'Custodian'])
      expect(byLabel.get(label)?.value).toEqual(expect.any(String));
  });

  it('is left out for a document that did not come from an environment', async () => {
    const { metadata } = await planted('wrong-register-code');
    expect(metadataGroups(metadata).map((g) => g.title)).not.toContain(TITLE);
  });
});

describe('the findings list', () => {
  it('puts a non-test identity code first, then the findings', async () => {
    const { metadata, findings } = await planted('non-test-identity-code');
    const sentences = findingSentences({ metadata, findings });
    expect(sentences[0]).toMatch(/is not a test code/);
    const register = await planted('wrong-register-code');
    expect(findingSentences(register)).toEqual(register.findings.map((f) => f.message));
  });
});
