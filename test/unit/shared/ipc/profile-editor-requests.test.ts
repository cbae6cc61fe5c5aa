/**
 * The Environments screen's and the audit export's request validators: what the window may send
 * (files only as pick ids or "keep", a bounded passphrase, known fields), each refusal a sentence
 * naming the field.
 */
import { describe, expect, it } from 'vitest';
import { requestValidators } from '../../../../shared/ipc/contract';

const draft = {
  id: 'lab',
  displayName: 'Lab',
  kind: 'AT',
  repository: 'patient-data',
  baseUrl: 'https://lab.example/fhir',
  isTestEnvironment: true,
  followsCalendar: true,
};
const save = (raw: unknown) => requestValidators['profiles:save'](raw, 'request');
const pickId = 'pick-0b7c6c1e-4a0e-4a8e-9f7a-1d2c3b4a5f60';

describe('profile editor requests', () => {
  it('accepts a draft with picked and kept files and a passphrase', () => {
    const tls = { pkcs12: { pickId }, caFile: { keep: true }, hasPassphrase: true };
    expect(save({ mode: 'edit', draft: { ...draft, tls }, passphrase: 'p' })).toEqual({
      ok: true,
      value: { mode: 'edit', draft: { ...draft, tls }, passphrase: 'p' },
    });
  });

  it.each([
    [
      { mode: 'create', draft: { ...draft, tls: { pkcs12: '/etc/passwd', hasPassphrase: false } } },
      'request.draft.tls.pkcs12 must be an object.',
    ],
    [
      {
        mode: 'create',
        draft: { ...draft, tls: { pkcs12: { pickId: 'x' }, hasPassphrase: false } },
      },
      'request.draft.tls.pkcs12.pickId must be the id of a file chosen in the dialog.',
    ],
    [
      { mode: 'create', draft: { ...draft, folder: { keep: false } } },
      'request.draft.folder.keep must be true.',
    ],
    [
      { mode: 'create', draft: { ...draft, folder: { keep: true, path: '/x' } } },
      "request.draft.folder has an unknown field 'path'.",
    ],
    [
      { mode: 'create', draft: { ...draft, kind: 'prod' } },
      'request.draft.kind must be one of sandbox, AT, TK, folder, fhir.',
    ],
    [
      { mode: 'create', draft: { ...draft, passphrase: 'p' } },
      "request.draft has an unknown field 'passphrase'.",
    ],
    [
      { mode: 'create', draft, passphrase: 'x'.repeat(1025) },
      'request.passphrase is too long (1025 characters, at most 1024).',
    ],
    [{ mode: 'replace', draft }, 'request.mode must be one of create, edit.'],
  ])('refuses %j with a sentence', (raw, message) => {
    expect(save(raw)).toEqual({ ok: false, error: { code: 'invalid-request', message } });
  });

  it('checks picks, profile ids and audit exports', () => {
    const pick = requestValidators['profiles:pick-file'];
    expect(pick({ purpose: 'pkcs12', name: 'client.p12' }, 'request').ok).toBe(true);
    expect(pick({ purpose: 'pkcs12', name: '../secrets.json' }, 'request')).toMatchObject({
      ok: false,
      error: { message: 'request.name must be a file name without folders.' },
    });
    for (const name of ['..', '.', 'a\\b'])
      expect(pick({ purpose: 'folder', name }, 'request').ok, name).toBe(false);
    expect(pick({ purpose: 'folder', name: '..cases' }, 'request').ok).toBe(true);
    expect(pick({ purpose: 'password' }, 'request').ok).toBe(false);
    expect(requestValidators['profiles:remove']({ profileId: 'Bad Id' }, 'request').ok).toBe(false);
    const auditExport = requestValidators['audit:export'];
    expect(auditExport({ format: 'csv', filter: { action: 'R' } }, 'request').ok).toBe(true);
    expect(auditExport({ format: 'pdf', filter: {} }, 'request')).toMatchObject({
      ok: false,
      error: { message: 'request.format must be one of json, csv.' },
    });
  });
});
