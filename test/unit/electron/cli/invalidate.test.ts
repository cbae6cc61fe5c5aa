/** `archivist invalidate` in-process against a real sandbox, with real profiles and journal. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidationProfile } from '../../../../shared/fhir/resources';
import { confirmationToken } from '../../../../shared/invalidation/confirmation';
import {
  attemptEvent,
  attemptOutcomeEvent,
  stateOfOutcome,
} from '../../../../shared/invalidation/audit-records';
import { homeAudit } from '../../../../electron/services/invalidation/audit';
import { ctx } from '../services/audit/support';
import { readJournal } from '../../../../electron/services/audit/files';
import type { ChainedRecord } from '../../../../shared/audit/canonical';
import { generateSeedCatalog } from '../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../electron/sandbox/server';
import { latest } from '../../../../electron/sandbox/store';
import { runArchivist } from '../../support/run-cli';

const catalog = generateSeedCatalog({ seed: 5, patients: 4, documents: 60 });
const clean = catalog.documents
  .filter((d) => d.documentReference.status === 'current' && d.problems.length === 0)
  .map((d) => d.documentReference.id);
let next = 0;
const takeClean = () => clean[next++] ?? '';

let sandbox: RunningSandbox;
beforeAll(async () => {
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
});
afterAll(() => sandbox.close());

function homeWithProfiles(extra: Record<string, unknown> = {}): string {
  const home = mkdtempSync(path.join(tmpdir(), 'archivist-invalidate-cli-'));
  const profile = {
    id: 'sandbox',
    displayName: 'Local sandbox',
    kind: 'sandbox',
    baseUrl: sandbox.baseUrl,
    repository: 'patient-data',
    isTestEnvironment: true,
    operator: { name: 'Tessa Testaaja', registrationNumber: '1234567', organisationOid: '1.2.3' },
    ...extra,
  };
  writeFileSync(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
  return home;
}

/** The patient's identity code as the seed catalogue made it (a 900-series test code). */
const hetuOf = (id: string) =>
  catalog.documents.find((d) => d.documentReference.id === id)?.documentReference.subject
    ?.identifier?.value ?? 'none';

const statusOf = (id: string) => {
  const entry = sandbox.store.documents.get(id);
  return entry ? latest(entry).status : undefined;
};
const provenancesOf = (id: string) =>
  [...sandbox.store.provenances.values()].filter(
    (provenance) => provenance.target[0]?.reference === `DocumentReference/${id}`,
  ).length;
const records = (home: string) =>
  readJournal(home).lines.map((line) => JSON.parse(line.text) as ChainedRecord);

