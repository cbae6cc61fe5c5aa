/**
 * `archivist compare --format unified` on its fast path (no parsing or comparing): the bytes are
 * those of unifiedPatch over the decoded text, non-UTF-8 files keep their bytes, both reads are
 * audited before the patch is written (documents by id and patient, other files by path and
 * SHA-256), and files past the byte cap are refused with one line.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedPatch } from '../../../../shared/compare/unified-patch';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runCli } from '../../../../electron/cli/run-cli';
import { runArchivist } from '../../support/run-cli';
import { corpusDir, corpusNote, hasCorpus } from '../../shared/support/corpus';

const work = mkdtempSync(join(tmpdir(), 'archivist-unified-cli-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

let count = 0;
const fresh = (what: string) => join(work, `${what}-${count++}`);
const hasPatch = spawnSync('patch', ['--version']).status === 0;

function files(left: Uint8Array | string, right: Uint8Array | string, leftName = 'left.xml') {
  const dir = fresh('pair');
  mkdirSync(dir);
  writeFileSync(join(dir, leftName), left);
  writeFileSync(join(dir, 'right.xml'), right);
  return { dir, left: join(dir, leftName), right: join(dir, 'right.xml') };
}

/**
 * `compare --format unified` run in the left file's folder, the files named relative to it.
 * `stdout` says what stdout is: text only (the default, as a test's), or bytes to a terminal or not.
 */
async function unified(
  left: string,
  right: string,
  home: string,
  out?: string,
  stdout: { isTty: boolean; textOnly?: boolean } = { isTty: false, textOnly: true },
) {
  const cwd = dirname(left);
  let text = '';
  let stderr = '';
  const chunks: Buffer[] = [];
  const args = ['compare', relative(cwd, left), relative(cwd, right), '--format', 'unified'];
  const code = await runCli(
    [...args, ...(out === undefined ? [] : ['--out', out]), '--home', home],
    {
      stdout: (chunk) => (text += chunk),
      ...(stdout.textOnly ? {} : { stdoutBytes: (bytes) => chunks.push(Buffer.from(bytes)) }),
      stderr: (chunk) => (stderr += chunk),
      env: {},
      cwd,
      isStderrTty: false,
      isStdoutTty: stdout.isTty,
    },
  );
  return {
    code,
    stdout: text,
    stderr,
    ...(chunks.length > 0 ? { bytes: Buffer.concat(chunks) } : {}),
  };
}

async function auditedIds(home: string): Promise<(string | undefined)[][]> {
  const audit = await runArchivist(['audit', 'list', '--json', '--home', home]);
  const records = JSON.parse(audit.stdout) as {
    event: { action: string; entity: { what: { identifier?: { value: string } } }[] };
  }[];
  expect(records.every((record) => record.event.action === 'R')).toBe(true);
  return records.map((record) => record.event.entity.map((e) => e.what.identifier?.value));
}

const cda = (title: string, eol = '\n') =>
  `<?xml version="1.0" encoding="UTF-8"?>${eol}<ClinicalDocument xmlns="urn:hl7-org:v3">${eol}  <id root="1.2.246.10.1" extension="x"/>${eol}  <title>${title}</title>${eol}</ClinicalDocument>${eol}`;

