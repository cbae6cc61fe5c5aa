/**
 * `archivist compare` and `archivist show` with `env:NAME:<document id>` operands, against a real
 * sandbox: two versions of one setId read from the environment, a document against itself, reads
 * audited, and every bad reference refused in one line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { addSandboxProfile, startedSandbox } from '../../../support/sandbox-profiles';
import { runArchivist } from '../../support/run-cli';

let sandbox: RunningSandbox;
let versions: [string, string];
const work = mkdtempSync(join(tmpdir(), 'archivist-compare-env-'));
const home = join(work, 'home');

beforeAll(async () => {
  sandbox = await startedSandbox();
  const bySetId = new Map<string, string[]>();
  for (const [id, entry] of sandbox.store.documents) {
    if (entry.setId === undefined) continue;
    bySetId.set(entry.setId, [...(bySetId.get(entry.setId) ?? []), id]);
  }
  const chain = [...bySetId.values()].find((ids) => ids.length >= 2);
  if (!chain?.[0] || !chain[1]) throw new Error('the seed has no version chain');
  versions = [chain[0], chain[1]];
  await addSandboxProfile(home, sandbox.baseUrl);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

function compare(left: string, right: string) {
  return runArchivist(['compare', left, right, '--format', 'json', '--home', home]);
}

describe('archivist compare env:NAME:id', () => {
  it('compares two versions read from the environment and records both reads', async () => {
    const run = await compare(`env:local:${versions[0]}`, `env:local:${versions[1]}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { report } = JSON.parse(run.stdout) as {
      report: {
        identical: boolean;
        documents: {
          left: { id: string; setId?: string; source: string };
          right: { id: string; setId?: string };
        };
      };
    };
    const { left, right } = report.documents;
    expect(report.identical).toBe(false);
    expect(left.id).not.toBe(right.id);
    expect(left.setId).toBe(right.setId);
    expect(left.source).toBe(`env:local:${versions[0]}`);
    const listed = await runArchivist(['audit', 'list', '--json', '--home', home]);
    expect(listed.stdout).toContain(left.id);
    expect(listed.stdout).toContain(right.id);
  }, 60_000);

  it('finds no change between a document and itself', async () => {
    const run = await compare(`env:local:${versions[0]}`, `env:local:${versions[0]}`);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { report: { identical: boolean } }).report.identical).toBe(
      true,
    );
  }, 60_000);

  it('writes a unified patch of two versions read from the environment, both reads audited by document id', async () => {
    const fresh = join(work, 'unified-home');
    await addSandboxProfile(fresh, sandbox.baseUrl);
    const [left, right] = versions.map((id) => `env:local:${id}`);
    const run = await runArchivist([
      'compare',
      left!,
      right!,
      '--format',
      'unified',
      '--home',
      fresh,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`--- a/${left}\t\n+++ b/${left}\t\n@@ `)).toBe(true);
    const json = await runArchivist(['compare', left!, right!, '--format', 'json', '--home', home]);
    const { documents } = (
      JSON.parse(json.stdout) as {
        report: { documents: { left: { id: string }; right: { id: string } } };
      }
    ).report;
    const listed = await runArchivist(['audit', 'list', '--json', '--home', fresh]);
    const reads = (
      JSON.parse(listed.stdout) as {
        event: { action: string; entity: { what: { identifier?: { value: string } } }[] };
      }[]
    )
      .filter((record) => record.event.action === 'R')
      .map((record) =>
        record.event.entity
          .map((entity) => entity.what.identifier?.value)
          .filter((value) => !value?.startsWith('DocumentReference/'))
          .at(-1),
      );
    expect(reads).toEqual([documents.left.id, documents.right.id]);
  }, 60_000);

  it('shows a document read from the environment, audited before printing', async () => {
    const run = await runArchivist(['show', `env:local:${versions[1]}`, '--json', '--home', home]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const metadata = JSON.parse(run.stdout) as { id: { root: string }; setId?: { root: string } };
    expect(metadata.id.root).toMatch(/^[0-2](\.\d+)+$/);
    const listed = await runArchivist(['audit', 'list', '--json', '--home', home]);
    expect(listed.stdout).toContain(metadata.id.root);
  }, 60_000);

  it.each([
    ['env:local', 2, 'env:NAME:<document id>'],
    ['env:nope:seed-doc-1', 1, 'nope'],
    ['env:local:no-such-document', 1, 'env:local:no-such-document'],
  ])(
    'refuses %s in one line',
    async (operand, code, named) => {
      const run = await compare(operand, `env:local:${versions[0]}`);
      expect(run.code).toBe(code);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(named);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
