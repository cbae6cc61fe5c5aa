/**
 * `archivist show env:NAME:id` records its read as `compare` does: in the profile's context (its
 * operator, its environment's name and address), and a read the environment refuses with
 * outcome 8 before the command fails. The bundled command line, in real processes, against one
 * real sandbox; a local file is still the OS user's read without an environment.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { alwaysOpenCalendar } from '../../../../shared/environments/calendar';
import { bundleCli } from '../../../bench/bundle-cli';
import { startedSandbox } from '../../../support/sandbox-profiles';

const work = mkdtempSync(join(tmpdir(), 'archivist-show-env-audit-'));
const home = join(work, 'home');
const operator = { name: 'Testi Lääkäri', registration: '123456789', organisation: '1.2.246.10.1' };
/** A small CDA document saved on this machine. */
const localDocument = `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.999.0.7"/>
  <code code="1" codeSystem="1.2.246.537.5.40150.2009"/>
  <title>Lääkemääräys</title>
</ClinicalDocument>
`;
let cli = '';
let sandbox: RunningSandbox;
let documentId = '';

/** Runs the bundled `archivist` (asynchronously: the sandbox answers from this process). */
async function archivist(args: readonly string[]) {
  const env = { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' };
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
  [cli, sandbox] = await Promise.all([bundleCli(join(work, 'install')), startedSandbox()]);
  const first = [...sandbox.store.documents.keys()][0];
  if (first === undefined) throw new Error('the sandbox seed has no documents');
  documentId = first;
  // Published calendars have maintenance windows; this test must not depend on the hour.
  const calendar = join(work, 'always-open.json');
  writeFileSync(calendar, JSON.stringify(alwaysOpenCalendar));
  const added = await archivist([
    'envs',
    'add',
    'lab',
    '--kind',
    'sandbox',
    '--name',
    'Test lab',
    '--url',
    sandbox.baseUrl,
    '--calendar',
    calendar,
    '--operator-name',
    operator.name,
    '--operator-registration',
    operator.registration,
    '--operator-organisation',
    operator.organisation,
  ]);
  if (added.code !== 0) throw new Error(`envs add lab was refused: ${added.stderr}`);
}, 180_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Agent {
  readonly type: { readonly coding: readonly { readonly code: string }[] };
  readonly who: { readonly display?: string; readonly identifier?: { readonly value: string } };
  readonly network?: { readonly address: string };
}
interface ReadEvent {
  readonly outcome: string;
  readonly agent: readonly Agent[];
}

const agentCoded = (event: ReadEvent, code: string) =>
  event.agent.find((agent) => agent.type.coding.some((coding) => coding.code === code));

/** The environment an event names (BALP's destination agent), or undefined for a local read. */
function destinationOf(event: ReadEvent) {
  const agent = agentCoded(event, '110152');
  return agent && { name: agent.who.display, address: agent.network?.address };
}

/** The operator an event names (the human user agent). */
function operatorOf(event: ReadEvent) {
  const agent = agentCoded(event, 'humanuser');
  return { name: agent?.who.display, registration: agent?.who.identifier?.value };
}

/** The read AuditEvents of the journal, failed ones included, each as JSON text. */
async function readEvents(): Promise<string[]> {
  const listed = await archivist(['audit', 'list', '--json']);
  if (listed.code !== 0) throw new Error(`audit list failed: ${listed.stderr}`);
  return (JSON.parse(listed.stdout) as { event: { action: string } }[])
    .filter((record) => record.event.action === 'R')
    .map((record) => JSON.stringify(record.event));
}

describe('archivist show env:NAME:id, audited in its environment', () => {
  it("records the read with the profile's environment and operator", async () => {
    const before = await readEvents();
    const run = await archivist(['show', `env:lab:${documentId}`, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const added = (await readEvents()).slice(before.length);
    expect(added).toHaveLength(1);
    const event = JSON.parse(added[0]!) as ReadEvent;
    expect(event.outcome).toBe('0');
    expect(destinationOf(event)).toEqual({ name: 'Test lab', address: sandbox.baseUrl });
    expect(operatorOf(event)).toEqual({
      name: operator.name,
      registration: operator.registration,
    });
  }, 120_000);

  it('records a read the environment refuses with outcome 8 there, then fails in one line', async () => {
    const before = await readEvents();
    const run = await archivist(['show', 'env:lab:missing-1']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^archivist show: env:lab:missing-1: [^\n]+\n$/);
    const added = (await readEvents()).slice(before.length);
    expect(added).toHaveLength(1);
    const event = JSON.parse(added[0]!) as ReadEvent;
    expect(event.outcome).toBe('8');
    expect(added[0]).toContain('"value":"missing-1"');
    expect(destinationOf(event)).toEqual({ name: 'Test lab', address: sandbox.baseUrl });
    expect(operatorOf(event).name).toBe(operator.name);
  }, 120_000);

  it("records a local file's read as the OS user's, without an environment", async () => {
    const file = join(work, 'saved.xml');
    writeFileSync(file, localDocument);
    const before = await readEvents();
    const run = await archivist(['show', file, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const added = (await readEvents()).slice(before.length);
    expect(added).toHaveLength(1);
    const event = JSON.parse(added[0]!) as ReadEvent;
    expect(destinationOf(event)).toBeUndefined();
    expect(operatorOf(event).name).not.toBe(operator.name);
  }, 120_000);
});
