/**
 * Review 9, defect 1 on the command line: `archivist compare env:at:ID env:tk:ID` said
 * "identical" although TK had the document invalidated. Two real sandboxes store the same bytes,
 * TK's DocumentReference entered-in-error; the text, the JSON report and the CSV name each side's
 * stored status and list the difference. A local file has none, and none is invented for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { alwaysOpenCalendar } from '../../../../shared/environments/calendar';
import { envsAdd, startedSandbox } from '../../../support/sandbox-profiles';
import { runArchivist } from '../../support/run-cli';
import { testCatalog, testHetu } from '../sandbox/support/test-catalog';

const work = mkdtempSync(join(tmpdir(), 'archivist-stored-status-'));
const home = join(work, 'home');
let at: RunningSandbox;
let tk: RunningSandbox;

const cda = `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.999.0.1"/>
  <title>Lääkitys</title>
  <recordTarget><patientRole><id root="1.2.246.21" extension="${testHetu(0)}"/></patientRole></recordTarget>
  <component><structuredBody><component><section><title>Lääkitys</title><text>1 tabletti</text></section></component></structuredBody></component>
</ClinicalDocument>
`;

function sandboxStoring(status: 'current' | 'entered-in-error'): Promise<RunningSandbox> {
  const catalog = testCatalog(1, 1);
  const bytes = new TextEncoder().encode(cda);
  return startedSandbox({
    catalog: {
      ...catalog,
      documents: catalog.documents.map((d) => ({
        ...d,
        documentReference: { ...d.documentReference, status },
        bytes: () => bytes,
      })),
    },
  });
}

const compare = (...args: string[]) =>
  runArchivist(['compare', ...args, '--home', home], { ARCHIVIST_HOME: home });

beforeAll(async () => {
  [at, tk] = await Promise.all([sandboxStoring('current'), sandboxStoring('entered-in-error')]);
  const calendar = join(work, 'always-open.json');
  writeFileSync(calendar, JSON.stringify(alwaysOpenCalendar));
  writeFileSync(join(work, 'saved.xml'), cda);
  for (const [name, kind, sandbox] of [
    ['at', 'AT', at],
    ['tk', 'TK', tk],
  ] as const) {
    const added = await envsAdd(
      home,
      name,
      ...['--kind', kind, '--name', `Kanta ${kind}`, '--url', sandbox.baseUrl],
      ...['--calendar', calendar],
    );
    if (added.code !== 0) throw new Error(`envs add ${name} was refused: ${added.stderr}`);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([at?.close(), tk?.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('archivist compare names each side’s stored status', () => {
  it('says the same bytes current in AT and invalidated in TK differ, in text', async () => {
    const run = await compare('env:at:d0', 'env:tk:d0');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'left:  env:at:d0: cda 1.2.246.10.999.0.1 "Lääkitys", stored current',
    );
    expect(run.stdout).toContain(
      'right: env:tk:d0: cda 1.2.246.10.999.0.1 "Lääkitys", stored invalidated (entered-in-error)',
    );
    expect(run.stdout).not.toContain('identical');
    expect(run.stdout).toMatch(/stored ?status changed from "current" to "invalidated"/i);
  }, 60_000);

  it('puts both statuses and the difference in the JSON report and the CSV', async () => {
    const json = await compare('env:tk:d0', 'env:at:d0', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout).report;
    expect(report.identical).toBe(false);
    expect(report.documents.left.storedStatus).toBe('invalidated');
    expect(report.documents.right.storedStatus).toBe('current');
    expect(report.metadataChanges).toEqual([
      expect.objectContaining({ path: 'storedStatus', kind: 'changed' }),
    ]);
    const csv = await compare('env:at:d0', 'env:tk:d0', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(
      'document,storedStatus,current,invalidated (entered-in-error),\r\n',
    );
  }, 60_000);

  it('gives a local file no stored status, and finds it identical to AT’s current document', async () => {
    const run = await compare(join(work, 'saved.xml'), 'env:at:d0');
    expect(run.code).toBe(0);
    const [left, right] = run.stdout.split('\n').filter((line) => /^(left|right):/.test(line));
    expect(left).not.toContain(', stored');
    expect(right).toContain(', stored current');
    expect(run.stdout).toContain('identical');
    const json = await compare(join(work, 'saved.xml'), 'env:at:d0', '--json');
    const report = JSON.parse(json.stdout).report;
    expect(report.documents.left).not.toHaveProperty('storedStatus');
    expect(report.documents.right.storedStatus).toBe('current');
  }, 60_000);
});
