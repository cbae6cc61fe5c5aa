/**
 * TLS failures through the FHIR client as openConnection builds it: the client's connection
 * errors go through the TLS classifier with our certificate's facts, so a tester reads the
 * specific code and reason (refused because expired, untrusted server, wrong host name) instead of
 * "connection reset". Real Node HTTPS servers that require client certificates from the test PKI.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../../../../electron/services/environments/open-connection';
import { createCliSecretStore } from '../../../../../../electron/services/profiles/cli-secret-store';
import { ensureTestPki, type TestPki } from '../../../../../../electron/services/tls/test-pki';
import type { ProfileTls } from '../../../../../../shared/environments/profile';
import { startNodeServer, type RunningServer } from '../../tls/tls-servers';

let folder: string;
let pki: TestPki;
const servers: RunningServer[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'archivist-client-tls-'));
  const made = await ensureTestPki(folder);
  if (!made.ok) throw new Error(made.error.message);
  pki = made.value;
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await rm(folder, { recursive: true, force: true });
});

async function baseUrlOf(identity: 'server' | 'serverWrongName'): Promise<string> {
  const server = await startNodeServer(pki[identity], pki.ca.certificate);
  servers.push(server);
  return server.url.replace(/\/metadata$/, '');
}

async function checkWith(baseUrl: string, tls: ProfileTls) {
  const opened = await openConnection(
    {
      id: 'tls-env',
      displayName: 'TLS env',
      kind: 'fhir',
      baseUrl,
      repository: 'patient-data',
      isTestEnvironment: true,
      tls,
    },
    { secrets: createCliSecretStore({ env: {} }), deadlineMs: 20_000 },
  );
  if (!opened.ok) return opened;
  try {
    return await opened.value.check();
  } finally {
    opened.value.close();
  }
}

const pem = (name: 'client' | 'clientExpired' | 'clientServerAuthOnly') => ({
  certificate: pki[name].certificate,
  key: pki[name].key,
  caFile: pki.ca.certificate,
});

describe('FHIR client over mutual TLS', () => {
  it('connects with a good client certificate and the pinned CA', async () => {
    const checked = await checkWith(await baseUrlOf('server'), pem('client'));
    expect(checked.ok ? 'ok' : checked.error.message).toBe('ok');
  });

  it('says the server refused our certificate because it expired', async () => {
    const checked = await checkWith(await baseUrlOf('server'), pem('clientExpired'));
    expect(checked.ok ? 'ok' : checked.error.code).toBe('env-client-certificate-rejected');
    expect(checked.ok ? '' : checked.error.message).toMatch(
      /refused our client certificate: our certificate \(.*\) expired on \d{4}-\d{2}-\d{2}/,
    );
  });

  it('says a certificate without clientAuth usage was refused for that reason', async () => {
    const checked = await checkWith(await baseUrlOf('server'), pem('clientServerAuthOnly'));
    expect(checked.ok ? '' : checked.error.message).toContain('not made for client authentication');
  });

  it('distrusts a server outside the pinned CA and one named for another host', async () => {
    const otherPin = { ...pem('client'), caFile: pki.otherCa.certificate };
    const unpinned = await checkWith(await baseUrlOf('server'), otherPin);
    expect(unpinned.ok ? '' : unpinned.error.code).toBe('env-untrusted-server');
    expect(unpinned.ok ? '' : unpinned.error.message).toContain('not signed by the pinned CA');
    const wrongHost = await checkWith(await baseUrlOf('serverWrongName'), pem('client'));
    expect(wrongHost.ok ? '' : wrongHost.error.code).toBe('env-untrusted-server');
    expect(wrongHost.ok ? '' : wrongHost.error.message).toContain('another host name');
  });

  it('retries a read whose connection is reset after the handshake (a closed keep-alive looks the same)', async () => {
    const [cert, key, ca] = await Promise.all([
      readFile(pki.server.certificate),
      readFile(pki.server.key),
      readFile(pki.ca.certificate),
    ]);
    const server = https.createServer(
      { cert, key, ca, requestCert: true, rejectUnauthorized: true },
      (_request, response) => response.end('{"resourceType":"CapabilityStatement"}'),
    );
    let connections = 0;
    // The first connection is reset once the handshake is done; later ones are served.
    server.on('secureConnection', (socket) => {
      connections += 1;
      if (connections === 1) socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({
      url: '',
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    });
    const { port } = server.address() as AddressInfo;
    const checked = await checkWith(`https://127.0.0.1:${port}`, pem('client'));
    expect(checked.ok ? 'ok' : checked.error.message).toBe('ok');
    expect(connections).toBeGreaterThanOrEqual(2);
  });
});
