/**
 * The factory's certificates say what their names promise (read back with X509Certificate,
 * not with the factory), the legacy PKCS#12 really uses RC2, and a second call reuses the set.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendedKeyUsageOids } from '../../../../../electron/services/tls/certificate-facts';
import { usesLegacyEncryption } from '../../../../../electron/services/tls/client-material';
import { withFiles } from '../../../../../electron/services/tls/openssl-cli';
import { ensureTestPki, type TestPki } from '../../../../../electron/services/tls/test-pki';

let folder: string;
let pki: TestPki;
const dayMs = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'archivist-factory-'));
  const made = await ensureTestPki(folder);
  if (!made.ok) throw new Error(made.error.message);
  pki = made.value;
}, 60_000);

afterAll(() => rm(folder, { recursive: true, force: true }));

async function certificate(file: string): Promise<X509Certificate> {
  return new X509Certificate(await readFile(file));
}

describe('certificate factory', () => {
  it('makes CAs, and servers and clients signed by them with the right usages and names', async () => {
    const [ca, server, client, serverOnly, stranger, otherCa] = await Promise.all([
      certificate(pki.ca.certificate),
      certificate(pki.server.certificate),
      certificate(pki.client.certificate),
      certificate(pki.clientServerAuthOnly.certificate),
      certificate(pki.clientByOtherCa.certificate),
      certificate(pki.otherCa.certificate),
    ]);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(server.keyUsage).toEqual([extendedKeyUsageOids.serverAuth]);
    expect(client.keyUsage).toEqual([extendedKeyUsageOids.clientAuth]);
    expect(serverOnly.keyUsage).toEqual([extendedKeyUsageOids.serverAuth]);
    expect(stranger.verify(ca.publicKey)).toBe(false);
    expect(stranger.verify(otherCa.publicKey)).toBe(true);
  });

  it('dates the variants as named', async () => {
    const created = Date.parse(pki.createdAt);
    const [expired, future, soon, good] = await Promise.all([
      certificate(pki.clientExpired.certificate),
      certificate(pki.clientNotYetValid.certificate),
      certificate(pki.clientExpiringSoon.certificate),
      certificate(pki.client.certificate),
    ]);
    expect(Date.parse(expired.validTo)).toBeLessThan(created);
    expect(Date.parse(future.validFrom)).toBeGreaterThan(created + 29 * dayMs);
    expect(Date.parse(soon.validTo) - created).toBeLessThan(11 * dayMs);
    expect(Date.parse(soon.validTo)).toBeGreaterThan(created);
    expect(Date.parse(good.validFrom)).toBeLessThanOrEqual(created);
    expect(Date.parse(good.validTo) - created).toBeGreaterThan(800 * dayMs);
  });

  it('exports the legacy PKCS#12 with RC2 and the others without', async () => {
    const [legacy, modern, rogue] = await Promise.all([
      readFile(pki.clientPkcs12Legacy),
      readFile(pki.clientPkcs12),
      readFile(pki.clientPkcs12WithRogueCa),
    ]);
    expect(usesLegacyEncryption(legacy)).toBe(true);
    expect(usesLegacyEncryption(modern)).toBe(false);
    expect(usesLegacyEncryption(rogue)).toBe(false);
  });

  it('reuses the set made in the folder', async () => {
    const before = await stat(pki.ca.certificate);
    const again = await ensureTestPki(folder);
    expect(again.ok && again.value.createdAt).toBe(pki.createdAt);
    expect((await stat(pki.ca.certificate)).mtimeMs).toBe(before.mtimeMs);
  });

  it('says when openssl cannot write the files', async () => {
    const blocked = path.join(pki.ca.certificate, 'inside-a-file');
    const result = await ensureTestPki(blocked);
    expect(result).toMatchObject({ ok: false, error: { code: 'tls-factory-failed' } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        `Could not create the folder ${blocked}: a part of the path is a file.`,
      );
      expect(result.error.message).not.toMatch(/\bE[A-Z]{3,}\b/);
    }
  });
});

describe('withFiles', () => {
  it('names a file the action does not name, and says why in words', async () => {
    const target = path.join(folder, 'no-folder', 'manifest.json');
    const result = await withFiles('save the test PKI manifest', () => writeFile(target, '{}'));
    expect(result).toMatchObject({ ok: false, error: { code: 'tls-factory-failed' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        `Could not save the test PKI manifest (${target}): the folder does not exist.`,
      );
  });
});
