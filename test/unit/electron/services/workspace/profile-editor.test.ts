/**
 * The Environments screen's operations on real files against a real HTTPS sandbox that requires
 * client certificates: create with a passphrase (sealed in secrets.json, never in profiles.json),
 * check with the certificate doctor, a wrong passphrase, the refusal without a keychain, edit,
 * remove, picks, and every refusal's sentence. safeStorage is the AES-GCM double (the Electron
 * boundary).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestSafeStorage,
  type TestKeychain,
} from '../../../../../electron/harness/test-safe-storage';
import { listRecords } from '../../../../../electron/services/audit/reader';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import { createSafeStorageSecretStore } from '../../../../../electron/services/profiles/safe-storage-secret-store';
import {
  createProfileEditor,
  type ProfileEditor,
} from '../../../../../electron/services/workspace/profile-editor';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { alwaysOpenCalendar } from '../../../../../shared/environments/calendar';
import type { ProfileDraft } from '../../../../../shared/ipc/profile-editor-types';
import type { Result } from '../../../../../shared/result';

let secure: RunningSandbox;
const work = mkdtempSync(path.join(tmpdir(), 'archivist-profile-editor-'));
let homes = 0;

beforeAll(async () => {
  const started = await startSandbox({ tls: true });
  if (!started.ok) throw new Error(started.error.message);
  secure = started.value;
}, 120_000);

afterAll(async () => {
  await secure?.close();
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

interface Setup {
  readonly home: string;
  readonly editor: ProfileEditor;
  readonly changed: string[];
}

/** A fresh home with the sandbox's certificate files in its local-files folder. */
function setup(keychain: TestKeychain = 'available'): Setup {
  const home = path.join(work, `home-${homes++}`);
  const files = path.join(home, 'local-files');
  mkdirSync(files, { recursive: true });
  const tls = secure.tls!;
  copyFileSync(tls.clientPkcs12, path.join(files, 'client.p12'));
  copyFileSync(tls.caCertificate, path.join(files, 'ca.pem'));
  mkdirSync(path.join(files, 'cases'));
  const changed: string[] = [];
  const editor = createProfileEditor({
    home,
    secrets: createSafeStorageSecretStore(home, createTestSafeStorage(keychain)),
    builtInProfiles: () => [
      {
        id: 'sandbox',
        displayName: 'Local sandbox',
        kind: 'sandbox',
        baseUrl: 'http://127.0.0.1:1',
        repository: 'patient-data',
        isTestEnvironment: true,
      },
    ],
    onChanged: (id) => changed.push(id),
    now: () => new Date(),
    deadlineMs: 5000,
  });
  return { home, editor, changed };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function pickId(editor: ProfileEditor, purpose: 'pkcs12' | 'caFile', name: string) {
  const picked = value(await editor.pick({ purpose, name }, undefined));
  if (picked.kind !== 'picked') throw new Error('not picked');
  return picked.pickId;
}

async function tlsDraft(editor: ProfileEditor, id = 'lab-at'): Promise<ProfileDraft> {
  return {
    id,
    displayName: 'Lab AT',
    kind: 'AT',
    repository: 'patient-data',
    baseUrl: secure.baseUrl,
    isTestEnvironment: true,
    operator: {
      name: 'Tiina Testaaja',
      registrationNumber: '9999999',
      organisationOid: '1.2.246.10.1',
    },
    tls: {
      pkcs12: { pickId: await pickId(editor, 'pkcs12', 'client.p12') },
      caFile: { pickId: await pickId(editor, 'caFile', 'ca.pem') },
      hasPassphrase: true,
    },
    followsCalendar: true,
  };
}

const readText = (home: string, name: string) => readFileSync(path.join(home, name), 'utf8');

describe('profile editor', () => {
  it('creates a TLS profile whose passphrase is sealed in the secret store only, and checks it', async () => {
    const { home, editor, changed } = setup();
    const passphrase = secure.tls!.clientPkcs12Passphrase;
    const saved = value(
      await editor.save({ mode: 'create', draft: await tlsDraft(editor), passphrase }),
    );
    expect(saved.passphraseNote).toBe('The passphrase is stored in the secret store.');
    expect(saved.profile.isPassphraseStored).toBe(true);
    expect(changed).toEqual(['lab-at']);
    const stored = JSON.parse(readText(home, 'profiles.json')).profiles[0];
    expect(stored.tls).toEqual({
      pkcs12: path.join(home, 'local-files', 'client.p12'),
      caFile: path.join(home, 'local-files', 'ca.pem'),
      passphraseRef: 'profile:lab-at',
    });
    expect(readText(home, 'profiles.json')).not.toContain(passphrase);
    expect(readText(home, 'secrets.json')).not.toContain(passphrase);
    const journal = listRecords(home, {}).map((record) => JSON.stringify(record.event));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toContain(
      `environment profile lab-at created (AT ${secure.baseUrl}, passphrase entered)`,
    );
    expect(journal[0]).not.toContain(passphrase);
    expect(Object.keys(JSON.parse(readText(home, 'secrets.json')).entries)).toEqual([
      'profile:lab-at',
    ]);
    const listed = value(await editor.list());
    expect(listed.secretStore).toEqual({ canPersist: true });
    expect(listed.builtIn.map((profile) => profile.id)).toEqual(['sandbox']);
    expect(listed.profiles.map((entry) => [entry.profile.id, entry.isPassphraseStored])).toEqual([
      ['lab-at', true],
    ]);
    const report = value(await editor.check('lab-at'));
    expect(report.connection).toMatchObject({ ok: true, fhirVersion: '4.0.1' });
    expect(report.certificates?.findings.map((finding) => finding.code)).toContain(
      'server-accepted',
    );
    expect(report.isUsable).toBe(true);
  });

  it('records a change whose passphrase cannot be stored as failed, and writes no profile', async () => {
    const { home, editor, changed } = setup();
    // secrets.json is a folder: the passphrase cannot be sealed into it.
    mkdirSync(path.join(home, 'secrets.json'));
    const passphrase = secure.tls!.clientPkcs12Passphrase;
    const saved = await editor.save({ mode: 'create', draft: await tlsDraft(editor), passphrase });
    expect(saved.ok).toBe(false);
    expect(changed).toEqual([]);
    expect(existsSync(path.join(home, 'profiles.json'))).toBe(false);
    const records = listRecords(home, {});
    expect(records.map((record) => record.event.outcome)).toEqual(['0', '8']);
    expect(records[1]!.event.outcomeDesc).toBe(saved.ok ? '' : saved.error.message);
  });

  it('shows the doctor finding of a wrong passphrase, and a new passphrase fixes it', async () => {
    const { editor } = setup();
    const draft = await tlsDraft(editor);
    value(await editor.save({ mode: 'create', draft, passphrase: 'not-the-passphrase' }));
    const wrong = value(await editor.check('lab-at'));
    expect(wrong.isUsable).toBe(false);
    const errors = wrong.certificates?.findings.filter((finding) => finding.severity === 'error');
    expect(errors?.[0]?.message).toMatch(/passphrase/i);
    const kept = {
      ...draft,
      tls: { pkcs12: { keep: true }, caFile: { keep: true }, hasPassphrase: true },
    } as const;
    value(
      await editor.save({
        mode: 'edit',
        draft: kept,
        passphrase: secure.tls!.clientPkcs12Passphrase,
      }),
    );
    expect(value(await editor.check('lab-at')).isUsable).toBe(true);
  });

  it.each(['unavailable', 'basic_text'] as const)(
    'refuses to save a passphrase with keychain %s, writes nothing, and saves the profile without it',
    async (keychain) => {
      const { home, editor } = setup(keychain);
      const listed = value(await editor.list());
      expect(listed.secretStore.canPersist).toBe(false);
      expect(listed.secretStore.reason).toMatch(/^Passphrases cannot be saved: .+\.$/);
      const draft = await tlsDraft(editor);
      const refused = await editor.save({ mode: 'create', draft, passphrase: 'secret' });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('secret-store-unavailable');
      expect(refused.error.message).toContain('Clear the passphrase field');
      expect(existsSync(path.join(home, 'profiles.json'))).toBe(false);
      expect(existsSync(path.join(home, 'secrets.json'))).toBe(false);
      expect(listRecords(home, {})).toEqual([]);
      const saved = value(await editor.save({ mode: 'create', draft }));
      expect(saved.profile.isPassphraseStored).toBe(false);
      expect(saved.passphraseNote).toBeUndefined();
      const report = value(await editor.check('lab-at'));
      expect(report.isUsable).toBe(false);
      expect(report.certificates?.findings[0]?.code).toBe('secret-store-unavailable');
    },
  );

  it('edits a profile keeping its files; calendar off stores an always-open calendar; no passphrase removes the secret', async () => {
    const { home, editor } = setup();
    const draft = await tlsDraft(editor);
    value(await editor.save({ mode: 'create', draft, passphrase: 'first' }));
    const edited = value(
      await editor.save({
        mode: 'edit',
        draft: {
          ...draft,
          displayName: 'Lab AT (renamed)',
          followsCalendar: false,
          tls: { pkcs12: { keep: true }, hasPassphrase: false },
        },
      }),
    );
    expect(edited.profile.profile).toMatchObject({
      displayName: 'Lab AT (renamed)',
      calendar: alwaysOpenCalendar,
      tls: { pkcs12: path.join(home, 'local-files', 'client.p12') },
    });
    expect(edited.profile.profile.tls?.caFile).toBeUndefined();
    expect(JSON.parse(readText(home, 'secrets.json')).entries).toEqual({});
    const back = value(
      await editor.save({
        mode: 'edit',
        draft: { ...draft, tls: undefined, followsCalendar: true },
      }),
    );
    expect(back.profile.profile.calendar).toBeUndefined();
  });

  it('removes a profile and its passphrase; unknown and built-in profiles are refused', async () => {
    const { home, editor, changed } = setup();
    value(await editor.save({ mode: 'create', draft: await tlsDraft(editor), passphrase: 'p' }));
    expect(value(await editor.remove('lab-at'))).toEqual({ removed: 'lab-at' });
    expect(changed).toEqual(['lab-at', 'lab-at']);
    expect(JSON.parse(readText(home, 'profiles.json')).profiles).toEqual([]);
    expect(JSON.parse(readText(home, 'secrets.json')).entries).toEqual({});
    expect(await editor.remove('lab-at')).toMatchObject({
      ok: false,
      error: { code: 'profile-unknown' },
    });
    expect(await editor.remove('sandbox')).toMatchObject({
      ok: false,
      error: { code: 'profile-built-in', message: "'sandbox' is the app's own profile and stays." },
    });
  });

  it('answers every bad draft with a sentence and writes nothing', async () => {
    const { home, editor } = setup();
    const base = await tlsDraft(editor);
    const cases: [ProfileDraft, string][] = [
      [{ ...base, id: 'Bad Name' }, 'The name must be lower-case letters, digits and dashes.'],
      [{ ...base, baseUrl: 'at.example.fi' }, "The base URL 'at.example.fi' is not a web address."],
      [
        { ...base, baseUrl: 'ftp://at.example.fi' },
        'The base URL must start with http:// or https://.',
      ],
      [
        { ...base, operator: { name: 'T', registrationNumber: '1', organisationOid: 'x' } },
        "The operator's organisation OID must be an OID such as 1.2.246.10.12345678.",
      ],
      [
        {
          ...base,
          tls: {
            pkcs12: { pickId: 'pick-00000000-0000-0000-0000-000000000000' },
            hasPassphrase: false,
          },
        },
        'Choose the PKCS#12 file again; the choice expired.',
      ],
      [
        { ...base, tls: { caFile: { keep: true }, hasPassphrase: false } },
        'The pinned CA file has not been chosen yet.',
      ],
      [
        { ...base, tls: { hasPassphrase: false } },
        'A client certificate needs a PKCS#12 file or a PEM certificate file.',
      ],
      [{ ...base, id: 'sandbox' }, "'sandbox' is the app's own profile; pick another name."],
      [{ ...base, kind: 'folder' }, 'A folder profile has no client certificate.'],
      [{ ...base, kind: 'folder', tls: undefined }, 'A folder profile needs its folder chosen.'],
    ];
    for (const [draft, message] of cases) {
      const result = await editor.save({ mode: 'create', draft });
      expect(result, message).toMatchObject({ ok: false, error: { message } });
    }
    const noFiles = await editor.save({
      mode: 'create',
      draft: { ...base, tls: undefined },
      passphrase: 'p',
    });
    expect(noFiles).toMatchObject({
      ok: false,
      error: {
        message: 'A passphrase was entered, but the profile says its certificate files need none.',
      },
    });
    expect(await editor.save({ mode: 'edit', draft: base })).toMatchObject({
      ok: false,
      error: { code: 'profile-unknown' },
    });
    expect(existsSync(path.join(home, 'profiles.json'))).toBe(false);
    value(await editor.save({ mode: 'create', draft: { ...base, tls: undefined } }));
    expect(await editor.save({ mode: 'create', draft: { ...base, tls: undefined } })).toMatchObject(
      {
        ok: false,
        error: { code: 'profile-exists' },
      },
    );
  });

  it('picks files by dialog or by name in local-files, and makes folder profiles', async () => {
    const { home, editor } = setup();
    expect(await editor.pick({ purpose: 'pkcs12', name: 'missing.p12' }, undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'file-not-found',
        message: expect.stringContaining("no file named 'missing.p12'"),
      },
    });
    expect(await editor.pick({ purpose: 'folder', name: 'client.p12' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'file-not-found' },
    });
    expect(await editor.pick({ purpose: 'pkcs12' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'file-dialog-unavailable' },
    });
    expect(value(await editor.pick({ purpose: 'pkcs12' }, async () => undefined))).toEqual({
      kind: 'cancelled',
    });
    const dialog = value(await editor.pick({ purpose: 'caFile' }, async () => '/chosen/ca.pem'));
    expect(dialog).toMatchObject({ kind: 'picked', path: '/chosen/ca.pem' });
    const folder = value(await editor.pick({ purpose: 'folder', name: 'cases' }, undefined));
    if (folder.kind !== 'picked') throw new Error('not picked');
    const saved = value(
      await editor.save({
        mode: 'create',
        draft: {
          id: 'cases',
          displayName: '',
          kind: 'folder',
          repository: 'patient-data',
          folder: { pickId: folder.pickId },
          isTestEnvironment: true,
          followsCalendar: true,
        },
      }),
    );
    expect(saved.profile.profile).toMatchObject({
      displayName: 'cases',
      baseUrl: path.join(home, 'local-files', 'cases'),
    });
    // A pick is for its own field: the CA pick cannot stand in for a PKCS#12 file.
    if (dialog.kind !== 'picked') throw new Error('not picked');
    const misused = await editor.save({
      mode: 'create',
      draft: {
        ...(await tlsDraft(editor, 'other')),
        tls: { pkcs12: { pickId: dialog.pickId }, hasPassphrase: false },
      },
    });
    expect(misused).toMatchObject({
      ok: false,
      error: { message: 'Choose the PKCS#12 file again; the choice expired.' },
    });
  });
});