function expectOneLine(run: { stderr: string }, pattern: RegExp) {
  expect(run.stderr.trimEnd().split('\n')[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('archivist invalidate: usage', () => {
  it('has --help with usage, reasons, exit codes and examples', async () => {
    const run = await runArchivist(['invalidate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: archivist invalidate --env NAME/);
    expect(run.stdout).toMatch(/test-data-cleanup, or other \(needs --comment\)/);
    expect(run.stdout).toMatch(/Exit codes:/);
    expect(run.stdout).toMatch(/Examples:\n {2}archivist invalidate/);
  });

  it.each([
    [['--document', 'd1', '--reason', 'duplicate', '--dry-run'], /--env NAME/],
    [['--env', 'sandbox', '--document', 'd1', '--dry-run'], /--reason CODE/],
    [
      ['--env', 'sandbox', '--document', 'd1', '--reason', 'oops', '--dry-run'],
      /'oops' is not an invalidation reason/,
    ],
    [
      ['--env', 'sandbox', '--document', 'd1', '--reason', 'other', '--dry-run'],
      /'other' needs a comment/,
    ],
    [
      ['--env', 'sandbox', '--reason', 'duplicate', '--dry-run'],
      /--document ID or --documents FILE/,
    ],
    [
      ['--env', 'sandbox', '--document', 'a/b', '--reason', 'duplicate', '--dry-run'],
      /'a\/b' is not a DocumentReference id/,
    ],
    [
      ['--env', 'sandbox', '--document', 'd1', '--reason', 'duplicate', '--dry-run', '--yes'],
      /--dry-run sends nothing/,
    ],
    [
      ['--env', 'sandbox', '--document', 'd1', '--reason', 'duplicate'],
      /needs explicit confirmation: add --yes \(a set needs --yes --confirm <set token>, which --dry-run prints\)/,
    ],
    [
      [
        '--env',
        'sandbox',
        '--document',
        'd1',
        '--document',
        'd2',
        '--reason',
        'duplicate',
        '--yes',
      ],
      /^archivist invalidate: 2 documents: a set needs --yes --confirm <set token>, which --dry-run prints\.$/,
    ],
    [
      ['--env', 'sandbox', '--document', 'd1', '--reason', 'duplicate', '--confirm', 'd1'],
      /--confirm goes with --yes/,
    ],
  ])('%j is bad usage (exit 2)', async (args, message) => {
    const run = await runArchivist(['invalidate', ...args]);
    expect(run.code).toBe(2);
    expectOneLine(run, message);
  });

  it('a confirmation that names another document is refused before anything is read or sent', async () => {
    const home = homeWithProfiles();
    const id = takeClean();
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      id,
      '--reason',
      'duplicate',
      '--yes',
      '--confirm',
      `${id}0`,
      '--home',
      home,
    ]);
    expect(run.code).toBe(2);
    expectOneLine(
      run,
      new RegExp(`The confirmation '${id}0' does not match ${id}; nothing was invalidated\\.`),
    );
    expect(statusOf(id)).toBe('current');
    expect(readJournal(home).lines).toHaveLength(0);
  });

  it('a --documents file that cannot be read is a handled failure (exit 1)', async () => {
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--documents',
      'no-such-list.txt',
      '--reason',
      'duplicate',
      '--dry-run',
    ]);
    expect(run.code).toBe(1);
    expectOneLine(run, /Could not read no-such-list\.txt \(no such file\)\./);
  });

  it('an unknown environment is a handled failure (exit 1)', async () => {
    const home = homeWithProfiles();
    const run = await runArchivist([
      'invalidate',
      '--env',
      'nope',
      '--document',
      'd1',
      '--reason',
      'duplicate',
      '--dry-run',
      '--home',
      home,
    ]);
    expect(run.code).toBe(1);
    expectOneLine(run, /nope/);
  });
});

describe('archivist invalidate: dry run', () => {
  it('prints the findings and the exact Provenance, and sends nothing', async () => {
    const home = homeWithProfiles();
    const id = takeClean();
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      id,
      '--reason',
      'duplicate',
      '--dry-run',
      '--home',
      home,
    ]);
    expect(run.code).toBe(0);
    // Where, in full (review 10, finding 5): name, kind, base URL, test flag, and the patient.
    expect(run.stdout).toMatch(
      new RegExp(
        `^Environment: Local sandbox \\(kind sandbox, ${sandbox.baseUrl}, test environment: yes\\)\\nDocumentReference/${id} ".+" \\(current\\), patient ${hetuOf(id)}: allowed\\n`,
      ),
    );
    expect(run.stdout).toContain('Confirm with: --yes\n');
    const provenance = JSON.parse(run.stdout.slice(run.stdout.indexOf('\n{') + 1)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(provenance).sort()).toEqual([
      'agent',
      'meta',
      'recorded',
      'resourceType',
      'target',
    ]);
    expect(provenance).toMatchObject({
      resourceType: 'Provenance',
      meta: { profile: [invalidationProfile], source: expect.stringMatching(/^urn:uuid:/) },
      target: [{ reference: `DocumentReference/${id}` }],
      agent: [{ who: { reference: 'Practitioner/1234567', display: 'Tessa Testaaja' } }],
    });
    expect(provenancesOf(id)).toBe(0);
    expect(statusOf(id)).toBe('current');
    // The preflight read is audited; nothing else is.
    expect(records(home).map((record) => record.event.action)).toEqual(['R']);
  });

  it('refuses in preflight with exit 1 and one line naming why', async () => {
    const home = homeWithProfiles({ isTestEnvironment: false, displayName: 'Not a test env' });
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      takeClean(),
      '--reason',
      'duplicate',
      '--dry-run',
      '--home',
      home,
    ]);
    expect(run.code).toBe(1);
    expectOneLine(run, /Refused in preflight: Not a test env is not marked as a test environment/);
    expect(run.stdout).toMatch(/REFUSED: Not a test env is not marked/);
    expect(run.stdout).toMatch(
      /^Environment: Not a test env \(kind sandbox, http:\/\/127\.0\.0\.1:\d+, test environment: no\)\n/,
    );
  });

  it('gives the set token for a batch from a file, as JSON', async () => {
    const home = homeWithProfiles();
    const ids = [takeClean(), takeClean()];
    const file = path.join(home, 'set.txt');
    writeFileSync(file, `# failed run 17\n${ids[0]}\n\n${ids[1]}\n${ids[0]}\n`);
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--documents',
      file,
      '--reason',
      'test-data-cleanup',
      '--dry-run',
      '--json',
      '--home',
      home,
    ]);
    expect(run.code).toBe(0);
    const set = JSON.parse(run.stdout) as {
      confirmationToken: string;
      isAllowed: boolean;
      documents: { resourceId: string }[];
      environmentDetails: unknown;
    };
    expect(set.environmentDetails).toEqual({
      displayName: 'Local sandbox',
      kind: 'sandbox',
      baseUrl: sandbox.baseUrl,
      isTestEnvironment: true,
    });
    expect(set.isAllowed).toBe(true);
    expect(set.documents.map((document) => document.resourceId)).toEqual(ids);
    expect(set.confirmationToken).toBe(confirmationToken(ids));
  });
});

