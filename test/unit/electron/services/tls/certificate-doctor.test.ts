/**
 * The certificate doctor on the factory's real certificates: every finding it promises
 * (dates, 30-day warning, passphrase, legacy PKCS#12, key usage, key match, CA file) and the
 * server check against real HTTPS servers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  diagnoseCertificates,
  type DoctorFinding,
  type DoctorReport,
} from '../../../../../electron/services/tls/certificate-doctor';
import { loadClientTls } from '../../../../../electron/services/tls/client-tls';
import { ensureTestPki, type TestPki } from '../../../../../electron/services/tls/test-pki';
import { startNodeServer, type RunningServer } from './tls-servers';

let folder: string;
let pki: TestPki;
const servers: RunningServer[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'archivist-doctor-'));
  const made = await ensureTestPki(folder);
  if (!made.ok) throw new Error(made.error.message);
  pki = made.value;
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await rm(folder, { recursive: true, force: true });
});

function find(report: DoctorReport, code: string): DoctorFinding {
  const found = report.findings.find((item) => item.code === code);
  if (!found)
    throw new Error(`no ${code} finding in ${JSON.stringify(report.findings.map((f) => f.code))}`);
  return found;
}

const codesOf = (report: DoctorReport) => report.findings.map((item) => item.code);

describe('certificate doctor: the files', () => {
  it('passes a good PEM certificate, key and pinned CA', async () => {
    const report = await diagnoseCertificates({
      certificate: pki.client.certificate,
      key: pki.client.key,
      caFile: pki.ca.certificate,
    });
    expect(codesOf(report)).toEqual(['ca-ok', 'certificate-valid']);
    expect(report.isUsable).toBe(true);
    expect(find(report, 'ca-ok').message).toMatch(
      /^The pinned CA is Archivist test CA, valid until \d{4}-\d\d-\d\d\.$/,
    );
    expect(find(report, 'certificate-valid').message).toMatch(
      /Archivist test client \(issued by Archivist test CA\) is valid until/,
    );
  });

  it('reports an expired certificate with its date', async () => {
    const report = await diagnoseCertificates({ ...pki.clientExpired, caFile: pki.ca.certificate });
    const finding = find(report, 'certificate-expired');
    expect(finding.severity).toBe('error');
    expect(finding.message).toMatch(
      /Archivist expired client expired on \d{4}-\d\d-\d\d: ask the issuer/,
    );
    expect(report.isUsable).toBe(false);
  });

  it('reports a certificate that is not valid yet', async () => {
    const report = await diagnoseCertificates({
      ...pki.clientNotYetValid,
      caFile: pki.ca.certificate,
    });
    expect(find(report, 'certificate-not-yet-valid')).toMatchObject({ severity: 'error' });
  });

  it('warns when the certificate expires within 30 days, and says in how many', async () => {
    const report = await diagnoseCertificates({
      ...pki.clientExpiringSoon,
      caFile: pki.ca.certificate,
    });
    const finding = find(report, 'certificate-expires-soon');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/expires on \d{4}-\d\d-\d\d, in (9|10) days/);
    expect(report.isUsable).toBe(true);
  });

  it('judges the dates by the given clock', async () => {
    const later = new Date(Date.now() + 900 * 24 * 60 * 60 * 1000);
    const report = await diagnoseCertificates(
      { ...pki.client, caFile: pki.ca.certificate },
      { now: later },
    );
    expect(find(report, 'certificate-expired').severity).toBe('error');
  });

  it('reports a wrong PKCS#12 passphrase', async () => {
    const report = await diagnoseCertificates({
      pkcs12: pki.clientPkcs12,
      passphrase: 'wrong',
      caFile: pki.ca.certificate,
    });
    expect(find(report, 'wrong-passphrase').message).toBe(
      `The passphrase for ${pki.clientPkcs12} is wrong or missing.`,
    );
  });

  it('reports a legacy PKCS#12 with the re-export command, even with a wrong passphrase', async () => {
    const right = await diagnoseCertificates({
      pkcs12: pki.clientPkcs12Legacy,
      passphrase: pki.passphrase,
      caFile: pki.ca.certificate,
    });
    expect(codesOf(right)).toEqual(['ca-ok', 'legacy-pkcs12']);
    const command = find(right, 'legacy-pkcs12').message.split('re-export it once with: ')[1];
    const stem = path.join(folder, 'client-legacy');
    expect(command).toBe(
      `openssl pkcs12 -legacy -in '${stem}.p12' -nodes -out '${stem}-unencrypted.pem' && ` +
        `openssl pkcs12 -export -in '${stem}-unencrypted.pem' -out '${stem}-modern.p12' && rm '${stem}-unencrypted.pem'`,
    );
    const wrong = await diagnoseCertificates({
      pkcs12: pki.clientPkcs12Legacy,
      passphrase: 'wrong',
      caFile: pki.ca.certificate,
    });
    expect(codesOf(wrong)).toEqual(['ca-ok', 'legacy-pkcs12', 'wrong-passphrase']);
  });

  it('reads the certificate out of a good PKCS#12', async () => {
    const report = await diagnoseCertificates({
      pkcs12: pki.clientPkcs12,
      passphrase: pki.passphrase,
      caFile: pki.ca.certificate,
    });
    expect(codesOf(report)).toEqual(['ca-ok', 'certificate-valid']);
  });

  it('reports a certificate without the clientAuth key usage', async () => {
    const report = await diagnoseCertificates({
      ...pki.clientServerAuthOnly,
      caFile: pki.ca.certificate,
    });
    expect(find(report, 'certificate-missing-client-auth').message).toMatch(
      /not made for client authentication: its extended key usage lacks clientAuth/,
    );
  });

  it('reports a key that does not belong to the certificate, and still checks its dates', async () => {
    const report = await diagnoseCertificates({
      certificate: pki.client.certificate,
      key: pki.clientExpired.key,
      caFile: pki.ca.certificate,
    });
    expect(codesOf(report)).toEqual(['ca-ok', 'key-mismatch', 'certificate-valid']);
    expect(find(report, 'key-mismatch').message).toBe(
      `The private key does not belong to the certificate in ${pki.client.certificate}.`,
    );
  });

  it('reports CA files that are missing, not certificates, or not a CA; and no CA at all', async () => {
    const missing = path.join(folder, 'no-such-ca.pem');
    const garbage = path.join(folder, 'garbage.pem');
    await writeFile(garbage, 'not a certificate\n');
    const cases = [
      [missing, 'ca-unreadable', `The CA file ${missing} does not exist.`],
      [garbage, 'ca-unreadable', `The CA file ${garbage} holds no PEM certificate.`],
      [
        pki.client.certificate,
        'ca-not-a-ca',
        /holds no CA certificate \(Archivist test client is an end-entity certificate\)/,
      ],
    ] as const;
    for (const [caFile, code, message] of cases) {
      const finding = find(await diagnoseCertificates({ ...pki.client, caFile }), code);
      expect(finding.severity).toBe('error');
      expect(finding.message).toMatch(message);
    }
    const unpinned = await diagnoseCertificates({ ...pki.client });
    expect(find(unpinned, 'ca-not-pinned').severity).toBe('warning');
  });

  it('reports unreadable certificate files and a missing client certificate', async () => {
    const missing = path.join(folder, 'nothing.p12');
    const report = await diagnoseCertificates({ pkcs12: missing, caFile: pki.ca.certificate });
    expect(find(report, 'unreadable').message).toBe(
      `The client certificate file ${missing} does not exist.`,
    );
    const none = await diagnoseCertificates({ caFile: pki.ca.certificate });
    expect(find(none, 'no-client-certificate').severity).toBe('warning');
  });
});

describe('the re-export command the doctor gives', () => {
  it('turns the legacy PKCS#12 into one Node reads, and leaves no unencrypted key behind', async () => {
    const report = await diagnoseCertificates({
      pkcs12: pki.clientPkcs12Legacy,
      passphrase: pki.passphrase,
    });
    const command =
      find(report, 'legacy-pkcs12').message.split('re-export it once with: ')[1] ?? '';
    // The command prompts for the passphrases; the test gives them on the command line instead.
    const scripted = command
      .replace('-legacy ', `-legacy -passin pass:${pki.passphrase} `)
      .replace('-export ', '-export -passout pass:new-secret ');
    execFileSync('sh', ['-c', scripted]);
    const stem = path.join(folder, 'client-legacy');
    const reexported = await loadClientTls({
      pkcs12: `${stem}-modern.p12`,
      passphrase: 'new-secret',
    });
    expect(reexported.ok && reexported.value.clientCertificate?.subject).toBe(
      'Archivist test client',
    );
    await expect(stat(`${stem}-unencrypted.pem`)).rejects.toThrow(/ENOENT/);
  });
});

describe('certificate doctor: the server', () => {
  async function server(identity: keyof TestPki): Promise<string> {
    const started = await startNodeServer(
      pki[identity] as { certificate: string; key: string },
      pki.ca.certificate,
    );
    servers.push(started);
    return started.url;
  }

  it('says when the server accepted our certificate', async () => {
    const serverUrl = await server('server');
    const report = await diagnoseCertificates(
      { pkcs12: pki.clientPkcs12, passphrase: pki.passphrase, caFile: pki.ca.certificate },
      { serverUrl },
    );
    const host = new URL(serverUrl).host;
    expect(find(report, 'server-accepted').message).toBe(
      `${host} proved its identity with the pinned CA and accepted our client certificate (GET /metadata: HTTP 200 OK).`,
    );
    expect(report.isUsable).toBe(true);
  });

  it('says what a 404 answer means: the address has no page, the certificate was accepted', async () => {
    const serverUrl = (await server('server')).replace('/metadata', '/no-page');
    const report = await diagnoseCertificates(
      { pkcs12: pki.clientPkcs12, passphrase: pki.passphrase, caFile: pki.ca.certificate },
      { serverUrl },
    );
    const host = new URL(serverUrl).host;
    expect(find(report, 'server-accepted').message).toBe(
      `${host} proved its identity with the pinned CA and accepted our client certificate. ` +
        'The check asked GET /no-page and got HTTP 404 Not Found, which is about that address, not ' +
        'the certificate: any HTTP answer proves the certificate was accepted, because a server ' +
        'that refuses one ends the connection before answering.',
    );
    expect(report.isUsable).toBe(true);
  });

  it('says when the server rejected our certificate, and why it most likely did', async () => {
    const report = await diagnoseCertificates(
      { ...pki.clientByOtherCa, caFile: pki.ca.certificate },
      { serverUrl: await server('server') },
    );
    expect(find(report, 'client-certificate-rejected').message).toMatch(
      /most likely refused our client certificate: our certificate \(Archivist stranger client\), issued by Archivist other CA/,
    );
  });

  it('says when the server certificate is not signed by the pinned CA', async () => {
    const report = await diagnoseCertificates(
      {
        pkcs12: pki.clientPkcs12WithRogueCa,
        passphrase: pki.passphrase,
        caFile: pki.ca.certificate,
      },
      { serverUrl: await server('serverByRogueCa') },
    );
    expect(find(report, 'server-not-pinned').message).toMatch(/not signed by the pinned CA/);
  });

  it('says when the server certificate names another host', async () => {
    const report = await diagnoseCertificates(
      { ...pki.client, caFile: pki.ca.certificate },
      { serverUrl: await server('serverWrongName') },
    );
    expect(find(report, 'server-wrong-host').message).toMatch(/DNS:wrong-host\.invalid/);
  });

  it('does not contact the server when the certificate cannot be used', async () => {
    const report = await diagnoseCertificates(
      { pkcs12: pki.clientPkcs12, passphrase: 'wrong', caFile: pki.ca.certificate },
      { serverUrl: await server('server') },
    );
    expect(codesOf(report)).toEqual(['ca-ok', 'wrong-passphrase', 'server-not-checked']);
  });

  it('reports plain http:// addresses and servers that are not there', async () => {
    const plain = http.createServer();
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const { port } = plain.address() as AddressInfo;
    await new Promise<void>((resolve) => plain.close(() => resolve()));
    const settings = { ...pki.client, caFile: pki.ca.certificate };
    const plainReport = await diagnoseCertificates(settings, {
      serverUrl: `http://127.0.0.1:${port}/`,
    });
    expect(find(plainReport, 'server-not-tls').severity).toBe('warning');
    const gone = await diagnoseCertificates(settings, { serverUrl: `https://127.0.0.1:${port}/` });
    expect(find(gone, 'unreachable').message).toBe(
      `Cannot reach 127.0.0.1:${port}: the connection was refused (nothing listens on that port).`,
    );
  });
});
