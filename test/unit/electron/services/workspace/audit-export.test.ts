/**
 * The Audit tab's export on real journals: JSON and CSV as `archivist audit export` writes them,
 * the tab's filters, the export recorded before the file is written, a save dialog's path, a
 * cancelled dialog (nothing recorded), and a failed write recorded with outcome 8.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRecords, toCsv } from '../../../../../electron/services/audit/reader';
import {
  appAuditContext,
  exportAuditJournal,
} from '../../../../../electron/services/workspace/audit-export';
import { recordAll } from '../../../../../electron/services/workspace/audit-trail';
import { queryEvent, readEvent } from '../../../../../shared/audit/builders';
import type { Result } from '../../../../../shared/result';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-audit-export-'));
let homes = 0;
const now = () => new Date('2026-11-29T10:00:00Z');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A home whose journal holds a search for one patient and a read of one document. */
async function journalHome(): Promise<string> {
  const home = path.join(work, `home-${homes++}`);
  const context = appAuditContext(() => new Date());
  value(
    await recordAll(
      home,
      [queryEvent(context, '010190-900A', 'patient=010190-900A'), readEvent(context, 'doc-1')],
      'refused',
    ),
  );
  return home;
}

describe('audit export from the app', () => {
  it('downloads JSON that parses and holds the records, and records the export first', async () => {
    const home = await journalHome();
    const before = listRecords(home, {});
    const result = value(await exportAuditJournal(home, { format: 'json', filter: {} }, { now }));
    if (result.kind !== 'download') throw new Error(result.kind);
    expect(result).toMatchObject({
      fileName: 'audit-2026-11-29.json',
      mediaType: 'application/json',
      records: 2,
    });
    const exported = JSON.parse(Buffer.from(result.base64, 'base64').toString('utf8'));
    expect(exported).toEqual(JSON.parse(JSON.stringify(before)));
    const after = listRecords(home, {});
    expect(after).toHaveLength(3);
    expect(JSON.stringify(after[2]?.event)).toContain(
      'audit export json of 2 records to download audit-2026-11-29.json',
    );
  });

  it('saves CSV where the save dialog says, with the filter applied, the CLI writer byte for byte', async () => {
    const home = await journalHome();
    const target = path.join(work, `export-${homes}.csv`);
    const filter = { action: 'R' };
    const expected = toCsv(listRecords(home, filter));
    const result = value(
      await exportAuditJournal(
        home,
        { format: 'csv', filter },
        { now, saveFile: async () => target },
      ),
    );
    expect(result).toEqual({
      kind: 'saved',
      fileName: path.basename(target),
      records: 1,
      byteSize: Buffer.byteLength(expected),
    });
    expect(readFileSync(target, 'utf8')).toBe(expected);
    expect(expected).toContain('doc-1');
    expect(expected).not.toContain('010190-900A');
  });

  it('records nothing when the dialog is cancelled', async () => {
    const home = await journalHome();
    const result = value(
      await exportAuditJournal(
        home,
        { format: 'csv', filter: {} },
        { now, saveFile: async () => undefined },
      ),
    );
    expect(result).toEqual({ kind: 'cancelled' });
    expect(listRecords(home, {})).toHaveLength(2);
  });

  it('answers a write that fails with a sentence and records the failure with outcome 8', async () => {
    const home = await journalHome();
    const target = path.join(work, 'no-such-folder', 'audit.csv');
    const result = await exportAuditJournal(
      home,
      { format: 'csv', filter: {} },
      { now, saveFile: async () => target },
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'audit-export-not-saved',
        message: `The audit export could not be saved to ${target} (the folder does not exist).`,
      },
    });
    const records = listRecords(home, {});
    expect(records).toHaveLength(4);
    expect(records[3]?.event.outcome).toBe('8');
  });
});
