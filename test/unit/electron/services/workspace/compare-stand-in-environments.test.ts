/**
 * Issue 7, "documents from two environments (AT against TK)" with "archive-filled fields marked
 * as expected to differ": two real sandboxes from one seed, one standing in for AT and one for TK
 * (`archivist sandbox --environment at|tk`, stand-in.ts), serve the same documents as each
 * archive stored them. The workspace finds AT's document in TK by its document id (TK's resource
 * id is its own) and compares them with the default profile: what differs is only what the
 * archives fill in, each metadata change marked expected and hidden, each content change one of
 * those lines and hidden too, so no difference is shown although the bytes differ.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../../electron/sandbox/server';
import type { DocumentEntry } from '../../../../../electron/sandbox/store';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import type { StandInEnvironment } from '../../../../../electron/sandbox/seed/stand-in';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { formatCompareText } from '../../../../../shared/compare/format-text';
import { addAlwaysOpenProfiles, startedSandbox } from '../../../../support/sandbox-profiles';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-stand-in-'));
const home = path.join(work, 'home');
let app: AppWorkspace;
let at: RunningSandbox;
let tk: RunningSandbox;

// Seed 7 has a health document written on 31 December, which TK stores in the next year.
const catalogOf = (environment: StandInEnvironment) =>
  generateSeedCatalog({ seed: 7, patients: 3, documents: 40, environment });

/** What the default profile may hide between AT and TK: the archive-filled fields, nothing else. */
const archiveFilledPaths = ['copyTime', 'localHeader.declaredTime', 'localHeader.retentionPeriod'];
const archiveFilledRules = ['copy-time', 'declared-time', 'retention-period'];
const archiveFilledLines = /^<(copyTime|hl7fi:declaredTime|hl7fi:retentionPeriod) value="\d+/;
const archiveFilledXmlRules = ['copy-time-xml', 'archive-filled-xml', 'retention-period-xml'];

beforeAll(async () => {
  [at, tk] = await Promise.all([
    startedSandbox({ catalog: catalogOf('at') }),
    startedSandbox({ catalog: catalogOf('tk') }),
  ]);
  await addAlwaysOpenProfiles(home, [
    ['at', 'AT', 'Kanta AT', at.baseUrl],
    ['tk', 'TK', 'Kanta TK', tk.baseUrl],
  ]);
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 10_000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.close(), at?.close(), tk?.close()]);
  rmSync(work, { recursive: true, force: true });
});

/** Whether AT serves the document with the social welfare header (it has no declaredTime). */
const isSocial = (entry: DocumentEntry) =>
  new TextDecoder()
    .decode(at.store.binaries.get(entry.id.replace('-doc-', '-binary-'))?.bytes())
    .includes('localSocialHeader');

/** A health document, a social welfare one, or a health document written on 31 December. */
const kinds = {
  health: (entry: DocumentEntry) => !isSocial(entry),
  social: isSocial,
  newYearsEve: (entry: DocumentEntry) =>
    !isSocial(entry) && entry.versions[0]?.date?.slice(5, 10) === '12-31',
};

/** AT's first seeded document of a kind: its resource id and its document id. */
function atDocument(kind: keyof typeof kinds) {
  const found = at.store.all.find(kinds[kind]);
  const documentId = found?.versions[0]?.masterIdentifier?.value?.replace(/^urn:oid:/, '');
  if (!found || !documentId) throw new Error(`no ${kind} document in the seed`);
  return { resourceId: found.id, documentId };
}

/** Finds AT's document in TK by its document id and compares the two with the default profile. */
async function compareWithTk(kind: keyof typeof kinds) {
  const left = atDocument(kind);
  const found = await app.workspace.findSameDocument({
    profileId: 'tk',
    documentId: left.documentId,
  });
  if (!found.ok) throw new Error(found.error.message);
  const rightId = found.value.matches.map((row) => row.resourceId);
  const compared = await app.workspace.compare({
    compareId: `stand-in-${left.resourceId}`,
    left: { profileId: 'at', resourceId: left.resourceId },
    right: { profileId: 'tk', resourceId: rightId[0] ?? '' },
    ignoreProfile: 'default',
  });
  if (!compared.ok) throw new Error(compared.error.message);
  return { leftId: left.resourceId, rightId, result: compared.value.result };
}

describe('AT against TK stand-ins from the same seed', () => {
  it('serves each document under its own resource id and finds it in TK by its document id', async () => {
    const { leftId, rightId, result } = await compareWithTk('health');
    expect(leftId).toMatch(/^at-doc-\d+$/);
    expect(rightId).toEqual([leftId.replace(/^at-/, 'tk-')]);
    expect(result.left.id).toBe(result.right.id);
  }, 60_000);

  it('shows no difference in a health document: archive-filled metadata only, marked and hidden', async () => {
    const { result } = await compareWithTk('health');
    expect(result.identical).toBe(false);
    expect(result.shownDifferences).toBe(0);
    expect(result.metadata.shown).toEqual([]);
    const hidden = result.metadata.hidden;
    // copyTime and declaredTime differ in every document; retentionPeriod only across a new year.
    expect(hidden.map((change) => change.path)).toEqual(
      expect.arrayContaining(['copyTime', 'localHeader.declaredTime']),
    );
    for (const change of hidden) {
      expect(archiveFilledPaths).toContain(change.path);
      expect(change.expected).toBe(true);
      expect(archiveFilledRules).toContain(change.hiddenBy);
    }
    expect(result.content.shown).toEqual([]);
    expect(result.content.hidden.length).toBeGreaterThan(0);
    for (const change of result.content.hidden) {
      for (const line of [...change.removed, ...change.added])
        expect(line.trim()).toMatch(archiveFilledLines);
      expect(archiveFilledXmlRules).toContain(change.hiddenBy);
    }
    const text = formatCompareText(result, { left: 'env:at', right: 'env:tk' });
    expect(text).toContain('no differences shown');
  }, 60_000);

  it('shows no difference in a social welfare document either: only its copyTime differs', async () => {
    const { result } = await compareWithTk('social');
    expect(result.identical).toBe(false);
    expect(result.shownDifferences).toBe(0);
    expect(result.metadata.hidden.map((change) => [change.path, change.expected])).toEqual([
      ['copyTime', true],
    ]);
    expect(result.content.shown).toEqual([]);
    expect(result.content.hidden.map((change) => change.hiddenBy)).toEqual(['copy-time-xml']);
  }, 60_000);

  it('hides the retention period too where TK stored the document in the next year', async () => {
    const { result } = await compareWithTk('newYearsEve');
    expect(result.shownDifferences).toBe(0);
    expect(result.metadata.hidden.map((change) => [change.path, change.hiddenBy])).toEqual([
      ['copyTime', 'copy-time'],
      ['localHeader.declaredTime', 'declared-time'],
      ['localHeader.retentionPeriod', 'retention-period'],
    ]);
    expect(result.metadata.hidden.every((change) => change.expected)).toBe(true);
    expect(result.content.hidden.map((change) => change.hiddenBy)).toEqual(archiveFilledXmlRules);
  }, 60_000);
});
