/**
 * `--tls`: a local CA, a server certificate for 127.0.0.1/localhost and a client certificate
 * (PEM and PKCS#12), made once with openssl and reused. A minimal factory kept inside the sandbox
 * because the shared certificate factory (electron/services/tls/) is not in the build yet.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { err, ok, type Result } from '../../shared/result';

const run = promisify(execFile);

/** Where the certificates are, and what the server loads. */
export interface SandboxTlsFiles {
  readonly directory: string;
  readonly caCertificate: string;
  readonly serverCertificate: string;
  readonly serverKey: string;
  readonly clientCertificate: string;
  readonly clientKey: string;
  readonly clientPkcs12: string;
  /** The passphrase of the client PKCS#12 (a local test file, not a secret). */
  readonly clientPkcs12Passphrase: string;
}

/** The PKCS#12 passphrase of the sandbox's test client certificate. */
export const sandboxPkcs12Passphrase = 'sandbox';

function filesIn(directory: string): SandboxTlsFiles {
  return {
    directory,
    caCertificate: path.join(directory, 'ca.crt.pem'),
    serverCertificate: path.join(directory, 'server.crt.pem'),
    serverKey: path.join(directory, 'server.key.pem'),
    clientCertificate: path.join(directory, 'client.crt.pem'),
    clientKey: path.join(directory, 'client.key.pem'),
    clientPkcs12: path.join(directory, 'client.p12'),
    clientPkcs12Passphrase: sandboxPkcs12Passphrase,
  };
}

async function issue(
  directory: string,
  name: string,
  subject: string,
  extensions: string,
): Promise<void> {
  const key = path.join(directory, `${name}.key.pem`);
  const csr = path.join(directory, `${name}.csr.pem`);
  const extFile = path.join(directory, `${name}.ext`);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    subject,
  ]);
  await writeFile(extFile, extensions);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    path.join(directory, 'ca.crt.pem'),
    '-CAkey',
    path.join(directory, 'ca.key.pem'),
    '-CAcreateserial',
    '-days',
    '825',
    '-sha256',
    '-extfile',
    extFile,
    '-out',
    path.join(directory, `${name}.crt.pem`),
  ]);
}

function makeCa(files: SandboxTlsFiles) {
  return run('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-sha256'],
    ...['-keyout', path.join(files.directory, 'ca.key.pem'), '-out', files.caCertificate],
    ...['-subj', '/CN=Archivist sandbox local CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ]);
}

function exportPkcs12(files: SandboxTlsFiles) {
  return run('openssl', [
    ...['pkcs12', '-export', '-inkey', files.clientKey, '-in', files.clientCertificate],
    ...['-certfile', files.caCertificate, '-out', files.clientPkcs12],
    ...['-passout', `pass:${files.clientPkcs12Passphrase}`],
  ]);
}

const keyUsage = 'keyUsage=critical,digitalSignature,keyEncipherment';

/** Creates the certificates in `directory` unless they are already there. */
export async function ensureTlsFiles(directory: string): Promise<Result<SandboxTlsFiles>> {
  const files = filesIn(directory);
  try {
    await access(files.clientPkcs12);
    return ok(files);
  } catch {
    // Not made yet: fall through and create them.
  }
  try {
    await mkdir(directory, { recursive: true });
    await makeCa(files);
    const serverExtensions = `subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n${keyUsage}\n`;
    await issue(directory, 'server', '/CN=localhost', serverExtensions);
    const clientExtensions = `extendedKeyUsage=clientAuth\n${keyUsage}\n`;
    await issue(directory, 'client', '/CN=Archivist sandbox test client', clientExtensions);
    await exportPkcs12(files);
    return ok(files);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return err(
      'tls-failed',
      `Could not create the sandbox certificates with openssl in ${directory} (${detail}).`,
    );
  }
}

/** The PEM material the HTTPS server loads. */
export async function serverTlsOptions(files: SandboxTlsFiles) {
  const [ca, cert, key] = await Promise.all([
    readFile(files.caCertificate),
    readFile(files.serverCertificate),
    readFile(files.serverKey),
  ]);
  return { ca, cert, key, requestCert: true, rejectUnauthorized: true };
}
