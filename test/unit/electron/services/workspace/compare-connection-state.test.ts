/**
 * Review 9, defect 11: the switcher's connection state follows every read a comparison makes,
 * and the "same document in another environment" lookup, as it follows a search. A comparison of
 * two sandbox documents marks the sandbox connected; a side in an environment that is down marks
 * that environment unreachable and leaves the other side's environment connected.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';

const home = mkdtempSync(path.join(tmpdir(), 'archivist-compare-state-'));
let app: AppWorkspace;

beforeAll(async () => {
  // Port 9 (discard) has no listener here: the environment is down.
  writeFileSync(
    path.join(home, 'profiles.json'),
    JSON.stringify({
      profiles: [
        {
          id: 'gone',
          displayName: 'Gone',
          kind: 'fhir',
          baseUrl: 'http://127.0.0.1:9/fhir',
          repository: 'patient-data',
          isTestEnvironment: true,
        },
      ],
    }),
  );
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 1000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
});
afterAll(async () => {
  await app.close();
  rmSync(home, { recursive: true, force: true });
});

async function stateOf(profileId: string) {
  const overview = await app.workspace.overview();
  if (!overview.ok) throw new Error(overview.error.message);
  return overview.value.profiles.find((profile) => profile.id === profileId)?.connection;
}

/** Two resource ids the sandbox serves (a search here would itself mark it connected). */
const [leftId, rightId] = ['seed-doc-50', 'seed-doc-52'];

describe('connection state after a comparison', () => {
  it('marks the sandbox connected once a comparison read both sides from it', async () => {
    expect(await stateOf('sandbox')).toMatchObject({ state: 'unknown' });
    const compared = await app.workspace.compare({
      compareId: 'both-sandbox',
      left: { profileId: 'sandbox', resourceId: leftId },
      right: { profileId: 'sandbox', resourceId: rightId },
      ignoreProfile: 'auto',
    });
    expect(compared.ok && compared.value.result.identical).toBe(false);
    expect(await stateOf('sandbox')).toMatchObject({ state: 'ok' });
  }, 30_000);

  it('marks an environment that is down unreachable, the other side stays connected', async () => {
    const compared = await app.workspace.compare({
      compareId: 'gone-right',
      left: { profileId: 'sandbox', resourceId: leftId },
      right: { profileId: 'gone', resourceId: 'd0' },
      ignoreProfile: 'auto',
    });
    expect(!compared.ok && compared.error.code).toBe('env-unreachable');
    expect(await stateOf('gone')).toMatchObject({ state: 'failed', code: 'env-unreachable' });
    expect(await stateOf('sandbox')).toMatchObject({ state: 'ok' });
  }, 30_000);

  it('a missing document says nothing about reachability', async () => {
    const compared = await app.workspace.compare({
      compareId: 'missing',
      left: { profileId: 'sandbox', resourceId: leftId },
      right: { profileId: 'sandbox', resourceId: 'no-such-document' },
      ignoreProfile: 'auto',
    });
    expect(!compared.ok && compared.error.code).toBe('env-not-found');
    expect(await stateOf('sandbox')).toMatchObject({ state: 'ok' });
  }, 30_000);
});

describe('connection state after looking for the same document elsewhere', () => {
  it('marks the environment looked in unreachable when it is down', async () => {
    const found = await app.workspace.findSameDocument({
      profileId: 'gone',
      documentId: '1.2.246.10.99990001.2026.50',
    });
    // The earlier failures opened the client's circuit breaker: either code says it is down.
    expect(!found.ok && found.error.code).toMatch(/^env-(unreachable|circuit-open)$/);
    expect(await stateOf('gone')).toMatchObject({
      state: 'failed',
      code: found.ok ? '' : found.error.code,
    });
  }, 30_000);
});