describe('archivist invalidate: real runs', () => {
  it('invalidates one confirmed document, reads it back and records the outcome', async () => {
    const home = homeWithProfiles();
    const id = takeClean();
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      id,
      '--reason',
      'other',
      '--comment',
      'test run 17 broke it',
      '--yes',
      '--confirm',
      id,
      '--home',
      home,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Where it goes is named before it goes, then the read-back outcome.
    expect(run.stdout).toMatch(
      new RegExp(
        `^Environment: Local sandbox \\(kind sandbox, ${sandbox.baseUrl}, test environment: yes\\)\\nDocumentReference/${id} ".+" \\(current\\), patient ${hetuOf(id)}: allowed\\nDocumentReference/${id}: invalidated \\(Provenance/[0-9a-f-]+\\)\\. `,
      ),
    );
    expect(run.stdout).toMatch(/1 of 1 invalidated\.\n$/);
    expect(statusOf(id)).toBe('entered-in-error');
    expect(provenancesOf(id)).toBe(1);
    const journal = records(home);
    expect(journal.map((record) => record.event.action)).toEqual(['R', 'U', 'U']);
    expect(journal[1]?.event.entity.flatMap((entity) => entity.detail ?? [])).toEqual([
      { type: 'reason', valueString: 'other (Other (a description is required))' },
      { type: 'comment', valueString: 'test run 17 broke it' },
    ]);
    expect(journal[2] && stateOfOutcome(journal[2].event)).toBe('invalidated');
    // Running it again is refused: the document is already invalidated.
    const again = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      id,
      '--reason',
      'duplicate',
      '--yes',
      '--confirm',
      id,
      '--home',
      home,
    ]);
    expect(again.code).toBe(1);
    expectOneLine(again, /^archivist invalidate: DocumentReference\/[^ ]+ is already invalidated/);
    expect(again.stderr.match(/DocumentReference\//g)).toHaveLength(1);
    expect(provenancesOf(id)).toBe(1);
  });

  it('--yes alone confirms one document (the id is on the command line)', async () => {
    const home = homeWithProfiles();
    const id = takeClean();
    const args = ['--env', 'sandbox', '--document', id, '--reason', 'duplicate', '--yes'];
    const run = await runArchivist(['invalidate', ...args, '--json', '--home', home]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const batch = JSON.parse(run.stdout) as {
      outcomes: { state: string }[];
      environmentDetails: { baseUrl: string };
    };
    expect(batch.outcomes.map((outcome) => outcome.state)).toEqual(['invalidated']);
    expect(batch.environmentDetails.baseUrl).toBe(sandbox.baseUrl);
    expect(statusOf(id)).toBe('entered-in-error');
  });

  it('invalidates a set with its token and prints each outcome as JSON', async () => {
    const home = homeWithProfiles();
    const ids = [takeClean(), takeClean(), takeClean()];
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      ...ids.flatMap((id) => ['--document', id]),
      '--reason',
      'test-data-cleanup',
      '--yes',
      '--confirm',
      confirmationToken(ids),
      '--json',
      '--home',
      home,
    ]);
    expect(run.code).toBe(0);
    const batch = JSON.parse(run.stdout) as {
      isComplete: boolean;
      outcomes: { resourceId: string; state: string }[];
    };
    expect(batch.isComplete).toBe(true);
    expect(batch.outcomes.map((outcome) => [outcome.resourceId, outcome.state])).toEqual(
      ids.map((id) => [id, 'invalidated']),
    );
    expect(ids.map(statusOf)).toEqual(['entered-in-error', 'entered-in-error', 'entered-in-error']);
  });

  it('sends nothing and exits 1 when the audit journal cannot be written', async () => {
    const home = homeWithProfiles();
    // Even root cannot write a journal where a file stands in for the audit folder.
    writeFileSync(path.join(home, 'audit'), 'not a folder');
    const id = takeClean();
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      id,
      '--reason',
      'duplicate',
      '--yes',
      '--confirm',
      id,
      '--home',
      home,
    ]);
    expect(run.code).toBe(1);
    expectOneLine(run, /audit/i);
    expect(statusOf(id)).toBe('current');
    expect(provenancesOf(id)).toBe(0);
  });
});

