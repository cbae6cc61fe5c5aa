import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { readDocument } from '../../../../shared/documents/read-document';
import { buildReport, type ReportSideInput } from '../../../../shared/report/report-model';
import { xmlTree } from '../support/parse-tree';

/** A small CDA whose patient and a body participant's id (under the hetu root) vary. */
function cda(patient: string, participant: string, title: string): string {
  return `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.1.${title.length}"/>
  <title>${title}</title>
  <recordTarget><patientRole><id root="1.2.246.21" extension="${patient}"/></patientRole></recordTarget>
  <component><structuredBody><component><section>
    <title>Hoito</title>
    <entry><act classCode="ACT" moodCode="EVN">
      <participant typeCode="IND"><participantRole><id root="1.2.246.21" extension="${participant}"/></participantRole></participant>
    </act></entry>
  </section></component></structuredBody></component>
</ClinicalDocument>`;
}

function side(xml: string): CompareSide {
  const tree = xmlTree(xml);
  const metadata = readDocument(tree);
  if (!metadata.ok) throw new Error(metadata.error.message);
  return { metadata: metadata.value, tree };
}

/** What a caller that found no codes of its own gives (the report must still mask what it shows). */
const bare = (source: string): ReportSideInput => ({
  source,
  sha256: '0'.repeat(64),
  byteSize: 1,
  identityCodes: [],
  personNames: [],
});

function report(redact: boolean) {
  const result = compareDocuments(
    side(cda('010181-900C', 'TEMP-OLD-1', 'Ensimmäinen')),
    side(cda('010181-902E', 'TEMP-NEW-22', 'Toinen')),
  );
  return buildReport({
    result,
    left: bare('left.xml'),
    right: bare('right.xml'),
    operator: 'tester',
    createdAt: '2024-01-01T00:00:00Z',
    toolVersion: 'test',
    redact,
  });
}

const secrets = ['010181', '900C', '902E', 'TEMP-OLD-1', 'TEMP-NEW-22'];

describe('redactReport', () => {
  it('an unredacted report word-diffs a changed code into pieces no mask pattern would match alone', () => {
    const words = JSON.stringify(report(false).content.changes.map((change) => change.words));
    expect(words).toContain('"900C"');
    expect(words).toContain('"OLD"');
    expect(JSON.stringify(report(false).changes)).toContain('1.2.246.21^TEMP-OLD-1');
  });

  it('masks a code split by the word diff and a value shown under the hetu root that no source listed', () => {
    const redacted = report(true);
    const text = JSON.stringify(redacted);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(redacted.redaction.maskedIdentityCodes).toBe(4);
    // The word diffs were made again from the masked lines: joined, they are those lines.
    for (const change of redacted.content.changes)
      (change.words ?? []).forEach((segments, k) => {
        if (segments === null) return;
        const join = (kind: string) =>
          segments
            .filter((s) => s.kind === 'equal' || s.kind === kind)
            .map((s) => s.text)
            .join('');
        expect(join('removed')).toBe(change.removed[k]);
        expect(join('added')).toBe(change.added[k]);
      });
    expect(text).toMatch(/HETU-\d+/);
  });
});
