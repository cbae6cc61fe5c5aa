import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../../electron/services/audit/reader';
import { toRow } from '../../../../../shared/audit/filter';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import type { ExportProgressEvent } from '../../../../../shared/ipc/compare-types';

let app: AppWorkspace;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-export-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
  const overview = await app.workspace.overview();
  const hetu = overview.ok ? overview.value.samplePatients[0]?.hetu : undefined;
  const search = await app.workspace.search(
    { profileId: 'sandbox', searchId: 'e0', query: { patient: hetu ?? '' } },
    () => undefined,
  );
  if (!search.ok) throw new Error(search.error.message);
  const [first, second] = search.value.rows;
  if (!first || !second) throw new Error('the seeded patient has fewer than two documents');
  const compared = await app.workspace.compare({
    compareId: 'e1',
    left: { profileId: 'sandbox', resourceId: first.resourceId },
    right: { profileId: 'sandbox', resourceId: second.resourceId },
    ignoreProfile: 'default',
  });
  if (!compared.ok) throw new Error(compared.error.message);
}, 60_000);
afterAll(async () => {
  await app.close();
});

/** Export events in the journal whose description mentions `text`. */
function exportRecords(text: string): { outcome: string }[] {
  return listRecords(home, {})
    .map((record) => record.event)
    .filter((event) => JSON.stringify(event).includes(text))
    .map((event) => ({ outcome: event.outcome }));
}

describe('exporting a comparison', () => {
  it('hands an HTML report back as a download, with progress, after the export is in the journal', async () => {
    const progress: ExportProgressEvent[] = [];
    const exported = await app.workspace.exportReport('e1', {
      exportId: 'x1',
      format: 'html',
      redact: false,
      onProgress: (event) => progress.push(event),
    });
    if (!exported.ok) throw new Error(exported.error.message);
    if (exported.value.kind !== 'download') throw new Error(exported.value.kind);
    expect(exported.value.fileName).toMatch(/^comparison-.+-vs-.+\.html$/);
    expect(exported.value.mediaType).toBe('text/html');
    const html = Buffer.from(exported.value.base64, 'base64').toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('env:sandbox:');
    // The worker's joined lines are split back for the report: unchanged regions are there.
    expect(html).toContain('lines without shown changes');
    expect(html).not.toContain('Unchanged lines are not part of this report');
    expect(progress.at(-1)).toEqual({ exportId: 'x1', phase: 'sealing', fraction: 1 });
    expect(exportRecords(`download ${exported.value.fileName}`)).toEqual([{ outcome: '0' }]);
    // The Audit tab's row names both sides with their environment and version, and the file.
    const row = toRow(listRecords(home, {}).at(-1)!);
    expect(row.environment).toBe('Local sandbox');
    expect(row.detail).toMatch(
      /^left: Local sandbox, document \S+, version \d+; right: Local sandbox, document \S+, version \d+; HTML comparison report, ignore profile default /,
    );
    expect(row.detail.endsWith(`, to file ${exported.value.fileName}`)).toBe(true);
  });

  it('saves a redacted JSON report where the save dialog says, and records the path', async () => {
    const target = path.join(home, 'chosen-report.json');
    const suggested: string[] = [];
    const exported = await app.workspace.exportReport('e1', {
      exportId: 'x2',
      format: 'json',
      redact: true,
      onProgress: () => undefined,
      saveFile: async (name) => {
        suggested.push(name);
        return target;
      },
    });
    if (!exported.ok) throw new Error(exported.error.message);
    // Both sides and the time, but no document id (redacted).
    expect(suggested).toHaveLength(1);
    expect(suggested[0]).toMatch(/^comparison-redacted-.+-vs-.+-\d{8}-\d{6}\.json$/);
    expect(suggested[0]).not.toContain('1.2.246');
    expect(exported.value).toMatchObject({ kind: 'saved', fileName: 'chosen-report.json' });
    const report = JSON.parse(readFileSync(target, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(report)).not.toMatch(/\d{6}[-+A-Y]9\d\d[0-9A-Y]/);
    expect(exportRecords(`JSON comparison report (redacted)`).length).toBe(1);
  });

  it('writes nothing and records nothing when the save dialog is cancelled', async () => {
    const before = listRecords(home, {}).length;
    const exported = await app.workspace.exportReport('e1', {
      exportId: 'x3',
      format: 'csv',
      redact: false,
      onProgress: () => undefined,
      saveFile: async () => undefined,
    });
    expect(exported.ok && exported.value).toEqual({ kind: 'cancelled' });
    expect(listRecords(home, {}).length).toBe(before);
  });

  it('says when the file cannot be written, and records the failed export', async () => {
    const target = path.join(home, 'no-such-folder', 'report.csv');
    const exported = await app.workspace.exportReport('e1', {
      exportId: 'x4',
      format: 'csv',
      redact: false,
      onProgress: () => undefined,
      saveFile: async () => target,
    });
    expect(!exported.ok && exported.error).toEqual({
      code: 'report-not-saved',
      message: `The report could not be saved to ${target} (the folder does not exist).`,
    });
    expect(exportRecords(target).map((record) => record.outcome)).toEqual(['0', '8']);
  });

  it('refuses a comparison it does not hold', async () => {
    const exported = await app.workspace.exportReport('never-made', {
      exportId: 'x5',
      format: 'html',
      redact: false,
      onProgress: () => undefined,
    });
    expect(!exported.ok && exported.error.code).toBe('compare-unknown');
  });
});