describe('archivist invalidate: what the journal remembers (review 11, finding 2)', () => {
  it('the dry run names an earlier attempt whose outcome is unknown, with its request id', async () => {
    const home = homeWithProfiles();
    const id = takeClean();
    const requestId = '1e2d3c4b-5a69-4788-97a6-b5c4d3e2f100';
    const audit = homeAudit(home, {
      ...ctx,
      environment: { name: 'Local sandbox', baseUrl: sandbox.baseUrl },
    });
    const attempt = attemptEvent(audit.context, {
      resourceId: id,
      reason: { code: 'duplicate' },
      requestId,
    });
    const recorded = await audit.record(attempt, 'test');
    if (!recorded.ok) throw new Error(recorded.error.message);
    const lost = attemptOutcomeEvent(
      attempt,
      recorded.value.sequence,
      'unknown',
      'lost',
      new Date(),
    );
    expect((await audit.record(lost, 'test')).ok).toBe(true);
    const run = await runArchivist([
      'invalidate',
      '--env',
      'sandbox',
      '--document',
      id,
      '--reason',
      'duplicate',
      '--dry-run',
      '--home',
      home,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `(request id ${requestId}) to invalidate DocumentReference/${id} ended with its outcome unknown. Read back now: status current and no Provenance from that request, so it has not landed.`,
    );
    expect(run.stdout).toMatch(
      /^ {2}warning: The attempt of \d+\.\d+\.\d{4} \d\d:\d\d Finnish time/m,
    );
  });
});
