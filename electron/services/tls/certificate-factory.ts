/**
 * Test PKI made with the `openssl` command line: certificate authorities, server and client
 * certificates (including the broken variants the mTLS matrix needs: expired, not yet valid,
 * wrong key usage, wrong host name, another CA) and PKCS#12 files, modern or legacy.
 *
 * Every certificate is signed with `openssl ca`, which takes explicit `-startdate`/`-enddate`:
 * `openssl x509 -not_before/-not_after` only exist from OpenSSL 3.4 (this machine has 3.0), and
 * `openssl ca` works the same on OpenSSL 1.1, 3.x and LibreSSL, so one tested path serves all.
 * Keys are EC P-256: a hundred times faster to make than RSA and read by every TLS stack.
 * For the sandbox and the tests only; a user's real certificates are never made here.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { runOpenssl, withFiles } from './openssl-cli';

/** A certificate and its private key, both PEM files. */
export interface CertificateFiles {
  readonly certificate: string;
  readonly key: string;
}

/** A certificate authority: its files and the `openssl ca` state (database, serial, config). */
export interface AuthorityFiles extends CertificateFiles {
  readonly configuration: string;
}

export interface CertificateRequest {
  /** File stem: `<name>.crt.pem` and `<name>.key.pem` in the directory. */
  readonly name: string;
  readonly commonName: string;
  /** `serverAuth`, `clientAuth` or both; an empty list leaves the extension out. */
  readonly extendedKeyUsage: readonly ('serverAuth' | 'clientAuth')[];
  /** Subject alternative names in openssl form, e.g. `IP:127.0.0.1`, `DNS:localhost`. */
  readonly altNames?: readonly string[];
  /** Default: from an hour ago (clock skew) for 825 days. */
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The file names the factory uses for `name` in `directory`. */
export function certificateFilesFor(directory: string, name: string): CertificateFiles {
  return {
    certificate: path.join(directory, `${name}.crt.pem`),
    key: path.join(directory, `${name}.key.pem`),
  };
}

/** `openssl` config values are read verbatim to the line end; `\` is an escape there. */
function configPath(file: string): string {
  return file.split(path.sep).join('/');
}

/** UTCTime as `openssl ca -startdate` takes it (YYMMDDHHMMSSZ; our dates are 2000–2049). */
function utcTime(date: Date): string {
  return `${date.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`;
}

function makeKey(file: string): Promise<Result<string>> {
  return runOpenssl(
    ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file],
    'make a private key',
  );
}

function authorityConfiguration(database: string): string {
  const dir = configPath(database);
  return [
    '[ ca ]',
    'default_ca = authority',
    '[ authority ]',
    `database = ${dir}/index.txt`,
    `new_certs_dir = ${dir}`,
    `serial = ${dir}/serial`,
    'default_md = sha256',
    'policy = any_name',
    'unique_subject = no',
    'copy_extensions = none',
    'email_in_dn = no',
    '[ any_name ]',
    'commonName = supplied',
    '[ req ]',
    'distinguished_name = empty_name',
    'x509_extensions = authority_extensions',
    '[ empty_name ]',
    '[ authority_extensions ]',
    'basicConstraints = critical,CA:TRUE',
    'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
    '',
  ].join('\n');
}

/** Makes a self-signed CA named `name` in `directory` (valid ten years from now). */
export async function createAuthority(
  directory: string,
  name: string,
  commonName: string,
): Promise<Result<AuthorityFiles>> {
  const files = certificateFilesFor(directory, name);
  const database = path.join(directory, `${name}.db`);
  const configuration = path.join(database, 'openssl.cnf');
  const prepared = await withFiles(`prepare the certificate authority ${name}`, async () => {
    await mkdir(database, { recursive: true });
    await writeFile(path.join(database, 'index.txt'), '');
    await writeFile(path.join(database, 'serial'), `${randomSerial()}\n`);
    await writeFile(configuration, authorityConfiguration(database));
  });
  if (!prepared.ok) return prepared;
  const key = await makeKey(files.key);
  if (!key.ok) return key;
  const made = await runOpenssl(
    [
      ...['req', '-x509', '-new', '-config', configuration, '-key', files.key],
      ...['-subj', `/CN=${commonName}`, '-days', '3650', '-sha256', '-out', files.certificate],
    ],
    `make the certificate authority ${commonName}`,
  );
  return made.ok ? ok({ ...files, configuration }) : made;
}

/** A random 64-bit serial start, so two authorities' certificates never share serials. */
function randomSerial(): string {
  return Array.from({ length: 16 }, (_, index) =>
    index === 0 ? '1' : Math.floor(Math.random() * 16).toString(16),
  ).join('');
}

