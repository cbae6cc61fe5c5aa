import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../../electron/services/audit/reader';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import {
  maxLinesBytes,
  maxRemembered,
} from '../../../../../electron/services/workspace/compare-documents';
import { maxLinesPerRequest } from '../../../../../shared/ipc/compare-types';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

let app: AppWorkspace;
let home: string;
let chain: { older: DocumentRow; newer: DocumentRow };

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-compare-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
  const overview = await app.workspace.overview();
  const hetu = overview.ok ? overview.value.samplePatients[0]?.hetu : undefined;
  if (!hetu) throw new Error('no sample patient');
  const search = await app.workspace.search(
    { profileId: 'sandbox', searchId: 'c0', query: { patient: hetu } },
    () => undefined,
  );
  if (!search.ok) throw new Error(search.error.message);
  const older = search.value.rows.find((row) => row.status === 'replaced');
  if (!older) throw new Error('the seeded patient has no replaced document');
  const versions = await app.workspace.versions('sandbox', older.resourceId);
  if (!versions.ok) throw new Error(versions.error.message);
  const next = versions.value.versions.find((v) => v.replaces.includes(older.resourceId));
  const newer = search.value.rows.find((row) => row.resourceId === next?.resourceId);
  if (!newer) throw new Error('the replacing version is not among the rows');
  chain = { older, newer };
}, 60_000);
afterAll(async () => {
  await app.close();
});

const side = (row: DocumentRow) => ({ profileId: 'sandbox', resourceId: row.resourceId });

/** All of one side's lines, asked for range by range as the view asks. */
function allLines(compareId: string, which: 'left' | 'right', total: number): string[] {
  const lines: string[] = [];
  for (let start = 0; start < total; start += maxLinesPerRequest) {
    const range = app.workspace.compareLines({
      compareId,
      side: which,
      start,
      count: maxLinesPerRequest,
    });
    if (!range.ok) throw new Error(range.error.message);
    expect(range.value.start).toBe(start);
    expect(range.value.total).toBe(total);
    lines.push(...range.value.lines);
  }
  return lines;
}