describe('archivist compare --format unified', () => {
  it('writes the same bytes as unifiedPatch over the decoded UTF-8 text (BOM, CRLF, ä € 😀, a non-ASCII name)', async () => {
    const left = `\uFEFF${cda('Lääke € 😀', '\r\n')}<!-- ääkköset -->`;
    const right = `\uFEFF${cda('Lääke € 😁 muutettu', '\r\n')}<!-- ääkköset -->\n`;
    const pair = files(left, right, 'vasen äö.xml');
    const out = join(pair.dir, 'fix.patch');
    const run = await unified(pair.left, pair.right, fresh('home'), out);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const expected = unifiedPatch(left, right, 'vasen äö.xml').patch;
    expect(expected).toContain('+++ "b/vasen \\303\\244\\303\\266.xml"'); // quoted as git does
    expect(readFileSync(out)).toEqual(Buffer.from(expected, 'utf8'));
    const toStdout = await unified(pair.left, pair.right, fresh('home'));
    expect(toStdout.stdout).toBe(expected);
  });

  it('prints an empty patch and a note for identical files, and still records both reads', async () => {
    const pair = files(cda('A'), cda('A'));
    const home = fresh('home');
    const run = await unified(pair.left, pair.right, home);
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: 'archivist compare: The files are identical: the patch is empty.\n',
    });
    expect(await auditedIds(home)).toEqual([['1.2.246.10.1^x'], ['1.2.246.10.1^x']]);
  });

  it.skipIf(!hasPatch)(
    'keeps the bytes of files that are not UTF-8: exact on stdout taking bytes and with --out, refused on a terminal',
    async () => {
      const left = Buffer.from('rivi 1\nT\xe4m\xe4 on Latin-1\nrivi 3\n', 'latin1');
      const right = Buffer.from('rivi 1\nT\xe4m\xe4 on muutettu \xff\nrivi 3\n', 'latin1');
      const pair = files(left, right);
      const expected = Buffer.from(
        unifiedPatch(left.toString('latin1'), right.toString('latin1'), 'left.xml').patch,
        'latin1',
      );
      const refusal =
        "archivist compare: The files are not UTF-8: redirect the patch to a file (> fix.patch) or give --out FILE, so that its bytes stay exact.\nRun 'archivist compare --help' for usage.\n";
      for (const stdout of [{ isTty: true }, { isTty: false, textOnly: true }]) {
        const refused = await unified(pair.left, pair.right, fresh('home'), undefined, stdout);
        expect(refused).toMatchObject({ code: 2, stdout: '', stderr: refusal });
      }
      const piped = await unified(pair.left, pair.right, fresh('home'), undefined, {
        isTty: false,
      });
      expect(piped).toMatchObject({ code: 0, stderr: '' });
      expect(piped.bytes).toEqual(expected);
      const out = join(pair.dir, 'fix.patch');
      expect((await unified(pair.left, pair.right, fresh('home'), out)).code).toBe(0);
      expect(readFileSync(out)).toEqual(expected);
      const applied = spawnSync('patch', ['--quiet', '-i', 'fix.patch'], { cwd: pair.dir });
      expect(applied.status).toBe(0);
      expect(readFileSync(pair.left)).toEqual(right);
    },
  );

  it.skipIf(!hasCorpus)(
    `audits the same reads as the full comparison does${corpusNote}`,
    async () => {
      const pair = files(
        readFileSync(join(corpusDir, 'kanta-cda-api', 'Esko__4_Renitec_LM.xml')),
        readFileSync(join(corpusDir, 'kanta-cda-api', 'Esko__4_Renitec_KOR.xml')),
      );
      const [fast, full] = [fresh('home'), fresh('home')];
      expect((await unified(pair.left, pair.right, fast, join(pair.dir, 'p'))).code).toBe(0);
      const text = await runArchivist(['compare', pair.left, pair.right, '--home', full]);
      expect(text.code).toBe(0);
      expect(await auditedIds(fast)).toEqual(await auditedIds(full));
      expect(await auditedIds(fast)).toEqual([
        ['231069-9711', '1.2.246.10.6794809.93001.2015.413'],
        ['231069-9711', '1.2.246.10.6794809.93001.2015.415'],
      ]);
    },
  );

  it('patches files that are no readable documents and names each read by path and SHA-256', async () => {
    const left = 'not a document\n';
    const right = '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>x</ClinicalDocument>\n';
    const pair = files(left, right, 'notes.txt');
    const home = fresh('home');
    const run = await unified(pair.left, pair.right, home);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(unifiedPatch(left, right, 'notes.txt').patch);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(await auditedIds(home)).toEqual([
      [`${pair.left}#sha256=${sha(left)}`],
      [`${pair.right}#sha256=${sha(right)}`],
    ]);
  });

  it('writes nothing when the audit journal cannot be written', async () => {
    const pair = files(cda('A'), cda('B'));
    const homeIsAFile = join(pair.dir, 'not-a-folder');
    writeFileSync(homeIsAFile, 'x');
    const out = join(pair.dir, 'fix.patch');
    const run = await unified(pair.left, pair.right, homeIsAFile, out);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file past the 50 MB cap with one line, before reading the journal', async () => {
    const pair = files(cda('A'), cda('B'));
    const big = join(pair.dir, 'big.xml');
    copyFileSync(pair.left, big);
    truncateSync(big, 51 * 1024 * 1024); // sparse: cheap to make and to read
    const home = fresh('home');
    const run = await unified(pair.left, big, home);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(
      /^archivist compare: The right document \(big\.xml\) is 51(\.0)? MB, more than the 50(\.0)? MB Archivist reads; it refuses larger files to protect itself\.\n$/,
    );
    expect(existsSync(join(home, 'audit'))).toBe(false);
  });
});
