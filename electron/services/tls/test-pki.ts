/**
 * The whole set of test certificates the mTLS matrix and the certificate doctor's tests need,
 * made once per folder with the certificate factory (openssl is slow: a few seconds for the set)
 * and reused while its manifest is younger than a week, because some certificates are dated
 * relative to the day they were made (expired yesterday, expiring in ten days).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import {
  createAuthority,
  exportPkcs12,
  issueCertificate,
  type AuthorityFiles,
  type CertificateFiles,
  type CertificateRequest,
} from './certificate-factory';

export interface TestPki {
  readonly directory: string;
  /** When the set was made (ISO); the dated variants are relative to it. */
  readonly createdAt: string;
  /** The CA that signs the good server and client certificates: the one to pin. */
  readonly ca: AuthorityFiles;
  /** A CA the servers do not trust (its client certificate is refused). */
  readonly otherCa: AuthorityFiles;
  /** A CA bundled inside `clientPkcs12WithRogueCa`; it signs `serverByRogueCa`. */
  readonly rogueCa: AuthorityFiles;
  /** SAN 127.0.0.1 and localhost. */
  readonly server: CertificateFiles;
  /** SAN `wrong-host.invalid` only. */
  readonly serverWrongName: CertificateFiles;
  readonly serverExpired: CertificateFiles;
  readonly serverByRogueCa: CertificateFiles;
  readonly client: CertificateFiles;
  readonly clientExpired: CertificateFiles;
  readonly clientNotYetValid: CertificateFiles;
  /** Valid for ten more days: the doctor warns. */
  readonly clientExpiringSoon: CertificateFiles;
  /** Extended key usage serverAuth only. */
  readonly clientServerAuthOnly: CertificateFiles;
  readonly clientByOtherCa: CertificateFiles;
  /** The passphrase of every PKCS#12 below. */
  readonly passphrase: string;
  /** `client`, modern encryption, with `ca` bundled. */
  readonly clientPkcs12: string;
  /** `client`, RC2/3DES. */
  readonly clientPkcs12Legacy: string;
  /** `client` with `rogueCa` bundled. */
  readonly clientPkcs12WithRogueCa: string;
}

const manifestName = 'test-pki.json';
const maxAgeMs = 7 * 24 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const loopbackNames = ['IP:127.0.0.1', 'DNS:localhost'];

async function cached(directory: string, now: Date): Promise<TestPki | undefined> {
  try {
    const pki = JSON.parse(await readFile(path.join(directory, manifestName), 'utf8')) as TestPki;
    const age = now.getTime() - Date.parse(pki.createdAt);
    return age >= 0 && age < maxAgeMs && pki.directory === directory ? pki : undefined;
  } catch {
    return undefined;
  }
}

function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * dayMs);
}

/** Makes the test PKI in `directory`, or returns the one already there. */
export async function ensureTestPki(directory: string): Promise<Result<TestPki>> {
  const now = new Date();
  const existing = await cached(directory, now);
  if (existing) return ok(existing);
  await mkdir(directory, { recursive: true });
  const authorities = await Promise.all([
    createAuthority(directory, 'ca', 'Archivist test CA'),
    createAuthority(directory, 'other-ca', 'Archivist other CA'),
    createAuthority(directory, 'rogue-ca', 'Archivist rogue CA'),
  ]);
  const [ca, otherCa, rogueCa] = authorities;
  if (!ca?.ok) return ca ?? authorities[0]!;
  if (!otherCa?.ok) return otherCa!;
  if (!rogueCa?.ok) return rogueCa!;
  const server = (request: Omit<CertificateRequest, 'extendedKeyUsage'>) =>
    ({ ...request, extendedKeyUsage: ['serverAuth'] }) as const;
  const client = (request: Omit<CertificateRequest, 'extendedKeyUsage'>) =>
    ({ ...request, extendedKeyUsage: ['clientAuth'] }) as const;
  const plan: readonly (readonly [AuthorityFiles, CertificateRequest])[] = [
    [ca.value, server({ name: 'server', commonName: 'localhost', altNames: loopbackNames })],
    [
      ca.value,
      server({
        name: 'server-wrong-name',
        commonName: 'wrong-host.invalid',
        altNames: ['DNS:wrong-host.invalid'],
      }),
    ],
    [
      ca.value,
      server({
        name: 'server-expired',
        commonName: 'localhost',
        altNames: loopbackNames,
        notBefore: daysFrom(now, -400),
        notAfter: daysFrom(now, -1),
      }),
    ],
    [
      rogueCa.value,
      server({ name: 'server-by-rogue-ca', commonName: 'localhost', altNames: loopbackNames }),
    ],
    [ca.value, client({ name: 'client', commonName: 'Archivist test client' })],
    [
      ca.value,
      client({
        name: 'client-expired',
        commonName: 'Archivist expired client',
        notBefore: daysFrom(now, -400),
        notAfter: daysFrom(now, -2),
      }),
    ],
    [
      ca.value,
      client({
        name: 'client-not-yet-valid',
        commonName: 'Archivist future client',
        notBefore: daysFrom(now, 30),
        notAfter: daysFrom(now, 400),
      }),
    ],
    [
      ca.value,
      client({
        name: 'client-expiring-soon',
        commonName: 'Archivist expiring client',
        notBefore: daysFrom(now, -300),
        notAfter: daysFrom(now, 10),
      }),
    ],
    [
      ca.value,
      {
        name: 'client-server-auth-only',
        commonName: 'Archivist server-only client',
        extendedKeyUsage: ['serverAuth'],
      },
    ],
    [
      otherCa.value,
      client({ name: 'client-by-other-ca', commonName: 'Archivist stranger client' }),
    ],
  ];
  const issued: CertificateFiles[] = [];
  // One at a time: `openssl ca` keeps its database and serial in files, per authority.
  for (const [authority, request] of plan) {
    const made = await issueCertificate(directory, authority, request);
    if (!made.ok) return made;
    issued.push(made.value);
  }
  const passphrase = 'archivist-test';
  const identity = issued[4]!;
  const pkcs12 = await Promise.all([
    exportPkcs12(directory, {
      name: 'client',
      identity,
      passphrase,
      bundled: [ca.value.certificate],
      encryption: 'modern',
    }),
    exportPkcs12(directory, { name: 'client-legacy', identity, passphrase, encryption: 'legacy' }),
    exportPkcs12(directory, {
      name: 'client-with-rogue-ca',
      identity,
      passphrase,
      bundled: [rogueCa.value.certificate],
      encryption: 'modern',
    }),
  ]);
  for (const file of pkcs12) if (!file.ok) return file;
  const [modern, legacy, withRogue] = pkcs12.map((file) => (file.ok ? file.value : ''));
  const pki: TestPki = {
    directory,
    createdAt: now.toISOString(),
    ca: ca.value,
    otherCa: otherCa.value,
    rogueCa: rogueCa.value,
    server: issued[0]!,
    serverWrongName: issued[1]!,
    serverExpired: issued[2]!,
    serverByRogueCa: issued[3]!,
    client: identity,
    clientExpired: issued[5]!,
    clientNotYetValid: issued[6]!,
    clientExpiringSoon: issued[7]!,
    clientServerAuthOnly: issued[8]!,
    clientByOtherCa: issued[9]!,
    passphrase,
    clientPkcs12: modern!,
    clientPkcs12Legacy: legacy!,
    clientPkcs12WithRogueCa: withRogue!,
  };
  await writeFile(path.join(directory, manifestName), `${JSON.stringify(pki, null, 2)}\n`);
  return ok(pki);
}
