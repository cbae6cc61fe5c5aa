/**
 * `archivist envs` in-process against real sandboxes (HTTP, and HTTPS with client certificates):
 * add, list, check, remove, and every refusal with exit 1 (one line on stderr) or 2 (usage).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { envsAdd, startedSandbox } from '../../../support/sandbox-profiles';
import { runArchivist } from '../../support/run-cli';

let plain: RunningSandbox;
let secure: RunningSandbox;
const work = mkdtempSync(join(tmpdir(), 'archivist-envs-cli-'));
let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);

beforeAll(async () => {
  [plain, secure] = await Promise.all([startedSandbox(), startedSandbox({ tls: true })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close()]);
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

function expectOneLine(run: { code: number; stdout: string; stderr: string }, code: 1 | 2) {
  expect(run.code).toBe(code);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(code === 1 ? 1 : 2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('archivist envs', () => {
  it('adds, lists, checks and removes a sandbox profile', async () => {
    const home = freshHome();
    const added = await envsAdd(home, 'local', '--kind', 'sandbox', '--url', plain.baseUrl);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('Check it with: archivist envs check local');
    const listed = await runArchivist(['envs', 'list', '--json', '--home', home]);
    expect(JSON.parse(listed.stdout).profiles).toEqual([
      {
        id: 'local',
        displayName: 'local',
        kind: 'sandbox',
        repository: 'patient-data',
        isTestEnvironment: true,
        baseUrl: plain.baseUrl,
        hasClientCertificate: false,
      },
    ]);
    const checked = await runArchivist(['envs', 'check', 'local', '--json', '--home', home]);
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout);
    expect(report.connection).toEqual({
      ok: true,
      fhirVersion: '4.0.1',
      software: expect.any(String),
      documentCount: plain.store.all.length,
    });
    expect(report.calendar.inServiceHours).toBe(true);
    expect(report.isUsable).toBe(true);
    const text = await runArchivist(['envs', 'check', 'local', '--home', home]);
    expect(text.stdout).toContain('answered: FHIR 4.0.1');
    expect(text.stdout).toContain('usable: yes');
    expect((await runArchivist(['envs', 'remove', 'local', '--home', home])).code).toBe(0);
    expect((await runArchivist(['envs', 'list', '--home', home])).stdout).toBe(
      `No profiles in ${home}.\n`,
    );
  });

  it('adds a TLS profile with a passphrase reference, never the passphrase, and checks it', async () => {
    const home = freshHome();
    const tls = secure.tls!;
    const add = await envsAdd(
      home,
      'kanta-at',
      '--kind',
      'AT',
      '--url',
      secure.baseUrl,
      '--pkcs12',
      tls.clientPkcs12,
      '--ca',
      tls.caCertificate,
    );
    expect(add.code).toBe(0);
    const stored = readFileSync(join(home, 'profiles.json'), 'utf8');
    expect(JSON.parse(stored).profiles[0].tls).toEqual({
      pkcs12: tls.clientPkcs12,
      caFile: tls.caCertificate,
      passphraseRef: 'profile:kanta-at',
    });
    expect(stored).not.toMatch(/"passphrase"/);
    const env = { ARCHIVIST_PASSPHRASE_KANTA_AT: tls.clientPkcs12Passphrase };
    const checked = await runArchivist(
      ['envs', 'check', 'kanta-at', '--json', '--home', home],
      env,
    );
    expect(checked.stderr).toBe('');
    const report = JSON.parse(checked.stdout);
    expect(report.connection.ok).toBe(true);
    expect(report.certificates.findings.map((f: { code: string }) => f.code)).toContain(
      'server-accepted',
    );
    // An AT profile runs on the published calendar, so the report names the next window.
    expect(report.calendar.nextWindow.kind).toBe('maintenance');
    const without = await runArchivist(['envs', 'check', 'kanta-at', '--home', home]);
    expectOneLine(without, 1);
    expect(without.stderr).toContain('set ARCHIVIST_PASSPHRASE_KANTA_AT');
    expect(without.stdout).toContain('usable: no');
  });

  it('adds a PEM profile without a passphrase and checks it with no variable set', async () => {
    const home = freshHome();
    const tls = secure.tls!;
    const add = await envsAdd(
      home,
      'pem',
      '--kind',
      'fhir',
      '--url',
      secure.baseUrl,
      '--certificate',
      tls.clientCertificate,
      '--key',
      tls.clientKey,
      '--ca',
      tls.caCertificate,
      '--no-passphrase',
    );
    expect(add.code).toBe(0);
    const stored = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')).profiles[0];
    expect(stored.tls).toEqual({
      certificate: tls.clientCertificate,
      key: tls.clientKey,
      caFile: tls.caCertificate,
    });
    const checked = await runArchivist(['envs', 'check', 'pem', '--json', '--home', home]);
    expect(checked.stderr).toBe('');
    expect(JSON.parse(checked.stdout).isUsable).toBe(true);
  });

  it('fails a check of an environment that does not answer, in one line', async () => {
    const home = freshHome();
    await envsAdd(home, 'gone', '--kind', 'fhir', '--url', 'http://127.0.0.1:9/fhir');
    const run = await runArchivist(['envs', 'check', 'gone', '--home', home]);
    expectOneLine(run, 1);
    expect(run.stderr).toContain('Environment gone cannot be used: cannot reach 127.0.0.1:9');
  });

  it('says a check failed in the sentence every command uses, naming the profile once', async () => {
    const home = freshHome();
    const ca = join(work, 'no-such-ca.pem');
    await envsAdd(home, 'lost-ca', '--kind', 'fhir', '--url', secure.baseUrl, '--ca', ca);
    const run = await runArchivist(['envs', 'check', 'lost-ca', '--home', home]);
    expectOneLine(run, 1);
    expect(run.stderr).toBe(
      `archivist envs: Environment lost-ca cannot be used: its CA file ${ca} does not exist.\n`,
    );
  });

  it('adds a profile whose files are not there yet, with a warning naming each', async () => {
    const home = freshHome();
    const p12 = join(work, 'later.p12');
    const ca = join(work, 'later-ca.pem');
    const args = ['--kind', 'AT', '--url', 'https://at.example.fi/fhir', '--pkcs12', p12];
    const run = await runArchivist(['envs', 'add', 'later', ...args, '--ca', ca, '--home', home]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `archivist envs: warning: ${p12} does not exist (yet); checks fail until it does.\n` +
        `archivist envs: warning: ${ca} does not exist (yet); checks fail until it does.\n`,
    );
    const folder = await runArchivist([
      'envs',
      'add',
      'cases',
      '--kind',
      'folder',
      '--folder',
      work,
      '--home',
      home,
    ]);
    expect(folder.code).toBe(0);
    expect(folder.stderr).toBe('');
  });

  it('refuses bad input with one clear line', async () => {
    const home = freshHome();
    expectOneLine(await runArchivist(['envs', '--home', home]), 2);
    expectOneLine(await runArchivist(['envs', 'frob', '--home', home]), 2);
    expectOneLine(await envsAdd(home, 'x', '--url', plain.baseUrl), 2);
    expectOneLine(await envsAdd(home, 'x', '--kind', 'folder', '--url', 'http://a'), 2);
    expectOneLine(
      await envsAdd(home, 'x', '--kind', 'AT', '--url', plain.baseUrl, '--operator-name', 'A'),
      2,
    );
    const badUrl = await envsAdd(home, 'x', '--kind', 'AT', '--url', 'at.example.fi');
    expectOneLine(badUrl, 2);
    expect(badUrl.stderr).toContain('--url must be an http:// or https:// address.');
    const badKind = await envsAdd(home, 'x', '--kind', 'XX', '--url', plain.baseUrl);
    expectOneLine(badKind, 2);
    expect(badKind.stderr).toContain(
      'archivist envs: --kind must be one of sandbox, AT, TK, folder, fhir.\n',
    );
    const both = await envsAdd(
      home,
      'x',
      '--kind',
      'AT',
      '--url',
      secure.baseUrl,
      '--pkcs12',
      'a.p12',
      '--certificate',
      'c.pem',
    );
    expectOneLine(both, 2);
    expect(both.stderr).toContain('Give either --pkcs12 or --certificate (with --key), not both.');
    await envsAdd(home, 'x', '--kind', 'fhir', '--url', plain.baseUrl);
    const again = await envsAdd(home, 'x', '--kind', 'fhir', '--url', plain.baseUrl);
    expectOneLine(again, 1);
    expect(again.stderr).toContain("A profile named 'x' exists already");
    const unknown = await runArchivist(['envs', 'remove', 'nope', '--home', home]);
    expectOneLine(unknown, 1);
    expect(unknown.stderr).toBe("archivist envs: There is no environment profile named 'nope'.\n");
  });

  it.each([
    [
      ['bad_Name', '--kind', 'fhir'],
      'The profile name must be lower-case letters, digits and dashes',
    ],
    [['x', '--kind', 'fhir', '--repository', 'mine'], '--repository must be one of'],
    [['x', '--kind', 'fhir', '--organisation', 'acme'], '--organisation must be an OID'],
    [
      ['x', '--kind', 'AT', '--operator-name', 'A', '--operator-registration', '1'],
      '--operator-organisation must be an OID',
    ],
    [['x', '--kind', 'AT', '--key', 'k.pem'], '--key needs the --certificate it belongs to.'],
  ])('names the flag of a refused value, as bad usage: %j', async ([name, ...flags], message) => {
    const extra = flags.includes('--operator-name') ? ['--operator-organisation', 'acme'] : [];
    const run = await envsAdd(freshHome(), name ?? '', ...flags, ...extra, '--url', plain.baseUrl);
    expectOneLine(run, 2);
    expect(run.stderr).toContain(`archivist envs: ${message}`);
    expect(run.stderr).not.toContain('profile.');
  });

  it('refuses a calendar file that is missing or wrong, and checks a folder that is gone', async () => {
    const home = freshHome();
    const addWithCalendar = (file: string) =>
      envsAdd(home, 'c', '--kind', 'TK', '--url', plain.baseUrl, '--calendar', file);
    const missing = await addWithCalendar(join(work, 'none.json'));
    expectOneLine(missing, 1);
    expect(missing.stderr).toBe(
      `archivist envs: Cannot read ${join(work, 'none.json')} (no such file).\n`,
    );
    const file = join(work, 'calendar.json');
    writeFileSync(
      file,
      JSON.stringify({ serviceHours: { days: ['someday'], start: '08:00', end: '16:00' } }),
    );
    const wrong = await addWithCalendar(file);
    expectOneLine(wrong, 1);
    expect(wrong.stderr).toContain(`envs: ${file}: calendar.serviceHours.days must list weekdays`);
    await envsAdd(home, 'gone', '--kind', 'folder', '--folder', join(work, 'no-folder'));
    const gone = await runArchivist(['envs', 'check', 'gone', '--home', home]);
    expectOneLine(gone, 1);
    expect(gone.stderr).toBe(
      `archivist envs: Environment gone cannot be used: its folder ${join(work, 'no-folder')} does not exist.\n`,
    );
  });

  it('has help with examples', async () => {
    const help = await runArchivist(['envs', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('ARCHIVIST_PASSPHRASE_<NAME>');
  });
});
