/**
 * Issue 7, "works for ... documents from two environments (AT against TK)": the bundled command
 * line, in real processes, compares `env:at:ID` with `env:tk:ID` read from two sandboxes over
 * HTTPS, each with its own data folder, its own CA and client certificate (pinned in its own
 * profile, passphrase from its own variable). The two environments store the same document with
 * one real difference (the dose); the report names both sources and their environments and finds
 * it, and the audit journal records both reads, each naming the environment it was made in.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { alwaysOpenCalendar } from '../../../../shared/environments/calendar';
import { bundleCli } from '../../../bench/bundle-cli';
import { startedSandbox } from '../../../support/sandbox-profiles';
import { testCatalog, testHetu } from '../sandbox/support/test-catalog';

const work = mkdtempSync(join(tmpdir(), 'archivist-at-tk-'));
const home = join(work, 'home');
let cli = '';
let at: RunningSandbox;
let tk: RunningSandbox;

/** The same prescription as AT and TK store it: only the dose differs. */
function prescription(dose: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.246.10.999.0.1"/>
  <code code="1" codeSystem="1.2.246.537.5.40150.2009"/>
  <title>Lääkemääräys</title>
  <setId root="1.2.246.10.999.0"/>
  <versionNumber value="1"/>
  <recordTarget><patientRole><id root="1.2.246.21" extension="${testHetu(0)}"/></patientRole></recordTarget>
  <component><structuredBody><component><section>
    <code code="1" codeSystem="1.2.3"/><title>Lääkitys</title>
    <text><paragraph>${dose}</paragraph></text>
    <entry><observation classCode="OBS" moodCode="EVN"><id root="9.9.1"/>
      <code code="1" codeSystem="1.2.3" displayName="Annostus"/><value xsi:type="ST">${dose}</value></observation></entry>
  </section></component></structuredBody></component>
</ClinicalDocument>
`;
}

/** A one-document sandbox over HTTPS with its own data folder (and so its own certificates). */
function sandboxStoring(name: string, dose: string): Promise<RunningSandbox> {
  const catalog = testCatalog(1, 1);
  const bytes = new TextEncoder().encode(prescription(dose));
  return startedSandbox({
    tls: true,
    dataDir: join(work, `${name}-data`),
    catalog: {
      ...catalog,
      documents: catalog.documents.map((d) => ({ ...d, bytes: () => bytes })),
    },
  });
}

/** Runs the bundled `archivist` (asynchronously: the sandboxes answer from this process). */
async function archivist(args: readonly string[]) {
  const env = {
    ...process.env,
    ARCHIVIST_HOME: home,
    ARCHIVIST_CODE_CACHE: 'off',
    ARCHIVIST_PASSPHRASE_AT: at.tls!.clientPkcs12Passphrase,
    ARCHIVIST_PASSPHRASE_TK: tk.tls!.clientPkcs12Passphrase,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], {
      env,
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  [cli, at, tk] = await Promise.all([
    bundleCli(join(work, 'install')),
    sandboxStoring('at', '1 tabletti aamulla'),
    sandboxStoring('tk', '2 tablettia aamulla'),
  ]);
  // Published calendars have maintenance windows; this test must not depend on the hour.
  const calendar = join(work, 'always-open.json');
  writeFileSync(calendar, JSON.stringify(alwaysOpenCalendar));
  for (const [name, kind, sandbox] of [
    ['at', 'AT', at],
    ['tk', 'TK', tk],
  ] as const) {
    const added = await archivist([
      'envs',
      'add',
      name,
      '--kind',
      kind,
      '--name',
      `Kanta ${kind}`,
      '--url',
      sandbox.baseUrl,
      '--pkcs12',
      sandbox.tls!.clientPkcs12,
      '--ca',
      sandbox.tls!.caCertificate,
      '--calendar',
      calendar,
    ]);
    if (added.code !== 0) throw new Error(`envs add ${name} was refused: ${added.stderr}`);
  }
}, 180_000);

afterAll(async () => {
  await Promise.all([at?.close(), tk?.close()]);
  rmSync(work, { recursive: true, force: true });
});

/** The part of a read AuditEvent that says where it was read. */
interface ReadEvent {
  readonly agent: readonly {
    readonly type: { readonly coding: readonly { readonly code: string }[] };
    readonly who: { readonly display?: string };
    readonly network?: { readonly address: string };
  }[];
}

/** The environment an event names (BALP's destination agent), or undefined for a local read. */
function destinationOf(event: ReadEvent) {
  const agent = event.agent.find((a) => a.type.coding.some((coding) => coding.code === '110152'));
  return agent && { name: agent.who.display, address: agent.network?.address };
}

/** The read AuditEvents of the journal (failed ones with `failed`), each as JSON text. */
async function readEvents({ failed = false } = {}): Promise<string[]> {
  const listed = await archivist(['audit', 'list', '--json']);
  if (listed.code !== 0) throw new Error(`audit list failed: ${listed.stderr}`);
  return (JSON.parse(listed.stdout) as { event: { action: string; outcome: string } }[])
    .filter((record) => record.event.action === 'R')
    .filter((record) => failed || record.event.outcome === '0')
    .map((record) => JSON.stringify(record.event));
}

describe('archivist compare env:at:ID env:tk:ID (issue 7, AT against TK)', () => {
  it('gives each sandbox its own data folder and certificates', () => {
    expect(at.tls!.directory).toBe(join(work, 'at-data', 'tls'));
    expect(tk.tls!.directory).toBe(join(work, 'tk-data', 'tls'));
    expect(readFileSync(at.tls!.caCertificate, 'utf8')).not.toBe(
      readFileSync(tk.tls!.caCertificate, 'utf8'),
    );
  });

  it('compares the document of AT with that of TK and finds the dose change', async () => {
    const run = await archivist(['compare', 'env:at:d0', 'env:tk:d0', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { report } = JSON.parse(run.stdout);
    expect(report.identical).toBe(false);
    expect(report.documents.left).toMatchObject({ source: 'env:at:d0', id: '1.2.246.10.999.0.1' });
    expect(report.documents.right).toMatchObject({ source: 'env:tk:d0', id: '1.2.246.10.999.0.1' });
    expect(report.metadataChanges).toEqual([]);
    expect((report.changes as { text: string }[]).map((change) => change.text)).toEqual([
      'section Lääkitys: narrative changed from "1 tabletti aamulla" to "2 tablettia aamulla"',
      'section Lääkitys, entry Annostus: value changed from "1 tabletti aamulla" to "2 tablettia aamulla"',
    ]);
  }, 120_000);

  it('says the same in the text format, naming both references', async () => {
    const run = await archivist(['compare', 'env:at:d0', 'env:tk:d0']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('env:at:d0');
    expect(run.stdout).toContain('env:tk:d0');
    expect(run.stdout).toContain('2 tablettia aamulla');
  }, 120_000);

  it('records a read of each side in the audit journal before printing', async () => {
    const before = await readEvents();
    const run = await archivist(['compare', 'env:at:d0', 'env:tk:d0', '--format', 'json']);
    expect(run.code).toBe(0);
    const added = (await readEvents()).slice(before.length);
    expect(added).toHaveLength(2);
    for (const event of added) {
      expect(event).toContain('"value":"1.2.246.10.999.0.1"');
      expect(event).toContain(`"value":"${testHetu(0)}"`);
    }
  }, 120_000);

  it('names the environment of each read in the audit journal, in every format', async () => {
    for (const format of ['json', 'text', 'unified']) {
      const before = await readEvents();
      const run = await archivist(['compare', 'env:at:d0', 'env:tk:d0', '--format', format]);
      expect(run.code).toBe(0);
      const added = (await readEvents()).slice(before.length);
      expect(added).toHaveLength(2);
      const [left, right] = added.map((event) => JSON.parse(event) as ReadEvent);
      expect(destinationOf(left!)).toEqual({ name: 'Kanta AT', address: at.baseUrl });
      expect(destinationOf(right!)).toEqual({ name: 'Kanta TK', address: tk.baseUrl });
    }
  }, 240_000);

  it('names both environments in the report, each document with its own', async () => {
    const run = await archivist(['compare', 'env:at:d0', 'env:tk:d0', '--format', 'json']);
    expect(run.code).toBe(0);
    const { report } = JSON.parse(run.stdout);
    expect(report.environments).toEqual(['Kanta AT', 'Kanta TK']);
    expect(report.documents.left.environment).toBe('Kanta AT');
    expect(report.documents.right.environment).toBe('Kanta TK');
  }, 120_000);

  it('names the environment of one side and none of a local file (a mixed pair)', async () => {
    const file = join(work, 'saved-here.xml');
    writeFileSync(file, prescription('1 tabletti aamulla'));
    const before = await readEvents();
    const run = await archivist(['compare', file, 'env:tk:d0', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { report } = JSON.parse(run.stdout);
    expect(report.environments).toEqual(['Kanta TK']);
    expect(report.documents.left).toMatchObject({ source: file });
    expect(report.documents.left).not.toHaveProperty('environment');
    expect(report.documents.right).toMatchObject({ source: 'env:tk:d0', environment: 'Kanta TK' });
    const [left, right] = (await readEvents())
      .slice(before.length)
      .map((event) => JSON.parse(event) as ReadEvent);
    expect(left && destinationOf(left)).toBeUndefined();
    expect(right && destinationOf(right)).toEqual({ name: 'Kanta TK', address: tk.baseUrl });
  }, 120_000);

  it('records a read that failed in its environment, with outcome 8, and says which side', async () => {
    const before = await readEvents({ failed: true });
    const run = await archivist(['compare', 'env:at:missing-1', 'env:tk:d0', '--format', 'json']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^archivist compare: env:at:missing-1: .+\n$/);
    const added = (await readEvents({ failed: true })).slice(before.length);
    expect(added).toHaveLength(1);
    const failed = JSON.parse(added[0]!) as ReadEvent & { outcome: string };
    expect(failed.outcome).toBe('8');
    expect(added[0]).toContain('"value":"missing-1"');
    expect(destinationOf(failed)).toEqual({ name: 'Kanta AT', address: at.baseUrl });
  }, 120_000);
});
