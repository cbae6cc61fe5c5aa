/**
 * The mTLS matrix (issue 4, "Done when"): real HTTPS servers that require client certificates
 * (the sandbox, a Node server with the factory's variants, `openssl s_server` for servers that
 * refuse with TLS alerts) and real requests through `loadClientTls` + `createTlsAgent`; every
 * failure must come back with its specific code and a message that names the cause.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../../electron/sandbox/server';
import type { SandboxTlsFiles } from '../../../../../electron/sandbox/tls-files';
import { environmentErrorCodes as codes } from '../../../../../electron/services/environments/connection';
import {
  loadClientTls,
  type ClientTls,
  type ClientTlsSettings,
} from '../../../../../electron/services/tls/client-tls';
import { ensureTestPki, type TestPki } from '../../../../../electron/services/tls/test-pki';
import { getWith, startNodeServer, startOpensslServer, type RunningServer } from './tls-servers';

let folder: string;
let pki: TestPki;
let sandbox: { baseUrl: string; tls: SandboxTlsFiles; close: () => Promise<void> };
const servers: RunningServer[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'archivist-mtls-'));
  const made = await ensureTestPki(folder);
  if (!made.ok) throw new Error(made.error.message);
  pki = made.value;
  const started = await startSandbox({ tls: true });
  if (!started.ok || !started.value.tls) throw new Error('the sandbox did not start with TLS');
  sandbox = { ...started.value, tls: started.value.tls };
}, 60_000);

afterAll(async () => {
  await Promise.all([sandbox?.close(), ...servers.map((server) => server.close())]);
  await rm(folder, { recursive: true, force: true });
});

async function loaded(settings: ClientTlsSettings): Promise<ClientTls> {
  const result = await loadClientTls(settings);
  if (!result.ok) throw new Error(`expected the settings to load: ${result.error.message}`);
  return result.value;
}

async function nodeServer(identity: keyof TestPki): Promise<string> {
  const server = await startNodeServer(
    pki[identity] as { certificate: string; key: string },
    pki.ca.certificate,
  );
  servers.push(server);
  return server.url;
}

const pem = (
  name:
    'client' | 'clientExpired' | 'clientNotYetValid' | 'clientServerAuthOnly' | 'clientByOtherCa',
) => ({
  certificate: pki[name].certificate,
  key: pki[name].key,
  caFile: pki.ca.certificate,
});

describe('mTLS matrix against the sandbox', () => {
  it('1. connects with a PEM certificate and key and the pinned sandbox CA', async () => {
    const tls = await loaded({
      certificate: sandbox.tls.clientCertificate,
      key: sandbox.tls.clientKey,
      caFile: sandbox.tls.caCertificate,
    });
    expect(await getWith(tls, `${sandbox.baseUrl}/metadata`)).toEqual({ ok: true, value: 200 });
  });

  it('2. connects with a PKCS#12 and its passphrase', async () => {
    const tls = await loaded({
      pkcs12: sandbox.tls.clientPkcs12,
      passphrase: sandbox.tls.clientPkcs12Passphrase,
      caFile: sandbox.tls.caCertificate,
    });
    expect(tls.clientCertificate?.subject).toBe('Archivist sandbox test client');
    expect(await getWith(tls, `${sandbox.baseUrl}/metadata`)).toEqual({ ok: true, value: 200 });
  });

  it('3. without a client certificate: the server requires one, and the profile has none', async () => {
    const tls = await loaded({ caFile: sandbox.tls.caCertificate });
    const result = await getWith(tls, `${sandbox.baseUrl}/metadata`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(codes.clientCertificateRejected);
    expect(result.error.message).toMatch(
      /requires a client certificate, and this profile has none/,
    );
  });

  it('4. with the wrong CA pinned: the sandbox is not trusted', async () => {
    const tls = await loaded({ ...pem('client'), caFile: pki.otherCa.certificate });
    const result = await getWith(tls, `${sandbox.baseUrl}/metadata`);
    expect(result).toMatchObject({ ok: false, error: { code: codes.untrustedServer } });
    if (!result.ok) expect(result.error.message).toMatch(/not signed by the pinned CA/);
  });
});

describe('mTLS matrix: client certificates the server refuses (Node server, closes after the handshake)', () => {
  it('5. an expired client certificate: refused, and we say it expired and when', async () => {
    const tls = await loaded(pem('clientExpired'));
    const result = await getWith(tls, await nodeServer('server'));
    expect(result).toMatchObject({ ok: false, error: { code: codes.clientCertificateRejected } });
    const expiredOn = tls.clientCertificate?.validTo.slice(0, 10);
    if (!result.ok)
      expect(result.error.message).toContain(
        `refused our client certificate: our certificate (Archivist expired client) expired on ${expiredOn}`,
      );
  });

  it('6. a client certificate that is not valid yet', async () => {
    const tls = await loaded(pem('clientNotYetValid'));
    const result = await getWith(tls, await nodeServer('server'));
    expect(result).toMatchObject({ ok: false, error: { code: codes.clientCertificateRejected } });
    if (!result.ok)
      expect(result.error.message).toContain(
        `(Archivist future client) is not valid until ${tls.clientCertificate?.validFrom.slice(0, 10)}`,
      );
  });

  it('7. a client certificate without the clientAuth usage (serverAuth only)', async () => {
    const result = await getWith(
      await loaded(pem('clientServerAuthOnly')),
      await nodeServer('server'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: codes.clientCertificateRejected } });
    if (!result.ok) expect(result.error.message).toMatch(/extended key usage lacks clientAuth/);
  });

  it('8. a client certificate from a CA the server does not trust', async () => {
    const result = await getWith(await loaded(pem('clientByOtherCa')), await nodeServer('server'));
    expect(result).toMatchObject({ ok: false, error: { code: codes.clientCertificateRejected } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /issued by Archivist other CA, is probably not from a CA this server trusts/,
      );
  });
});

describe('mTLS matrix: servers we must not trust', () => {
  it('9. an expired server certificate', async () => {
    const result = await getWith(await loaded(pem('client')), await nodeServer('serverExpired'));
    expect(result).toMatchObject({ ok: false, error: { code: codes.untrustedServer } });
    if (!result.ok) expect(result.error.message).toMatch(/server certificate has expired/);
  });

  it('10. a server certificate made out for another host name', async () => {
    const result = await getWith(await loaded(pem('client')), await nodeServer('serverWrongName'));
    expect(result).toMatchObject({ ok: false, error: { code: codes.untrustedServer } });
    if (!result.ok)
      expect(result.error.message).toMatch(/another host name \(DNS:wrong-host\.invalid\)/);
  });

  it('11. a rogue CA bundled inside the PKCS#12 cannot make its server trusted', async () => {
    const url = await nodeServer('serverByRogueCa');
    const settings = {
      pkcs12: pki.clientPkcs12WithRogueCa,
      passphrase: pki.passphrase,
      caFile: pki.ca.certificate,
    };
    // The hazard is real: plain Node options with the same files trust the rogue server.
    const [pfx, ca] = await Promise.all([readFile(settings.pkcs12), readFile(settings.caFile)]);
    const plainStatus = await new Promise<number>((resolve, reject) =>
      https
        .get(url, { pfx, ca, passphrase: pki.passphrase, agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject),
    );
    expect(plainStatus).toBe(200);
    const result = await getWith(await loaded(settings), url);
    expect(result).toMatchObject({ ok: false, error: { code: codes.untrustedServer } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /not signed by the pinned CA\. A CA bundled inside a PKCS#12 file is never trusted/,
      );
  });
});

describe('mTLS matrix: certificate material that cannot be used', () => {
  it('12. a wrong PKCS#12 passphrase is an error value, not a throw', async () => {
    const result = await loadClientTls({
      pkcs12: pki.clientPkcs12,
      passphrase: 'not-the-passphrase',
      caFile: pki.ca.certificate,
    });
    expect(result).toMatchObject({ ok: false, error: { code: codes.certificate } });
    if (!result.ok)
      expect(result.error.message).toBe(
        `The passphrase for ${pki.clientPkcs12} is wrong or missing.`,
      );
  });

  it('13. a legacy (RC2) PKCS#12 is refused with the re-export command', async () => {
    const result = await loadClientTls({
      pkcs12: pki.clientPkcs12Legacy,
      passphrase: pki.passphrase,
      caFile: pki.ca.certificate,
    });
    expect(result).toMatchObject({ ok: false, error: { code: codes.certificate } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/uses legacy PKCS#12 encryption \(RC2\)/);
      expect(result.error.message).toContain(
        `openssl pkcs12 -legacy -in '${pki.clientPkcs12Legacy}' -nodes -out`,
      );
    }
  });
});

describe('mTLS matrix: servers that refuse with a TLS alert (openssl s_server)', () => {
  async function opensslServer(): Promise<string> {
    const server = await startOpensslServer(pki.server, pki.ca.certificate);
    servers.push(server);
    return server.url;
  }

  it('14. accepts our PKCS#12 certificate', async () => {
    const tls = await loaded({
      pkcs12: pki.clientPkcs12,
      passphrase: pki.passphrase,
      caFile: pki.ca.certificate,
    });
    expect(await getWith(tls, await opensslServer())).toEqual({ ok: true, value: 200 });
  });

  it('15. an "unknown ca" alert names the CA that issued our certificate', async () => {
    const result = await getWith(await loaded(pem('clientByOtherCa')), await opensslServer());
    expect(result).toMatchObject({ ok: false, error: { code: codes.clientCertificateRejected } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /refused our client certificate: it does not trust the CA that issued our certificate \(Archivist other CA\)/,
      );
  });

  it('16. a "certificate expired" alert', async () => {
    const result = await getWith(await loaded(pem('clientExpired')), await opensslServer());
    expect(result).toMatchObject({ ok: false, error: { code: codes.clientCertificateRejected } });
    if (!result.ok) expect(result.error.message).toMatch(/it says our certificate has expired/);
  });
});

describe('mTLS matrix: nobody there', () => {
  it('17. a closed port is unreachable, with the reason', async () => {
    const server = await startNodeServer(pki.server, pki.ca.certificate);
    await server.close();
    const result = await getWith(await loaded(pem('client')), server.url);
    expect(result).toMatchObject({ ok: false, error: { code: codes.unreachable } });
    if (!result.ok) expect(result.error.message).toMatch(/the connection was refused/);
  });
});
