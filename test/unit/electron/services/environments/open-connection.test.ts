/**
 * openConnection against real sandboxes: plain HTTP; HTTPS with client certificates (PKCS#12
 * with the passphrase from the secret store, PEM); the refusals a tester meets (no passphrase,
 * wrong passphrase, no client certificate, TLS settings on http://), writes refused for a profile
 * that is not a test environment, the profile's own calendar, and a folder profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import type { SandboxTlsFiles } from '../../../../../electron/sandbox/tls-files';
import { openConnection } from '../../../../../electron/services/environments/open-connection';
import { createCliSecretStore } from '../../../../../electron/services/profiles/cli-secret-store';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import type { EnvironmentProfile } from '../../../../../shared/environments/profile';
import { hetuSystem, type Provenance } from '../../../../../shared/fhir/resources';

let plain: RunningSandbox;
let secure: RunningSandbox;
let tls: SandboxTlsFiles;
let hetu: string;
const work = mkdtempSync(join(tmpdir(), 'archivist-open-'));

beforeAll(async () => {
  const [a, b] = await Promise.all([startSandbox({}), startSandbox({ tls: true })]);
  if (!a.ok || !b.ok || !b.value.tls) throw new Error('a sandbox did not start');
  plain = a.value;
  secure = b.value;
  tls = b.value.tls;
  const patient = [...plain.store.patients.values()][1];
  hetu = patient?.identifier?.find((id) => id.system === hetuSystem)?.value ?? '';
}, 120_000);

afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close()]);
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

const profile = (fields: Partial<EnvironmentProfile>): EnvironmentProfile => ({
  id: 'env-one',
  displayName: 'Env one',
  kind: 'fhir',
  baseUrl: plain.baseUrl,
  repository: 'patient-data',
  isTestEnvironment: true,
  ...fields,
});

const noSecrets = createCliSecretStore({ env: {} });
const withPassphrase = (value: string) =>
  createCliSecretStore({ env: { ARCHIVIST_PASSPHRASE_ENV_ONE: value } });

async function searchWith(target: EnvironmentProfile, secrets = noSecrets) {
  const opened = await openConnection(target, { secrets, deadlineMs: 20_000 });
  if (!opened.ok) return opened;
  try {
    return await opened.value.search({ patient: hetu, limit: 5 });
  } finally {
    opened.value.close();
  }
}

const errorOf = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? { code: 'ok', message: '' } : result.error!;

describe('openConnection', () => {
  it('searches a FHIR profile over HTTP', async () => {
    const found = await searchWith(profile({}));
    expect(found.ok && found.value.length).toBeGreaterThan(0);
  });

  it('connects with a PKCS#12 client certificate whose passphrase comes from the secret store', async () => {
    const target = profile({
      baseUrl: secure.baseUrl,
      tls: {
        pkcs12: tls.clientPkcs12,
        caFile: tls.caCertificate,
        passphraseRef: 'profile:env-one',
      },
    });
    const found = await searchWith(target, withPassphrase(tls.clientPkcs12Passphrase));
    expect(found.ok && found.value.length).toBeGreaterThan(0);
  });

  it('connects with PEM certificate and key', async () => {
    const target = profile({
      baseUrl: secure.baseUrl,
      tls: { certificate: tls.clientCertificate, key: tls.clientKey, caFile: tls.caCertificate },
    });
    const found = await searchWith(target);
    expect(found.ok && found.value.length).toBeGreaterThan(0);
  });

  it('says how to give a missing passphrase, and names a wrong one', async () => {
    const target = profile({
      baseUrl: secure.baseUrl,
      tls: {
        pkcs12: tls.clientPkcs12,
        caFile: tls.caCertificate,
        passphraseRef: 'profile:env-one',
      },
    });
    expect(errorOf(await searchWith(target))).toEqual({
      code: 'secret-unavailable',
      message:
        'Env one needs the passphrase of its client certificate: set ARCHIVIST_PASSPHRASE_ENV_ONE (or ARCHIVIST_PASSPHRASE), or run the command on a terminal to be asked.',
    });
    const wrong = errorOf(await searchWith(target, withPassphrase('not-it')));
    expect(wrong.code).toBe('env-certificate');
    expect(wrong.message).toBe(
      `Environment Env one cannot be used: its passphrase for ${tls.clientPkcs12} is wrong or missing.`,
    );
  });

  it('explains a server that requires a client certificate the profile lacks', async () => {
    const target = profile({ baseUrl: secure.baseUrl, tls: { caFile: tls.caCertificate } });
    const failed = errorOf(await searchWith(target));
    expect(failed.code).toBe('env-client-certificate-rejected');
    expect(failed.message).toContain('requires a client certificate');
  });

  it('refuses TLS settings on an http:// address', async () => {
    expect(errorOf(await searchWith(profile({ tls: { caFile: tls.caCertificate } })))).toEqual({
      code: 'env-bad-profile',
      message:
        'Environment Env one cannot be used: it has TLS settings but its base URL starts with http://; use https:// so the certificate is used.',
    });
    expect(errorOf(await searchWith(profile({ baseUrl: 'ftp://x' })))).toEqual({
      code: 'env-bad-profile',
      message: 'Environment Env one cannot be used: its base URL is not an http(s) address.',
    });
    expect(errorOf(await searchWith(profile({ baseUrl: 'not a url' })))).toEqual({
      code: 'env-bad-profile',
      message: 'Environment Env one cannot be used: its base URL is not an address.',
    });
  });

  it('names the environment and the file when its CA file is missing or a folder', async () => {
    const missing = join(work, 'no-folder', 'ca.pem');
    const lost = profile({ baseUrl: secure.baseUrl, tls: { caFile: missing } });
    expect(errorOf(await searchWith(lost))).toEqual({
      code: 'env-certificate',
      message: `Environment Env one cannot be used: its CA file ${missing} does not exist.`,
    });
    const folder = profile({ baseUrl: secure.baseUrl, tls: { caFile: work } });
    expect(errorOf(await searchWith(folder)).message).toBe(
      `Environment Env one cannot be used: its CA file ${work} is a folder, not a file.`,
    );
  });

  it('names the environment and the folder of a folder profile that is gone', async () => {
    const gone = join(work, 'gone');
    expect(errorOf(await searchWith(profile({ kind: 'folder', baseUrl: gone })))).toEqual({
      code: 'env-unreachable',
      message: `Environment Env one cannot be used: its folder ${gone} does not exist.`,
    });
  });

  it('never writes to a profile that is not a test environment', async () => {
    const opened = await openConnection(profile({ isTestEnvironment: false }), {
      secrets: noSecrets,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const before = plain.store.provenances.size;
    const refused = await opened.value.invalidate({ resourceType: 'Provenance' } as Provenance, {
      requestId: 'req-1',
    });
    opened.value.close();
    expect(errorOf(refused).code).toBe('env-read-only');
    expect(plain.store.provenances.size).toBe(before);
  });

  it("runs on the profile's own calendar: an announced outage refuses at once", async () => {
    const calendar = {
      timeZone: 'Europe/Helsinki' as const,
      serviceHours: { days: ['monday' as const], start: '00:00', end: '24:00' },
      monthly: [],
      announcedOutages: [
        {
          startsAt: '2026-01-01T00:00:00Z',
          endsAt: '2027-01-01T00:00:00Z',
          description: 'Upgrade',
        },
      ],
    };
    const opened = await openConnection(profile({ calendar }), {
      secrets: noSecrets,
      now: () => new Date('2026-06-01T10:00:00Z'),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const refused = await opened.value.search({ patient: hetu });
    opened.value.close();
    expect(errorOf(refused).code).toBe('env-scheduled-outage');
  });

  it('opens a folder profile', async () => {
    const opened = await openConnection(profile({ kind: 'folder', baseUrl: work }), {
      secrets: noSecrets,
    });
    const check = opened.ok ? await opened.value.check() : opened;
    expect(check.ok && check.value.documentCount).toBe(0);
  });
});
