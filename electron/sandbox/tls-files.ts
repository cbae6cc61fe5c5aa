/**
 * `--tls`: a local CA, a server certificate for 127.0.0.1/localhost and a client certificate
 * (PEM and PKCS#12), made once with the shared certificate factory (electron/services/tls/) and
 * reused from the folder on later starts.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../shared/result';
import {
  createAuthority,
  exportPkcs12,
  issueCertificate,
} from '../services/tls/certificate-factory';

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

async function makeTlsFiles(files: SandboxTlsFiles): Promise<Result<SandboxTlsFiles>> {
  const { directory } = files;
  const ca = await createAuthority(directory, 'ca', 'Archivist sandbox local CA');
  if (!ca.ok) return ca;
  const server = await issueCertificate(directory, ca.value, {
    name: 'server',
    commonName: 'localhost',
    extendedKeyUsage: ['serverAuth'],
    altNames: ['IP:127.0.0.1', 'DNS:localhost'],
  });
  if (!server.ok) return server;
  const client = await issueCertificate(directory, ca.value, {
    name: 'client',
    commonName: 'Archivist sandbox test client',
    extendedKeyUsage: ['clientAuth'],
  });
  if (!client.ok) return client;
  const pkcs12 = await exportPkcs12(directory, {
    name: 'client',
    identity: client.value,
    passphrase: files.clientPkcs12Passphrase,
    bundled: [ca.value.certificate],
    encryption: 'modern',
  });
  return pkcs12.ok ? ok(files) : pkcs12;
}

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
  } catch {
    return err('tls-failed', `Could not create the certificate folder ${directory}.`);
  }
  const made = await makeTlsFiles(files);
  return made.ok
    ? made
    : err(
        'tls-failed',
        `Could not create the sandbox certificates in ${directory}: ${made.error.message}`,
      );
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
