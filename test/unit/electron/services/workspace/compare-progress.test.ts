/**
 * A comparison's phases reach the renderer as `documents:compare-progress` events, through the
 * real dispatch and workspace (a sandbox environment and local files), and a local file's name
 * and size are there before any comparison (`documents:file-info`), never its path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../electron/services/dispatch';
import { createHandlers, type Handlers } from '../../../../../electron/services/handlers';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import type { CompareProgressEvent } from '../../../../../shared/ipc/compare-progress';
import type { EventName } from '../../../../../shared/ipc/contract';
import { err } from '../../../../../shared/result';
import { leftXml, rightXml } from '../report/report-fixture-documents';

let app: AppWorkspace;
let home: string;
let handlers: Handlers;
const published: { name: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-compare-progress-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
  handlers = createHandlers({
    home,
    openLink: async () => err('not-available', 'no'),
    workspace: app.workspace,
    publish: (name, payload) => published.push({ name, payload }),
  });
  mkdirSync(path.join(home, 'local-files'));
  writeFileSync(path.join(home, 'local-files', 'left.xml'), leftXml);
  writeFileSync(path.join(home, 'local-files', 'right.xml'), rightXml);
}, 60_000);
afterAll(async () => {
  await app.close();
});

/** The compare progress events of one comparison, in order. */
function progressOf(compareId: string): CompareProgressEvent[] {
  return published
    .filter((event) => event.name === 'documents:compare-progress')
    .map((event) => event.payload as CompareProgressEvent)
    .filter((event) => event.compareId === compareId);
}

async function pick(name: string): Promise<string> {
  const picked = await app.workspace.pickFile(name);
  if (!picked.ok || !picked.value.picked) throw new Error(`cannot pick ${name}`);
  return picked.value.fileId;
}

const comparingSteps = ['metadata', 'canonical', 'lines', 'change-list', 'narrative'].map(
  (step) => ({ kind: 'comparing', step }),
);

describe('compare progress events', () => {
  it('tell the fetching from the environment, the reading and each comparing step', async () => {
    const overview = await app.workspace.overview();
    const hetu = overview.ok ? overview.value.samplePatients[0]?.hetu : '';
    const search = await app.workspace.search(
      { profileId: 'sandbox', searchId: 'p0', query: { patient: hetu ?? '' } },
      () => undefined,
    );
    const [first, second] = search.ok ? search.value.rows : [];
    if (!first || !second) throw new Error('the sandbox has no two documents');
    const left = { profileId: 'sandbox', resourceId: first.resourceId };
    const right = { profileId: 'sandbox', resourceId: second.resourceId };
    const compared = await dispatch(handlers, 'documents:compare', {
      compareId: 'p1',
      left,
      right,
      ignoreProfile: 'none',
    });
    expect(compared.ok).toBe(true);
    const phases = progressOf('p1').map((event) => event.phase);
    expect(phases[0]).toEqual({
      kind: 'fetching',
      sides: [
        { side: 'left', ...left },
        { side: 'right', ...right },
      ],
    });
    const reading = phases.filter((phase) => phase.kind === 'reading');
    expect(reading.map((phase) => phase.sides.map((side) => side.side))).toEqual([
      ['left'],
      ['right'],
    ]);
    expect(reading[0]?.sides[0]?.byteSize).toBeGreaterThan(1000);
    expect(phases.slice(-comparingSteps.length)).toEqual(comparingSteps);
  });

  it('tell no fetching for local files, and nothing more once the comparison is cancelled', async () => {
    const [left, right] = [{ fileId: await pick('left.xml') }, { fileId: await pick('right.xml') }];
    const compared = await app.workspace.compare(
      { compareId: 'p2', left, right, ignoreProfile: 'none' },
      (event) => published.push({ name: 'documents:compare-progress', payload: event }),
    );
    expect(compared.ok).toBe(true);
    const phases = progressOf('p2').map((event) => event.phase);
    expect(phases[0]).toEqual({
      kind: 'reading',
      sides: [{ side: 'left', byteSize: new TextEncoder().encode(leftXml).byteLength }],
    });
    expect(phases.some((phase) => phase.kind === 'fetching')).toBe(false);

    // Cancelled as its first phase is told: the worker still finishes, but tells no more.
    const running = app.workspace.compare(
      { compareId: 'p3', left, right, ignoreProfile: 'none' },
      (event) => {
        published.push({ name: 'documents:compare-progress', payload: event });
        app.workspace.cancelCompare('p3');
      },
    );
    expect(await running).toMatchObject({ ok: false, error: { code: 'compare-cancelled' } });
    expect(progressOf('p3').map((event) => event.phase.kind)).toEqual(['reading']);
  });
});

describe('documents:file-info', () => {
  it("answers a picked file's name and its size now, and no path", async () => {
    const fileId = await pick('left.xml');
    const info = await dispatch(handlers, 'documents:file-info', { fileId });
    const size = new TextEncoder().encode(leftXml).byteLength;
    expect(info).toEqual({ ok: true, value: { fileId, name: 'left.xml', byteSize: size } });
    writeFileSync(path.join(home, 'local-files', 'left.xml'), `${leftXml}\n\n`);
    expect(await dispatch(handlers, 'documents:file-info', { fileId })).toMatchObject({
      ok: true,
      value: { byteSize: size + 2 },
    });
  });

  it('says a file is unknown, gone, or that the id is not one, in words', async () => {
    const unknown = await dispatch(handlers, 'documents:file-info', { fileId: 'file-unknownid12' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'file-unknown' } });
    const malformed = await dispatch(handlers, 'documents:file-info', { fileId: '/etc/passwd' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    writeFileSync(path.join(home, 'local-files', 'brief.xml'), leftXml);
    const fileId = await pick('brief.xml');
    rmSync(path.join(home, 'local-files', 'brief.xml'));
    expect(await dispatch(handlers, 'documents:file-info', { fileId })).toEqual({
      ok: false,
      error: {
        code: 'file-unreadable',
        message: 'The file brief.xml is gone (moved or deleted since it was chosen).',
      },
    });
  });
});
