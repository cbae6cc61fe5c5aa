/**
 * The compare channels through the real dispatch (validation, then the handler) with the host's
 * open and save dialogs standing in for Electron's: the dialogs are the Electron boundary.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../electron/services/dispatch';
import { createHandlers, type Handlers } from '../../../../../electron/services/handlers';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import type { EventName } from '../../../../../shared/ipc/contract';
import { err } from '../../../../../shared/result';

let app: AppWorkspace;
let home: string;
let handlers: Handlers;
const published: { name: EventName; payload: unknown }[] = [];
const dialogs = { open: [] as string[], save: [] as string[] };

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-compare-ipc-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
  handlers = createHandlers({
    home,
    openLink: async () => err('not-available', 'no'),
    workspace: app.workspace,
    publish: (name, payload) => published.push({ name, payload }),
    chooseFile: async () => {
      dialogs.open.push('opened');
      return path.join(home, 'picked.xml');
    },
    saveFile: async (suggested) => {
      dialogs.save.push(suggested);
      return path.join(home, 'saved-report.html');
    },
  });
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('compare channels', () => {
  it('pick a file through the host dialog and compare it, then save a report through the save dialog', async () => {
    const overview = await app.workspace.overview();
    const hetu = overview.ok ? overview.value.samplePatients[0]?.hetu : '';
    const search = await app.workspace.search(
      { profileId: 'sandbox', searchId: 'h0', query: { patient: hetu ?? '' } },
      () => undefined,
    );
    const row = search.ok ? search.value.rows[0] : undefined;
    if (!row) throw new Error('no document');
    const opened = await app.workspace.open('sandbox', row.resourceId);
    if (!opened.ok) throw new Error(opened.error.message);
    writeFileSync(path.join(home, 'picked.xml'), opened.value.text);

    const picked = await dispatch(handlers, 'documents:pick-file', {});
    expect(dialogs.open).toEqual(['opened']);
    expect(picked).toMatchObject({ ok: true, value: { picked: true, name: 'picked.xml' } });
    const fileId = picked.ok ? (picked.value as { fileId: string }).fileId : '';

    const compared = await dispatch(handlers, 'documents:compare', {
      compareId: 'h1',
      left: { profileId: 'sandbox', resourceId: row.resourceId },
      right: { fileId },
      ignoreProfile: 'none',
    });
    expect(
      compared.ok && (compared.value as { result: { identical: boolean } }).result,
    ).toMatchObject({ identical: true });

    const exported = await dispatch(handlers, 'documents:export-report', {
      compareId: 'h1',
      exportId: 'hx',
      format: 'html',
      redact: false,
    });
    expect(exported).toMatchObject({
      ok: true,
      value: { kind: 'saved', fileName: 'saved-report.html' },
    });
    expect(dialogs.save).toEqual([expect.stringMatching(/\.html$/)]);
    expect(existsSync(path.join(home, 'saved-report.html'))).toBe(true);
    expect(
      published.filter((event) => event.name === 'documents:export-progress').length,
    ).toBeGreaterThan(1);
  });

  it('refuse a name when the host has a dialog, and malformed requests before any handler runs', async () => {
    const named = await dispatch(handlers, 'documents:pick-file', { name: 'picked.xml' });
    expect(!named.ok && named.error.code).toBe('invalid-request');
    const traversal = await dispatch(handlers, 'documents:pick-file', { name: '../etc/passwd' });
    expect(!traversal.ok && traversal.error.message).toMatch(
      /^"\.\.\/etc\/passwd" is not a plain file name\. Type only the name of a file/,
    );
    const format = await dispatch(handlers, 'documents:export-report', {
      compareId: 'h1',
      exportId: 'hy',
      format: 'docx',
      redact: false,
    });
    expect(!format.ok && format.error.message).toBe(
      'request.format must be one of html, pdf, json, csv.',
    );
    const cancel = await dispatch(handlers, 'documents:cancel-compare', { compareId: 'h9' });
    expect(cancel).toEqual({ ok: true, value: { wasRunning: false } });
  });
});
