/**
 * Issue 7, "works for ... documents from two environments (AT against TK)": the bundled command
 * line, in real processes, compares `env:at:ID` with `env:tk:ID` read from two sandboxes over
 * HTTPS, each with its own data folder, its own CA and client certificate (pinned in its own
 * profile, passphrase from its own variable). The two environments store the same document with
 * one real difference (the dose); the report names both sources and finds it, and the audit
 * journal records both reads.
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

/** The read AuditEvents of the journal, each as JSON text. */
async function readEvents(): Promise<string[]> {
  const listed = await archivist(['audit', 'list', '--json']);
  if (listed.code !== 0) throw new Error(`audit list failed: ${listed.stderr}`);
  return (JSON.parse(listed.stdout) as { event: { action: string } }[])
    .filter((record) => record.event.action === 'R')
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

  // Known gaps (see the README's testing notes): the command line passes no environment to the
  // audit context or the report model for env: operands. These fail once that is fixed: then
  // drop `.fails`.
  it.fails(
    'names the environment of each read in the audit journal',
    async () => {
      const before = await readEvents();
      await archivist(['compare', 'env:at:d0', 'env:tk:d0', '--format', 'json']);
      const added = (await readEvents()).slice(before.length);
      expect(added).toHaveLength(2);
      expect(added.filter((event) => event.includes(at.baseUrl))).toHaveLength(1);
      expect(added.filter((event) => event.includes(tk.baseUrl))).toHaveLength(1);
    },
    120_000,
  );

  it.fails(
    'names both environments in the report',
    async () => {
      const run = await archivist(['compare', 'env:at:d0', 'env:tk:d0', '--format', 'json']);
      const { report } = JSON.parse(run.stdout);
      expect(report.environments).toHaveLength(2);
      expect(report.documents.left.environment).toMatch(/AT|at/);
      expect(report.documents.right.environment).toMatch(/TK|tk/);
    },
    120_000,
  );
});
