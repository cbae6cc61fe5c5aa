/**
 * A new user's review of the command line (issue 7): profile files saved by Notepad, every
 * problem of a profile file in one message, a profile that takes a shipped id, `help COMMAND`,
 * a new home folder made without a word, and FHIR JSON given to compare.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-new-user-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});
let count = 0;
const home = () => join(work, `home-${count++}`);

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const doc = file(
  'doc.xml',
  '<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.246.10.1"/><title>A</title></ClinicalDocument>',
);
const rule = { id: 'title', target: 'model', pattern: 'title', reason: 'Free text here.' };
const compareWith = (profile: string) =>
  runArchivist(['compare', doc, doc, '--ignore', profile, '--home', home()]);

describe('compare --ignore FILE', () => {
  it('reads a profile file saved with a UTF-8 byte order mark', async () => {
    const profile = { id: 'mine', title: 'Mine', extends: 'default', rules: [rule] };
    const run = await compareWith(file('bom.json', `\uFEFF${JSON.stringify(profile)}`));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('ignore profile: mine');
  });

  it('names the line and column of a JSON mistake', async () => {
    const path = file('comma.json', '{\n  "id": "mine",\n  "rules": [],\n}\n');
    expect(await compareWith(path)).toEqual({
      code: 1,
      stdout: '',
      stderr: `archivist compare: The ignore profile ${path} is not valid JSON at line 4, column 1: unexpected "}".\n`,
    });
  });

  it('names every problem at once: a bad rule, a duplicate id and an unknown extends, with the file', async () => {
    const profile = {
      id: 'mine',
      title: 'Mine',
      extends: 'defualt',
      rules: [{ ...rule, reason: '' }, rule],
    };
    const path = file('many.json', JSON.stringify(profile));
    expect((await compareWith(path)).stderr).toBe(
      `archivist compare: The ignore profile ${path} is not valid: rule "title" needs a "reason" a tester can read; 2 rules have the id "title": give each its own; it extends "defualt", which is not a known profile (known: default, archive-filled, prescription).\n`,
    );
  });

  it('refuses a profile with the id of a shipped one, exit 1 like an unknown profile id', async () => {
    const path = file(
      'default-copy.json',
      JSON.stringify({ id: 'default', title: 'Mine', rules: [rule] }),
    );
    expect(await compareWith(path)).toEqual({
      code: 1,
      stdout: '',
      stderr: `archivist compare: The ignore profile ${path} is not valid: its id "default" is the id of a shipped profile: give it an id of its own.\n`,
    });
    expect(await compareWith('nosuch')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('There is no ignore profile "nosuch"'),
    });
  });
});

describe('compare on FHIR JSON', () => {
  it('says compare reads FHIR as XML and show reads the JSON', async () => {
    const json = file(
      'reference.json',
      '{"resourceType": "DocumentReference", "status": "current"}',
    );
    const run = await runArchivist(['compare', json, doc, '--home', home()]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `archivist compare: The left document (${json}) is JSON, not XML: compare reads FHIR documents as XML only; \`archivist show\` reads FHIR JSON.\n`,
    );
  });
});

describe('archivist help COMMAND', () => {
  it("prints the command's help, as COMMAND --help does", async () => {
    const help = await runArchivist(['help', 'compare']);
    expect(help).toEqual(await runArchivist(['compare', '--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: archivist compare /);
  });

  it('refuses an unknown command or a second name as bad usage', async () => {
    expect(await runArchivist(['help', 'nosuch'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "archivist: unknown command 'nosuch'. Run 'archivist --help' for the list.\n",
    });
    expect(await runArchivist(['help', 'compare', 'show'])).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('a home folder named explicitly that does not exist', () => {
  /** Runs with stderr on a terminal, where the notice is written (show draws no progress bar). */
  async function atTerminal(argv: readonly string[], env: NodeJS.ProcessEnv = {}) {
    let stderr = '';
    const code = await runCli(argv, {
      stdout: () => {},
      stderr: (text) => (stderr += text),
      env,
      cwd: process.cwd(),
      isStderrTty: true,
    });
    return { code, stderr };
  }
  const notice = (path: string) =>
    `archivist: created the Archivist home folder ${path} (a new audit trail starts there).\n`;

  it('is made, with one line saying so, for --home and ARCHIVIST_HOME', async () => {
    const flagged = home();
    expect(await atTerminal(['show', doc, '--home', flagged])).toEqual({
      code: 0,
      stderr: notice(flagged),
    });
    expect(existsSync(join(flagged, 'audit'))).toBe(true);
    const fromEnv = home();
    expect(await atTerminal(['show', doc], { ARCHIVIST_HOME: fromEnv })).toEqual({
      code: 0,
      stderr: notice(fromEnv),
    });
  });

  it('says nothing for a home that exists, or that the command did not make', async () => {
    const existing = home();
    mkdirSync(existing);
    expect(await atTerminal(['show', doc, `--home=${existing}`])).toEqual({
      code: 0,
      stderr: '',
    });
    const refused = home();
    const info = await atTerminal(['info', '--home', refused]);
    expect(info.code).toBe(1);
    expect(info.stderr).toBe(`archivist info: The home folder ${refused} does not exist.\n`);
    expect(existsSync(refused)).toBe(false);
  });

  it('says nothing when stderr is no terminal (a script keeps an empty stderr on success)', async () => {
    const scripted = await runArchivist(['compare', doc, doc, '--home', home()]);
    expect(scripted).toMatchObject({ code: 0, stderr: '' });
  });
});
