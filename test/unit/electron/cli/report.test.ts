import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { listRecords } from '../../../../electron/services/audit/reader';
import { toRow } from '../../../../shared/audit/filter';
import { latestCheckpoint } from '../../../../electron/services/report/export-report';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runArchivist } from '../../support/run-cli';
import {
  bodyNames,
  leftXml,
  nonTestCode,
  patientCode,
  rightDosage,
  rightXml,
} from '../services/report/report-fixture';
import { validateReport } from '../../../support/report-schema';

const work = mkdtempSync(join(tmpdir(), 'archivist-report-cli-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});
let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);
const left = join(work, 'v1.xml');
const right = join(work, 'v2.xml');
writeFileSync(left, leftXml);
writeFileSync(right, rightXml);

async function report(format: string, out: string, home: string, ...more: string[]) {
  return runArchivist([
    'compare',
    left,
    right,
    '--format',
    format,
    '--out',
    out,
    '--home',
    home,
    ...more,
  ]);
}

describe('archivist compare → reports', () => {
  it('writes an HTML report, audits the export before it, and names the checkpoint that covers it', async () => {
    const home = freshHome();
    const out = join(work, 'audited.html');
    const run = await report('html', out, home);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(rightDosage);
    const rows = listRecords(home, {}).map(toRow);
    expect(rows.map((row) => row.kind)).toEqual(['read', 'read', 'export']);
    const exported = listRecords(home, {}).at(-1)!;
    expect(JSON.stringify(exported)).toContain(out);
    // Both local files by name and version, the format and profile, the file (review 9, defect 5).
    const detail = toRow(exported).detail;
    expect(detail).toContain(`left: local file ${left}, document `);
    expect(detail).toContain(`right: local file ${right}, document `);
    expect(detail).toMatch(/left: .*, version 1; right: .*, version 2; /);
    expect(detail).toMatch(
      /HTML comparison report, ignore profile \S+ \(sha256 [0-9a-f]{12}…\), to file audited\.html$/,
    );
    const checkpoint = latestCheckpoint(home)!;
    expect(checkpoint.sequence).toBe(exported.sequence);
    expect(html).toContain(checkpoint.hash);
    expect(html).toContain(checkpoint.signature);
  });

  it('report verify: OK for an untouched report; exit 1 naming the body or the source when a byte changed', async () => {
    const out = join(work, 'verify.csv');
    expect((await report('csv', out, freshHome())).code).toBe(0);
    expect(await runArchivist(['report', 'verify', out])).toEqual({
      code: 0,
      stdout: 'OK\n',
      stderr: '',
    });
    const bytes = readFileSync(out);
    const body = Buffer.from(bytes);
    body[bytes.indexOf('tabletti')] = 0x54; // t → T
    writeFileSync(join(work, 'body.csv'), body);
    const altered = await runArchivist(['report', 'verify', join(work, 'body.csv')]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toBe('');
    expect(altered.stderr).toMatch(
      /^archivist report: .*body\.csv: The report body was altered: [^\n]*\n$/,
    );
    const source = Buffer.from(bytes);
    const at = bytes.indexOf('"side":"left"');
    const base64At = bytes.indexOf('"base64":"', at) + 10 + 100;
    source[base64At] = source[base64At] === 0x41 ? 0x42 : 0x41;
    writeFileSync(join(work, 'source.csv'), source);
    const changed = await runArchivist(['report', 'verify', join(work, 'source.csv'), '--json']);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toMatchObject({
      ok: false,
      code: 'report-source-altered',
      message: expect.stringMatching(/^The embedded left source \(.*v1\.xml\) was altered/),
    });
  });

  it('a redacted report and redacted text hold none of the identity codes; the report still verifies', async () => {
    const out = join(work, 'redacted.html');
    expect((await report('html', out, freshHome(), '--redact')).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const code of [patientCode, nonTestCode]) expect(html).not.toContain(code);
    expect(html).toContain('REDACTED REPORT');
    expect((await runArchivist(['report', 'verify', out])).stdout).toBe('OK\n');
    const text = await runArchivist(['compare', left, right, '--redact', '--home', freshHome()]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('NAME-');
    for (const secret of [patientCode, nonTestCode, 'Backman', ...bodyNames])
      expect(text.stdout).not.toContain(secret);
    const plain = await runArchivist(['compare', left, right, '--home', freshHome()]);
    expect(bodyNames.some((name) => plain.stdout.includes(name))).toBe(true);
  });

  it('--format json is the schema-valid report with its manifest; report verify checks it; --json is the same', async () => {
    const out = join(work, 'report.json');
    expect((await report('json', out, freshHome())).code).toBe(0);
    const parsed: unknown = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateReport(parsed), JSON.stringify(validateReport.errors)).toBe(true);
    const { report: body, manifest } = parsed as {
      report: {
        identical: boolean;
        profile: { id: string; sha256: string };
        metadataChanges: { path: string; left?: string; right?: string }[];
        changes: { text: string }[];
        content: { changes: { added: string[] }[] };
        hidden: { byRule: unknown[] };
      };
      manifest: { reportFormat: string; sources: { base64?: string }[] };
    };
    expect(manifest.reportFormat).toBe('json');
    expect(manifest.sources.every((source) => typeof source.base64 === 'string')).toBe(true);
    expect(body.identical).toBe(false);
    expect(body.profile).toMatchObject({
      id: 'default',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.metadataChanges).toContainEqual(
      expect.objectContaining({ path: 'versionNumber', left: '1', right: '2' }),
    );
    expect(body.changes.map((change) => change.text).join('\n')).toContain(rightDosage);
    expect(body.content.changes.flatMap((change) => change.added).join('\n')).toContain(
      rightDosage,
    );
    expect(Array.isArray(body.hidden.byRule)).toBe(true);
    expect((await runArchivist(['report', 'verify', out])).stdout).toBe('OK\n');
    const tampered = join(work, 'tampered.json');
    writeFileSync(tampered, readFileSync(out, 'utf8').replace(rightDosage, 'toinen annos'));
    expect((await runArchivist(['report', 'verify', tampered])).code).toBe(1);

    const stdout = await runArchivist([
      'compare',
      left,
      right,
      '--json',
      '--without-sources',
      '--home',
      freshHome(),
    ]);
    expect(stdout.code).toBe(0);
    const viaFlag = JSON.parse(stdout.stdout) as {
      report: Record<string, unknown>;
      manifest: { sources: { base64?: string }[] };
    };
    expect(viaFlag.manifest.sources.map((source) => source.base64)).toEqual([undefined, undefined]);
    // The same report; only the time, the checkpoint (another home) and the sources differ.
    const same = (value: Record<string, unknown>) => ({
      ...value,
      createdAt: undefined,
      auditCheckpoint: undefined,
    });
    expect(same(viaFlag.report)).toEqual(
      same((parsed as { report: Record<string, unknown> }).report),
    );
  });

  it('--json --redact: the report JSON, schema-valid, with no identity code or name of either document', async () => {
    const run = await runArchivist([
      'compare',
      left,
      right,
      '--json',
      '--redact',
      '--home',
      freshHome(),
    ]);
    expect(run.code).toBe(0);
    const parsed: unknown = JSON.parse(run.stdout);
    expect(validateReport(parsed), JSON.stringify(validateReport.errors)).toBe(true);
    for (const secret of [patientCode, nonTestCode, 'Taina', 'Backman', ...bodyNames])
      expect(run.stdout).not.toContain(secret);
    const { report: body, manifest } = parsed as {
      report: { redaction: { isRedacted: boolean; limitation?: string } };
      manifest: { redacted: boolean };
    };
    expect(body.redaction.isRedacted).toBe(true);
    expect(manifest.redacted).toBe(true);
    expect(body.redaction.limitation).toContain('free text');
  });

  it('refuses the removed json-report format as bad usage', async () => {
    const run = await runArchivist(['compare', left, right, '--format', 'json-report']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of text, unified, json, html, pdf, csv.');
  });

  it('draws a progress bar on stderr only when stderr is a terminal', async () => {
    let stderr = '';
    const code = await runCli(
      [
        'compare',
        left,
        right,
        '--format',
        'html',
        '--out',
        join(work, 'tty.html'),
        '--home',
        // An existing home: a new one adds its "created the home folder" line after the bar.
        mkdtempSync(join(work, 'tty-home-')),
      ],
      {
        stdout: () => {},
        stderr: (text) => (stderr += text),
        env: {},
        cwd: work,
        isStderrTty: true,
      },
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/\r\[#+\.*\] +\d+% /);
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('a PDF without a Chromium fails with one line naming what to install and writes nothing', async () => {
    const out = join(work, 'none.pdf');
    const run = await runArchivist(
      ['compare', left, right, '--format', 'pdf', '--out', out, '--home', freshHome()],
      { CHROMIUM_PATH: join(work, 'no-chromium') },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(existsSync(out)).toBe(false);
  });
});

describe('archivist report usage', () => {
  it('exit 2 for a missing or unknown action and a missing file; exit 1 for an unreadable file or a non-report', async () => {
    for (const args of [
      ['report'],
      ['report', 'check', 'x'],
      ['report', 'verify'],
      ['report', 'verify', 'a', 'b'],
    ]) {
      const run = await runArchivist(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Run 'archivist report --help' for usage\.\n$/);
    }
    const missing = await runArchivist(['report', 'verify', join(work, 'nope.html')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('(no such file).');
    const plain = await runArchivist(['report', 'verify', left]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('This is not an Archivist report: ');
    expect(plain.stderr).not.toContain('read as CSV');
  });
});
