/**
 * loadClientTls on real files: every way certificate settings can be wrong comes back as an
 * `env-certificate` value with a sentence, and the pin holds even without a CA file (the CAs
 * bundled in a PKCS#12 are never trusted).
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentErrorCodes as codes } from '../../../../../electron/services/environments/connection';
import { chainReachesAnchor, loadClientTls } from '../../../../../electron/services/tls/client-tls';
import { ensureTestPki, type TestPki } from '../../../../../electron/services/tls/test-pki';
import { getWith, startNodeServer, type RunningServer } from './tls-servers';

let folder: string;
let pki: TestPki;
const servers: RunningServer[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'archivist-client-tls-'));
  const made = await ensureTestPki(folder);
  if (!made.ok) throw new Error(made.error.message);
  pki = made.value;
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await rm(folder, { recursive: true, force: true });
});

async function expectCertificateError(
  settings: Parameters<typeof loadClientTls>[0],
  message: string | RegExp,
) {
  const result = await loadClientTls(settings);
  expect(result).toMatchObject({ ok: false, error: { code: codes.certificate } });
  if (!result.ok) expect(result.error.message).toMatch(message);
}

describe('loadClientTls', () => {
  it('reads an encrypted PEM key with its passphrase and refuses a wrong one', async () => {
    const encrypted = path.join(folder, 'client-encrypted.key.pem');
    execFileSync('openssl', [
      ...['pkey', '-in', pki.client.key, '-aes256', '-passout', 'pass:pem-secret'],
      ...['-out', encrypted],
    ]);
    const settings = {
      certificate: pki.client.certificate,
      key: encrypted,
      caFile: pki.ca.certificate,
    };
    const good = await loadClientTls({ ...settings, passphrase: 'pem-secret' });
    expect(good.ok && good.value.usesClientCertificate).toBe(true);
    await expectCertificateError(
      { ...settings, passphrase: 'wrong' },
      /passphrase .* is wrong or missing/,
    );
  });

  it('calls a wrong passphrase of an encrypted PEM key wrong also when its padding check passes', async () => {
    // About one wrong passphrase in 256 decrypts to garbage that passes the padding check, and
    // OpenSSL's decoder then says "unsupported" (this once read as legacy PKCS#12 in CI).
    const encrypted = path.join(folder, 'client-encrypted-many.key.pem');
    // One key-derivation round, so that finding such a passphrase takes milliseconds.
    execFileSync('openssl', [
      ...['pkcs8', '-topk8', '-in', pki.client.key, '-v2', 'aes-256-cbc', '-iter', '1'],
      ...['-passout', 'pass:pem-secret', '-out', encrypted],
    ]);
    const key = readFileSync(encrypted);
    const paddingPasses = Array.from({ length: 5000 }, (_, n) => `wrong-${n}`).find((phrase) => {
      try {
        createPrivateKey({ key, passphrase: phrase });
        return false;
      } catch (error) {
        return !/bad decrypt/i.test((error as Error).message);
      }
    });
    expect(paddingPasses).toBeDefined();
    await expectCertificateError(
      { certificate: pki.client.certificate, key: encrypted, passphrase: paddingPasses! },
      /passphrase .* is wrong or missing/,
    );
  });

  it('takes the key from the certificate file when both are in one PEM', async () => {
    const combined = path.join(folder, 'client-combined.pem');
    const [certificate, key] = await Promise.all([
      readFile(pki.client.certificate, 'utf8'),
      readFile(pki.client.key, 'utf8'),
    ]);
    await writeFile(combined, certificate + key);
    const result = await loadClientTls({ certificate: combined, caFile: pki.ca.certificate });
    expect(result.ok && result.value.clientCertificate?.subject).toBe('Archivist test client');
  });

  it('says which file is missing or wrong, and refuses contradictory settings', async () => {
    const missing = path.join(folder, 'missing.p12');
    await expectCertificateError(
      { pkcs12: missing, passphrase: 'x' },
      `The client certificate file ${missing} does not exist.`,
    );
    await expectCertificateError(
      { pkcs12: pki.client.certificate, passphrase: pki.passphrase },
      `${pki.client.certificate} is not a PKCS#12 (.p12/.pfx) file.`,
    );
    await expectCertificateError(
      { certificate: pki.client.key, key: pki.client.key },
      `${pki.client.key} holds no PEM certificate.`,
    );
    await expectCertificateError(
      { pkcs12: pki.clientPkcs12, certificate: pki.client.certificate },
      'Give either a PKCS#12 file or a PEM certificate and key, not both.',
    );
    await expectCertificateError(
      { ...pki.client, caFile: path.join(folder) },
      `The CA file ${folder} is a folder, not a file.`,
    );
    await expectCertificateError(
      { ...pki.client, caFile: pki.client.key },
      `The CA file ${pki.client.key} holds no PEM certificate.`,
    );
    const underFile = path.join(pki.client.key, 'ca.pem');
    await expectCertificateError(
      { ...pki.client, caFile: underFile },
      `The CA file ${underFile} cannot be read (a part of the path is a file).`,
    );
  });

  it('without a CA file, trusts only root certificates, never the CA bundled in the PKCS#12', async () => {
    const server = await startNodeServer(pki.server, pki.ca.certificate);
    servers.push(server);
    // client.p12 bundles the very CA that signed this server.
    const tls = await loadClientTls({ pkcs12: pki.clientPkcs12, passphrase: pki.passphrase });
    if (!tls.ok) throw new Error(tls.error.message);
    expect(tls.value.ca).toBeUndefined();
    const result = await getWith(tls.value, server.url);
    expect(result).toMatchObject({ ok: false, error: { code: codes.untrustedServer } });
  });
});

describe('chainReachesAnchor', () => {
  it('accepts a chain signed by an anchor and refuses one signed by another CA', async () => {
    const load = async (file: string) => new X509Certificate(await readFile(file));
    const [server, rogueServer, ca, otherCa, rogueCa] = await Promise.all([
      load(pki.server.certificate),
      load(pki.serverByRogueCa.certificate),
      load(pki.ca.certificate),
      load(pki.otherCa.certificate),
      load(pki.rogueCa.certificate),
    ]);
    expect(chainReachesAnchor([server, ca], [ca])).toBe(true);
    expect(chainReachesAnchor([server], [ca])).toBe(true);
    expect(chainReachesAnchor([server, ca], [otherCa])).toBe(false);
    expect(chainReachesAnchor([rogueServer, rogueCa], [ca])).toBe(false);
    // A chain that claims the pinned CA as issuer without its signature does not pass.
    expect(chainReachesAnchor([rogueServer, ca], [otherCa])).toBe(false);
  });
});
