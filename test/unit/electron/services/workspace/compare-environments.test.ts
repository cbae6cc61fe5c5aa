/**
 * Issue 7, "works for ... documents from two environments (AT against TK), and a document against
 * a local file", in the app's compare: two real sandboxes stand in for AT and TK (profiles in the
 * home folder, as a tester adds them), each storing the same prescription with another dose. Each
 * read is audited naming its own environment, and an exported report names each document's
 * environment; a local file against TK names TK only, and the export is TK's operator's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../../electron/services/audit/reader';
import type { RunningSandbox } from '../../../../../electron/sandbox/server';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import type { AuditEvent } from '../../../../../shared/audit/event';
import { addAlwaysOpenProfiles, startedSandbox } from '../../../../support/sandbox-profiles';
import { testCatalog, testHetu } from '../../sandbox/support/test-catalog';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-app-at-tk-'));
const home = path.join(work, 'home');
let app: AppWorkspace;
let at: RunningSandbox;
let tk: RunningSandbox;

/** The same document as AT and TK store it: only the dose differs. */
function document(dose: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.999.0.1"/>
  <code code="1" codeSystem="1.2.246.537.5.40150.2009"/>
  <title>Lääkitys</title>
  <recordTarget><patientRole><id root="1.2.246.21" extension="${testHetu(0)}"/></patientRole></recordTarget>
  <component><structuredBody><component><section>
    <title>Lääkitys</title><text><paragraph>${dose}</paragraph></text>
  </section></component></structuredBody></component>
</ClinicalDocument>
`;
}

function sandboxStoring(dose: string): Promise<RunningSandbox> {
  const catalog = testCatalog(1, 1);
  const bytes = new TextEncoder().encode(document(dose));
  return startedSandbox({
    catalog: {
      ...catalog,
      documents: catalog.documents.map((d) => ({ ...d, bytes: () => bytes })),
    },
  });
}

beforeAll(async () => {
  [at, tk] = await Promise.all([sandboxStoring('1 tabletti'), sandboxStoring('2 tablettia')]);
  const operator = ['--operator-registration', '123456', '--operator-organisation', '1.2.246.10.1'];
  await addAlwaysOpenProfiles(home, [
    ['at', 'AT', 'Asiakastesti', at.baseUrl, ['--operator-name', 'Testi Tarkastaja', ...operator]],
    ['tk', 'TK', 'Kanta TK', tk.baseUrl, ['--operator-name', 'Tuotannon Kuvaaja', ...operator]],
  ]);
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 10_000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.close(), at?.close(), tk?.close()]);
  rmSync(work, { recursive: true, force: true });
});

/** The environment an event names (BALP's destination agent), or undefined for a local read. */
function destinationOf(event: AuditEvent) {
  const agent = event.agent.find((a) => a.type.coding.some((coding) => coding.code === '110152'));
  return agent && { name: agent.who.display, address: agent.network?.address };
}

/** The requesting user an event names. */
const operatorOf = (event: AuditEvent) => event.agent.find((a) => a.requestor)?.who.display;

/** Exports comparison `compareId` as JSON (a download: no save dialog here) and parses it. */
async function exportedReport(compareId: string) {
  const exported = await app.workspace.exportReport(compareId, {
    exportId: `x-${compareId}`,
    format: 'json',
    redact: false,
    onProgress: () => undefined,
  });
  if (!exported.ok) throw new Error(exported.error.message);
  if (exported.value.kind !== 'download') throw new Error(exported.value.kind);
  return JSON.parse(Buffer.from(exported.value.base64, 'base64').toString('utf8')).report;
}

describe('the app compares documents from two environments', () => {
  it('audits each read naming its environment and operator, and the report names both', async () => {
    const before = listRecords(home, { action: 'R' }).length;
    const compared = await app.workspace.compare({
      compareId: 'at-tk',
      left: { profileId: 'at', resourceId: 'd0' },
      right: { profileId: 'tk', resourceId: 'd0' },
      ignoreProfile: 'auto',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    expect(compared.value.result.identical).toBe(false);
    const reads = listRecords(home, { action: 'R' })
      .slice(before)
      .map((record) => record.event);
    expect(reads.map(destinationOf)).toEqual([
      { name: 'Asiakastesti', address: at.baseUrl },
      { name: 'Kanta TK', address: tk.baseUrl },
    ]);
    expect(reads.map(operatorOf)).toEqual(['Testi Tarkastaja', 'Tuotannon Kuvaaja']);

    const report = await exportedReport('at-tk');
    // The kind is added to a name that does not say it.
    expect(report.environments).toEqual(['Asiakastesti (AT)', 'Kanta TK']);
    expect(report.documents.left).toMatchObject({
      source: 'env:at:d0',
      environment: 'Asiakastesti (AT)',
    });
    expect(report.documents.right).toMatchObject({ source: 'env:tk:d0', environment: 'Kanta TK' });
    expect(report.operator).toBe('Testi Tarkastaja');
  }, 60_000);

  it('names the environment of one side and none of a local file, the export under TK', async () => {
    mkdirSync(path.join(home, 'local-files'), { recursive: true });
    writeFileSync(path.join(home, 'local-files', 'saved.xml'), document('1 tabletti'));
    const picked = await app.workspace.pickFile('saved.xml');
    if (!picked.ok || !picked.value.picked) throw new Error('not picked');
    const before = listRecords(home, { action: 'R' }).length;
    const compared = await app.workspace.compare({
      compareId: 'file-tk',
      left: { fileId: picked.value.fileId },
      right: { profileId: 'tk', resourceId: 'd0' },
      ignoreProfile: 'auto',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    const reads = listRecords(home, { action: 'R' })
      .slice(before)
      .map((record) => record.event);
    expect(reads.map(destinationOf)).toEqual([
      undefined,
      { name: 'Kanta TK', address: tk.baseUrl },
    ]);

    const report = await exportedReport('file-tk');
    expect(report.environments).toEqual(['Kanta TK']);
    expect(report.documents.left.source).toBe('saved.xml');
    expect(report.documents.left).not.toHaveProperty('environment');
    expect(report.documents.right).toMatchObject({ source: 'env:tk:d0', environment: 'Kanta TK' });
    expect(report.operator).toBe('Tuotannon Kuvaaja');
    const exports = listRecords(home, {})
      .map((record) => record.event)
      .filter((event) => JSON.stringify(event).includes('download comparison-'));
    const last = exports.at(-1)!;
    // An export names each environment its documents came from as a source (DCM 110153); the
    // local file is named in its side's entity.
    const sources = last.agent.filter((a) => a.type.coding.some((c) => c.code === '110153'));
    expect(sources.map((a) => ({ name: a.who.display, address: a.network?.address }))).toEqual([
      { name: 'Kanta TK', address: tk.baseUrl },
    ]);
    expect(last.entity.find((e) => e.name === 'left')?.description).toMatch(
      /^left: local file saved\.xml, document /,
    );
  }, 60_000);
});
