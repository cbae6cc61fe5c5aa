import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../../electron/services/audit/reader';
import { createHandlers } from '../../../../../electron/services/handlers';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { requestValidators } from '../../../../../shared/ipc/contract';
import { err } from '../../../../../shared/result';

// The sandbox's seed plants a real person's identity code in the CDA of seed-doc-266 (patient
// 090139Y967V) and leaves the DocumentReference clean; seed-doc-12's DocumentReference
// disagrees with its header; seed-doc-11 is the first version of the same set, clean.
let app: AppWorkspace;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-check-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 2000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
});
afterAll(async () => {
  await app.close();
});

async function rowOf(resourceId: string) {
  const found = await app.workspace.search(
    { profileId: 'sandbox', searchId: `s-${resourceId}`, query: { patient: '090139Y967V' } },
    () => undefined,
  );
  if (!found.ok) throw new Error(found.error.message);
  return found.value.rows.find((row) => row.resourceId === resourceId);
}

describe('checking one listed document', () => {
  it('finds the real identity code inside the CDA that the search row does not show', async () => {
    expect((await rowOf('seed-doc-266'))?.identityProblems).toEqual([]);
    const checked = await app.workspace.checkDocument({
      profileId: 'sandbox',
      resourceId: 'seed-doc-266',
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.resourceId).toBe('seed-doc-266');
    expect(checked.value.problems.some((p) => /is not a test code/.test(p))).toBe(true);
    // Findings only: the document's text does not travel to the table.
    expect(Object.keys(checked.value).sort()).toEqual(['problems', 'resourceId']);
  });

  it("adds the document view's findings (DocumentReference vs header)", async () => {
    const checked = await app.workspace.checkDocument({
      profileId: 'sandbox',
      resourceId: 'seed-doc-12',
    });
    expect(checked.ok && checked.value.problems.length).toBeGreaterThan(0);
    const clean = await app.workspace.checkDocument({
      profileId: 'sandbox',
      resourceId: 'seed-doc-11',
    });
    expect(clean.ok && clean.value.problems).toEqual([]);
  });

  it('records each read in the audit trail, as opening the document does', async () => {
    const before = listRecords(home, { action: 'R', patient: '090139Y967V' }).length;
    await app.workspace.checkDocument({ profileId: 'sandbox', resourceId: 'seed-doc-11' });
    expect(listRecords(home, { action: 'R', patient: '090139Y967V' })).toHaveLength(before + 1);
  });

  it('answers a failed read with a sentence, and records the failure', async () => {
    const before = listRecords(home, { action: 'R', outcome: '8' }).length;
    const checked = await app.workspace.checkDocument({
      profileId: 'sandbox',
      resourceId: 'no-such-document',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.message).toMatch(/\.$/);
    expect(checked.error.message).not.toMatch(/\n\s+at /);
    expect(listRecords(home, { action: 'R', outcome: '8' })).toHaveLength(before + 1);
  });
});

describe('the documents:check channel', () => {
  it('refuses a resource id that is not a FHIR id, with the reason', () => {
    const parsed = requestValidators['documents:check'](
      { profileId: 'sandbox', resourceId: '../etc/passwd' },
      'request',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toMatch(/resourceId.*FHIR resource id/);
  });

  it('reaches the workspace through the handler registry', async () => {
    const handlers = createHandlers({
      home,
      openLink: async () => err('not-available', 'Desktop only.'),
      workspace: app.workspace,
    });
    const checked = await handlers['documents:check']({
      profileId: 'sandbox',
      resourceId: 'seed-doc-266',
    });
    expect(checked.ok && checked.value.problems.length).toBeGreaterThan(0);
  });
});