function extensionsFor(request: CertificateRequest): string {
  return [
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    ...(request.extendedKeyUsage.length > 0
      ? [`extendedKeyUsage = ${request.extendedKeyUsage.join(',')}`]
      : []),
    ...(request.altNames && request.altNames.length > 0
      ? [`subjectAltName = ${request.altNames.join(',')}`]
      : []),
    '',
  ].join('\n');
}

/** Makes a key and a certificate signed by `authority`, with the request's dates and usages. */
export async function issueCertificate(
  directory: string,
  authority: AuthorityFiles,
  request: CertificateRequest,
): Promise<Result<CertificateFiles>> {
  const files = certificateFilesFor(directory, request.name);
  const signingRequest = path.join(directory, `${request.name}.csr.pem`);
  const extensions = path.join(directory, `${request.name}.ext`);
  const notBefore = request.notBefore ?? new Date(Date.now() - dayMs / 24);
  const notAfter = request.notAfter ?? new Date(notBefore.getTime() + 825 * dayMs);
  const written = await withFiles(`write the extensions of ${request.name}`, () =>
    writeFile(extensions, extensionsFor(request)),
  );
  if (!written.ok) return written;
  const key = await makeKey(files.key);
  if (!key.ok) return key;
  const requested = await runOpenssl(
    [
      ...['req', '-new', '-config', authority.configuration, '-key', files.key],
      ...['-subj', `/CN=${request.commonName}`, '-out', signingRequest],
    ],
    `make the signing request for ${request.commonName}`,
  );
  if (!requested.ok) return requested;
  const signed = await runOpenssl(
    [
      ...['ca', '-batch', '-notext', '-config', authority.configuration],
      ...['-cert', authority.certificate, '-keyfile', authority.key],
      ...['-in', signingRequest, '-out', files.certificate, '-extfile', extensions],
      ...['-startdate', utcTime(notBefore), '-enddate', utcTime(notAfter)],
    ],
    `sign the certificate for ${request.commonName}`,
  );
  return signed.ok ? ok(files) : signed;
}

export interface Pkcs12Request {
  /** Written as `<name>.p12` in the directory. */
  readonly name: string;
  readonly identity: CertificateFiles;
  readonly passphrase: string;
  /** More certificates (PEM files) to bundle, e.g. the issuing CA, or a rogue one. */
  readonly bundled?: readonly string[];
  /**
   * `modern`: AES-256-CBC with PBKDF2 and a SHA-256 MAC, what OpenSSL 3 and Node read.
   * `legacy`: RC2-40 for the certificates and 3DES for the key, what old Windows and Java
   * exports look like and what OpenSSL 3 (hence Node) refuses without its legacy provider.
   */
  readonly encryption: 'modern' | 'legacy';
}

const modernEncryption = ['-certpbe', 'AES-256-CBC', '-keypbe', 'AES-256-CBC', '-macalg', 'sha256'];
/** `-legacy` exists only on OpenSSL 3; older OpenSSL and LibreSSL take the algorithms by name. */
const legacyEncryptions = [
  ['-legacy'],
  ['-certpbe', 'PBE-SHA1-RC2-40', '-keypbe', 'PBE-SHA1-3DES'],
];

/** Exports `identity` (and `bundled` certificates) as a passphrase-protected PKCS#12 file. */
export async function exportPkcs12(
  directory: string,
  request: Pkcs12Request,
): Promise<Result<string>> {
  const file = path.join(directory, `${request.name}.p12`);
  const bundle = path.join(directory, `${request.name}.bundle.pem`);
  const bundledFiles = request.bundled ?? [];
  const bundledReady = await withFiles(`bundle certificates into ${request.name}.p12`, async () => {
    const texts = await Promise.all(bundledFiles.map((pem) => readFile(pem, 'utf8')));
    if (texts.length > 0) await writeFile(bundle, texts.join(''));
  });
  if (!bundledReady.ok) return bundledReady;
  const base = [
    ...['pkcs12', '-export', '-inkey', request.identity.key, '-in', request.identity.certificate],
    ...(bundledFiles.length > 0 ? ['-certfile', bundle] : []),
    ...['-out', file, '-passout', `pass:${request.passphrase}`],
  ];
  const encryptions = request.encryption === 'modern' ? [modernEncryption] : legacyEncryptions;
  let exported = await runOpenssl([...base, ...encryptions[0]!], `export ${request.name}.p12`);
  for (const fallback of encryptions.slice(1))
    if (!exported.ok)
      exported = await runOpenssl([...base, ...fallback], `export ${request.name}.p12`);
  return exported.ok ? ok(file) : exported;
}
