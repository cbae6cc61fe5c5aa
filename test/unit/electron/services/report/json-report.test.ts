/**
 * The one JSON output (issues 7 and 8): the versioned report JSON holds everything issue 7 asks
 * of `compare --format json` (metadata changes with path, old and new value and labels, the
 * content hunks, the change list, hidden counts per rule, the profile's id and sha256,
 * `identical`) and validates against the published schema, redacted or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareInWorker } from '../../../../../electron/services/compare/compare-in-worker';
import { verifyReport } from '../../../../../electron/services/report/verify-report';
import {
  writeReport,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { findIgnoreProfile } from '../../../../../shared/compare/builtin-profiles';
import { fixtureRequest, leftDosage, rightDosage } from './report-fixture';
import { validateReport as validate } from '../../../../support/report-schema';

interface JsonReport {
  report: {
    identical: boolean;
    profile: { id: string; sha256: string };
    metadataChanges: { path: string; kind: string; left?: string; right?: string }[];
    changes: { group: string; text: string; pathKind?: string; section?: string }[];
    content: {
      changes: {
        removed: string[];
        added: string[];
        words?: ({ kind: string; text: string }[] | null)[];
      }[];
      payloads?: { left: unknown[]; right: unknown[] };
    };
    hidden: { byRule: { rule: string; metadata: number }[]; metadata: number };
  };
}

let request: ReportRequest;
beforeAll(async () => {
  request = await fixtureRequest();
});
afterAll(() => closeXmlWorkers());

async function json(of: ReportRequest, redact = false): Promise<JsonReport> {
  const written = await writeReport(of, { format: 'json', redact });
  if (!written.ok) throw new Error(written.error.message);
  expect(verifyReport(written.value.bytes).ok).toBe(true);
  const value: unknown = JSON.parse(Buffer.from(written.value.bytes).toString('utf8'));
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  return value as JsonReport;
}

describe('the JSON report', () => {
  it('holds the metadata changes, content hunks with word diffs, the change list and identical', async () => {
    const { report } = await json(request);
    expect(report.identical).toBe(false);
    expect(report.metadataChanges).toContainEqual(
      expect.objectContaining({ path: 'versionNumber', kind: 'changed', left: '1', right: '2' }),
    );
    const dosage = report.content.changes.find((change) =>
      change.removed.some((line) => line.includes(leftDosage)),
    );
    expect(dosage?.added.join('\n')).toContain(rightDosage);
    const words = (dosage?.words ?? []).flatMap((pair) => pair ?? []);
    expect(words.some((word) => word.kind === 'added' && word.text.includes('illalla'))).toBe(true);
    const narrative = report.changes.find((change) => change.text.includes(rightDosage));
    expect(narrative).toMatchObject({ group: 'section', pathKind: 'canonical' });
    expect(report.content.payloads).toEqual({ left: [], right: [] });
  });

  it('names the profile with its sha256 and counts what each rule hid', async () => {
    const profile = findIgnoreProfile('default');
    if (!profile.ok) throw new Error(profile.error.message);
    const compared = await compareInWorker(request.left.bytes, request.right.bytes, {
      profile: profile.value,
    });
    if (!compared.ok) throw new Error(compared.error.message);
    const { report } = await json({ ...request, result: compared.value.result });
    expect(report.profile).toEqual({
      id: 'default',
      title: profile.value.title,
      sha256: profile.value.sha256,
    });
    expect(report.hidden.byRule).toEqual(compared.value.result.hiddenByRule);
    expect(report.hidden.metadata).toBe(
      compared.value.result.hiddenByRule.reduce((total, rule) => total + rule.metadata, 0),
    );
  });

  it('validates redacted too, with masks in place of the changed names', async () => {
    const { report } = await json(request, true);
    // The informant's given name, changed between the versions (Onni → Aino).
    const hunk = report.content.changes.find((change) =>
      change.removed.some((line) => line.includes('<given>')),
    );
    const informant = [...(hunk?.removed ?? []), ...(hunk?.added ?? [])].map((line) => line.trim());
    expect(informant).toHaveLength(2);
    for (const line of informant) expect(line).toMatch(/^<given>NAME-\d+<\/given>$/);
    expect(informant[0]).not.toBe(informant[1]);
  });
});
