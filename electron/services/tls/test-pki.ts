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
import { withFiles } from './openssl-cli';

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

type IssuedName =
  | 'server'
  | 'serverWrongName'
  | 'serverExpired'
  | 'serverByRogueCa'
  | 'client'
  | 'clientExpired'
  | 'clientNotYetValid'
  | 'clientExpiringSoon'
  | 'clientServerAuthOnly'
  | 'clientByOtherCa';

interface Authorities {
  readonly ca: AuthorityFiles;
  readonly otherCa: AuthorityFiles;
  readonly rogueCa: AuthorityFiles;
}

type Usage = CertificateRequest['extendedKeyUsage'];
const serverAuth: Usage = ['serverAuth'];
const clientAuth: Usage = ['clientAuth'];

/** What to issue, by whom; dated variants relative to `now`. */
function planOf(
  { ca, otherCa, rogueCa }: Authorities,
  now: Date,
): Record<IssuedName, readonly [AuthorityFiles, CertificateRequest]> {
  const loopback = {
    commonName: 'localhost',
    altNames: loopbackNames,
    extendedKeyUsage: serverAuth,
  };
  const dated = (fromDays: number, toDays: number) => ({
    notBefore: daysFrom(now, fromDays),
    notAfter: daysFrom(now, toDays),
  });
  return {
    server: [ca, { name: 'server', ...loopback }],
    serverWrongName: [
      ca,
      {
        name: 'server-wrong-name',
        commonName: 'wrong-host.invalid',
        altNames: ['DNS:wrong-host.invalid'],
        extendedKeyUsage: serverAuth,
      },
    ],
    serverExpired: [ca, { name: 'server-expired', ...loopback, ...dated(-400, -1) }],
    serverByRogueCa: [rogueCa, { name: 'server-by-rogue-ca', ...loopback }],
    client: [
      ca,
      { name: 'client', commonName: 'Archivist test client', extendedKeyUsage: clientAuth },
    ],
    clientExpired: [
      ca,
      {
        name: 'client-expired',
        commonName: 'Archivist expired client',
        extendedKeyUsage: clientAuth,
        ...dated(-400, -2),
      },
    ],
    clientNotYetValid: [
      ca,
      {
        name: 'client-not-yet-valid',
        commonName: 'Archivist future client',
        extendedKeyUsage: clientAuth,
        ...dated(30, 400),
      },
    ],
    clientExpiringSoon: [
      ca,
      {
        name: 'client-expiring-soon',
        commonName: 'Archivist expiring client',
        extendedKeyUsage: clientAuth,
        ...dated(-300, 10),
      },
    ],
    clientServerAuthOnly: [
      ca,
      {
        name: 'client-server-auth-only',
        commonName: 'Archivist server-only client',
        extendedKeyUsage: serverAuth,
      },
    ],
    clientByOtherCa: [
      otherCa,
      {
        name: 'client-by-other-ca',
        commonName: 'Archivist stranger client',
        extendedKeyUsage: clientAuth,
      },
    ],
  };
}

async function makeAuthorities(directory: string): Promise<Result<Authorities>> {
  const [ca, otherCa, rogueCa] = await Promise.all([
    createAuthority(directory, 'ca', 'Archivist test CA'),
    createAuthority(directory, 'other-ca', 'Archivist other CA'),
    createAuthority(directory, 'rogue-ca', 'Archivist rogue CA'),
  ]);
  if (!ca.ok) return ca;
  if (!otherCa.ok) return otherCa;
  if (!rogueCa.ok) return rogueCa;
  return ok({ ca: ca.value, otherCa: otherCa.value, rogueCa: rogueCa.value });
}

async function issueAll(
  directory: string,
  plan: Record<IssuedName, readonly [AuthorityFiles, CertificateRequest]>,
): Promise<Result<Record<IssuedName, CertificateFiles>>> {
  const issued: Partial<Record<IssuedName, CertificateFiles>> = {};
  // One at a time: `openssl ca` keeps its database and serial in files, per authority.
  for (const [name, [authority, request]] of Object.entries(plan) as [
    IssuedName,
    readonly [AuthorityFiles, CertificateRequest],
  ][]) {
    const made = await issueCertificate(directory, authority, request);
    if (!made.ok) return made;
    issued[name] = made.value;
  }
  return ok(issued as Record<IssuedName, CertificateFiles>);
}

/** Makes the test PKI in `directory`, or returns the one already there. */
export async function ensureTestPki(directory: string): Promise<Result<TestPki>> {
  const now = new Date();
  const existing = await cached(directory, now);
  if (existing) return ok(existing);
  const folder = await withFiles(`create the folder ${directory}`, () =>
    mkdir(directory, { recursive: true }),
  );
  if (!folder.ok) return folder;
  const authorities = await makeAuthorities(directory);
  if (!authorities.ok) return authorities;
  const issued = await issueAll(directory, planOf(authorities.value, now));
  if (!issued.ok) return issued;
  const passphrase = 'archivist-test';
  const identity = issued.value.client;
  const { ca, rogueCa } = authorities.value;
  const [modern, legacy, withRogue] = await Promise.all([
    exportPkcs12(directory, {
      name: 'client',
      identity,
      passphrase,
      bundled: [ca.certificate],
      encryption: 'modern',
    }),
    exportPkcs12(directory, { name: 'client-legacy', identity, passphrase, encryption: 'legacy' }),
    exportPkcs12(directory, {
      name: 'client-with-rogue-ca',
      identity,
      passphrase,
      bundled: [rogueCa.certificate],
      encryption: 'modern',
    }),
  ]);
  if (!modern.ok) return modern;
  if (!legacy.ok) return legacy;
  if (!withRogue.ok) return withRogue;
  const pki: TestPki = {
    directory,
    createdAt: now.toISOString(),
    ...authorities.value,
    ...issued.value,
    passphrase,
    clientPkcs12: modern.value,
    clientPkcs12Legacy: legacy.value,
    clientPkcs12WithRogueCa: withRogue.value,
  };
  const saved = await withFiles('save the test PKI manifest', () =>
    writeFile(path.join(directory, manifestName), `${JSON.stringify(pki, null, 2)}\n`),
  );
  return saved.ok ? ok(pki) : saved;
}