describe('workspace compare', () => {
  it('compares two versions of a chain, with canonical lines, after both reads are in the journal', async () => {
    const compared = await app.workspace.compare({
      compareId: 'w1',
      left: side(chain.older),
      right: side(chain.newer),
      ignoreProfile: 'default',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    const { result, left, right } = compared.value;
    // The answer carries no lines: main keeps them and answers ranges.
    expect(compared.value).not.toHaveProperty('lines');
    expect(compared.value.hasLines).toBe(true);
    const lines = {
      left: allLines('w1', 'left', result.content.leftLines),
      right: allLines('w1', 'right', result.content.rightLines),
    };
    expect(result.identical).toBe(false);
    expect(result.left.id).toContain(chain.older.documentId);
    expect(result.right.id).toContain(chain.newer.documentId);
    expect(result.metadata.shown.length + result.metadata.hidden.length).toBeGreaterThan(0);
    expect(result.content.shown.length).toBeGreaterThan(0);
    expect(lines?.left).toHaveLength(result.content.leftLines);
    // The worker's lines are sent once, beside the result, not inside it again.
    expect(result.content).not.toHaveProperty('lines');
    expect(lines?.right).toHaveLength(result.content.rightLines);
    // The narrative word diff comes from the worker too, one row per section at least, and is
    // fetched on its own.
    expect(compared.value.hasNarrative).toBe(true);
    expect(compared.value).not.toHaveProperty('narrative');
    const narrative = app.workspace.compareNarrative({ compareId: 'w1', start: 0, count: 500 });
    expect(narrative.ok && narrative.value.narrative?.rows.length).toBeGreaterThan(0);
    expect(narrative.ok && narrative.value.narrative?.total).toBe(
      narrative.ok ? narrative.value.narrative?.rows.length : -1,
    );
    const rows = narrative.ok ? (narrative.value.narrative?.rows ?? []) : [];
    const last = app.workspace.compareNarrative({
      compareId: 'w1',
      start: rows.length - 1,
      count: 1,
    });
    expect(last.ok && last.value.narrative?.rows).toEqual(rows.slice(-1));
    const change = result.content.shown[0]!;
    expect(lines?.left.slice(change.leftStart, change.leftEnd)).toEqual(change.removed);
    expect(lines?.right.slice(change.rightStart, change.rightEnd)).toEqual(change.added);
    // Named by version and environment (review 9, defect 12), the resource id beside it.
    expect(left.label).toBe(`version ${result.left.versionNumber} · Local sandbox`);
    expect(left.resourceId).toBe(chain.older.resourceId);
    expect(right.resourceId).toBe(chain.newer.resourceId);
    expect(compared.value.ignoreProfiles.map((p) => p.id)).toEqual(
      expect.arrayContaining(['default', 'prescription', 'none']),
    );
    for (const documentId of [chain.older.documentId, chain.newer.documentId]) {
      const reads = listRecords(home, { action: 'R', document: documentId });
      expect(reads.at(-1)?.event.outcome).toBe('0');
    }
  });

  it('answers line ranges within bounds, the last one short, and refuses a start past the end', async () => {
    const compared = await app.workspace.compare({
      compareId: 'w20',
      left: side(chain.older),
      right: side(chain.newer),
      ignoreProfile: 'none',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    const total = compared.value.result.content.rightLines;
    const tail = app.workspace.compareLines({
      compareId: 'w20',
      side: 'right',
      start: total - 2,
      count: 10,
    });
    expect(tail.ok && tail.value.lines).toHaveLength(2);
    expect(tail.ok && tail.value.lines.at(-1)).toBe(allLines('w20', 'right', total).at(-1));
    const past = app.workspace.compareLines({
      compareId: 'w20',
      side: 'right',
      start: total,
      count: 1,
    });
    expect(!past.ok && past.error).toMatchObject({
      code: 'compare-lines-range',
      message: `Line ${total + 1} does not exist: that side has ${total} lines.`,
    });
  });

  it('forgets the oldest comparison beyond the kept few: its lines and narrative are a clear error', async () => {
    for (let k = 0; k <= maxRemembered; k++) {
      const compared = await app.workspace.compare({
        compareId: `evict${k}`,
        left: side(chain.older),
        right: side(chain.newer),
        ignoreProfile: 'none',
      });
      if (!compared.ok) throw new Error(compared.error.message);
    }
    const newest = app.workspace.compareLines({
      compareId: `evict${maxRemembered}`,
      side: 'left',
      start: 0,
      count: 1,
    });
    expect(newest.ok).toBe(true);
    const oldest = app.workspace.compareLines({
      compareId: 'evict0',
      side: 'left',
      start: 0,
      count: 1,
    });
    expect(!oldest.ok && oldest.error.code).toBe('compare-unknown');
    expect(!oldest.ok && oldest.error.message).toMatch(
      /no longer in memory.*compare again, then show the lines\.$/,
    );
    const never = app.workspace.compareNarrative({ compareId: 'never-made', start: 0, count: 1 });
    expect(!never.ok && never.error.code).toBe('compare-unknown');
    // The window closed: every kept comparison goes.
    app.workspace.forgetComparisons();
    const closed = app.workspace.compareLines({
      compareId: `evict${maxRemembered}`,
      side: 'left',
      start: 0,
      count: 1,
    });
    expect(!closed.ok && closed.error.code).toBe('compare-unknown');
  });

  it('hides nothing with the "none" profile and more with "default"', async () => {
    const run = (ignoreProfile: string, compareId: string) =>
      app.workspace.compare({
        compareId,
        left: side(chain.older),
        right: side(chain.newer),
        ignoreProfile,
      });
    const none = await run('none', 'w2');
    const byDefault = await run('default', 'w3');
    if (!none.ok || !byDefault.ok) throw new Error('comparison failed');
    expect(none.value.result.hiddenByRule).toEqual([]);
    expect(none.value.result.profile.id).toBe('none');
    expect(byDefault.value.result.profile.id).toBe('default');
    expect(byDefault.value.result.shownDifferences).toBeLessThanOrEqual(
      none.value.result.shownDifferences,
    );
  });

  it('compares a document against a local file named in the harness folder', async () => {
    const opened = await app.workspace.open('sandbox', chain.older.resourceId);
    if (!opened.ok) throw new Error(opened.error.message);
    mkdirSync(path.join(home, 'local-files'), { recursive: true });
    writeFileSync(path.join(home, 'local-files', 'saved.xml'), opened.value.text);
    const picked = await app.workspace.pickFile('saved.xml');
    if (!picked.ok || !picked.value.picked) throw new Error('not picked');
    expect(picked.value.name).toBe('saved.xml');
    expect(picked.value.fileId).toMatch(/^file-/);
    const compared = await app.workspace.compare({
      compareId: 'w4',
      left: side(chain.older),
      right: { fileId: picked.value.fileId },
      ignoreProfile: 'none',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    expect(compared.value.result.identical).toBe(true);
    expect(compared.value.right).toMatchObject({
      label: `version ${compared.value.result.right.versionNumber} · file saved.xml`,
      fileName: 'saved.xml',
    });
    // A local file has no stored status: none is said or compared.
    expect(compared.value.right.document).not.toHaveProperty('storedStatus');
  });

  it('sends only the changed lines of documents over 4 MB, and says so', async () => {
    const opened = await app.workspace.open('sandbox', chain.older.resourceId);
    if (!opened.ok) throw new Error(opened.error.message);
    const title = opened.value.metadata.title ?? '';
    const padding = `<!-- ${'x'.repeat(maxLinesBytes)} -->`;
    const large = opened.value.text
      .replace(`<title>${title}</title>`, `<title>${title} EDITED</title>`)
      .replace('</ClinicalDocument>', `${padding}</ClinicalDocument>`);
    mkdirSync(path.join(home, 'local-files'), { recursive: true });
    writeFileSync(path.join(home, 'local-files', 'large.xml'), large);
    const picked = await app.workspace.pickFile('large.xml');
    if (!picked.ok || !picked.value.picked) throw new Error('not picked');
    const compared = await app.workspace.compare({
      compareId: 'w11',
      left: side(chain.older),
      right: { fileId: picked.value.fileId },
      ignoreProfile: 'none',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    expect(compared.value.hasLines).toBe(false);
    const range = app.workspace.compareLines({
      compareId: 'w11',
      side: 'left',
      start: 0,
      count: 5,
    });
    expect(!range.ok && range.error).toMatchObject({
      code: 'compare-no-lines',
      message: 'The lines of this comparison were not kept (documents too large).',
    });
    expect(compared.value.linesNote).toBe(
      'The documents are too large to send every line: only the changed lines are shown.',
    );
    const added = compared.value.result.content.shown.flatMap((change) => change.added);
    expect(added.some((line) => line.includes(`${title} EDITED`))).toBe(true);
  });

  it('uses the dialog when the host has one, and never takes a name then', async () => {
    const file = path.join(home, 'elsewhere.xml');
    writeFileSync(file, '<a/>');
    const chosen = await app.workspace.pickFile(undefined, async () => file);
    expect(chosen.ok && chosen.value).toMatchObject({ picked: true, name: 'elsewhere.xml' });
    const closed = await app.workspace.pickFile(undefined, async () => undefined);
    expect(closed.ok && closed.value).toEqual({ picked: false, reason: 'cancelled' });
    const named = await app.workspace.pickFile('elsewhere.xml', async () => file);
    expect(!named.ok && named.error.code).toBe('invalid-request');
  });

  it('explains files it cannot use', async () => {
    const noDialog = await app.workspace.pickFile(undefined);
    expect(!noDialog.ok && noDialog.error).toMatchObject({ code: 'file-dialog-unavailable' });
    expect(!noDialog.ok && noDialog.error.message).toContain(path.join(home, 'local-files'));
    const missing = await app.workspace.pickFile('missing.xml');
    expect(!missing.ok && missing.error).toMatchObject({
      code: 'file-not-found',
      message: `There is no file missing.xml in ${path.join(home, 'local-files')}.`,
    });
    const unknown = await app.workspace.compare({
      compareId: 'w5',
      left: side(chain.older),
      right: { fileId: 'file-AAAAAAAAAAAA' },
      ignoreProfile: 'default',
    });
    expect(!unknown.ok && unknown.error.code).toBe('file-unknown');
  });

  it('says in words why a chosen file cannot be read: under a file, or a folder now', async () => {
    const aFile = path.join(home, 'a-file.txt');
    writeFileSync(aFile, 'not a folder');
    const under = await app.workspace.pickFile(undefined, async () => path.join(aFile, 'x.xml'));
    expect(!under.ok && under.error).toEqual({
      code: 'file-unreadable',
      message: 'The file x.xml cannot be read (a part of the path is a file).',
    });
    const later = path.join(home, 'later.xml');
    writeFileSync(later, '<a/>');
    const picked = await app.workspace.pickFile(undefined, async () => later);
    if (!picked.ok || !picked.value.picked) throw new Error('not picked');
    rmSync(later);
    mkdirSync(later);
    const compared = await app.workspace.compare({
      compareId: 'w-folder',
      left: side(chain.older),
      right: { fileId: picked.value.fileId },
      ignoreProfile: 'default',
    });
    const message = compared.ok ? 'compared' : compared.error.message;
    expect(message).toContain('The file later.xml cannot be read (it is a folder).');
    expect(message).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it('refuses a local file that is not a document, naming the side, and records the failure', async () => {
    writeFileSync(path.join(home, 'local-files', 'notes.txt'), 'not xml at all');
    const picked = await app.workspace.pickFile('notes.txt');
    if (!picked.ok || !picked.value.picked) throw new Error('not picked');
    const compared = await app.workspace.compare({
      compareId: 'w6',
      left: side(chain.older),
      right: { fileId: picked.value.fileId },
      ignoreProfile: 'default',
    });
    expect(compared.ok).toBe(false);
    if (compared.ok) return;
    expect(compared.error.message).toMatch(/^The right document\b/);
    expect(listRecords(home, { action: 'R', document: 'notes.txt' }).at(-1)?.event.outcome).toBe(
      '8',
    );
  });

  it('says which document is missing, on which side and where, recorded with outcome 8', async () => {
    const compared = await app.workspace.compare({
      compareId: 'w7',
      left: side(chain.older),
      right: { profileId: 'sandbox', resourceId: 'no-such-document' },
      ignoreProfile: 'default',
    });
    expect(!compared.ok && compared.error.code).toBe('env-not-found');
    // The side and its environment's display name, not the profile id (issue 7 review, item 7).
    expect(!compared.ok && compared.error.message).toMatch(
      /^The right document \(Local sandbox · no-such-document\): [a-z]/,
    );
    const failures = listRecords(home, { action: 'R', document: 'no-such-document' });
    expect(failures.at(-1)?.event.outcome).toBe('8');
  });

  it('refuses an unknown ignore profile and an unknown environment', async () => {
    const profile = await app.workspace.compare({
      compareId: 'w8',
      left: side(chain.older),
      right: side(chain.newer),
      ignoreProfile: 'no-such-profile',
    });
    expect(!profile.ok && profile.error.code).toBe('ignore-profile-unknown');
    const environment = await app.workspace.compare({
      compareId: 'w9',
      left: side(chain.older),
      right: { profileId: 'nowhere', resourceId: chain.newer.resourceId },
      ignoreProfile: 'default',
    });
    expect(!environment.ok && environment.error.code).toBe('profile-unknown');
  });

  it('cancels a running comparison by its id, and refuses a duplicate id', async () => {
    const request = {
      compareId: 'w10',
      left: side(chain.older),
      right: side(chain.newer),
      ignoreProfile: 'default',
    };
    const running = app.workspace.compare(request);
    const duplicate = await app.workspace.compare(request);
    expect(!duplicate.ok && duplicate.error.code).toBe('compare-duplicate');
    expect(app.workspace.cancelCompare('w10')).toEqual({ wasRunning: true });
    const result = await running;
    expect(!result.ok && result.error.code).toBe('compare-cancelled');
    expect(app.workspace.cancelCompare('w10')).toEqual({ wasRunning: false });
  });
});
