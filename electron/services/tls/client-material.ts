/**
 * Reads a profile's client certificate (PKCS#12, or PEM certificate + key) and proves it can
 * be used before anything connects: Node only finds a wrong PKCS#12 passphrase when
 * `https.request` throws (TOOLCHAIN.md), and OpenSSL 3 cannot read the RC2 encryption of old
 * PKCS#12 exports at all. Each problem has a reason (the doctor's finding) and a sentence.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import tls from 'node:tls';
import { fileProblemReason } from '../files/file-problem';
import { certificatesInPem, factsOf, type CertificateFacts } from './certificate-facts';

/** What a profile says about its certificates: file paths and the passphrase. */
export interface ClientTlsSettings {
  /** A PKCS#12 (.p12/.pfx) file with the client certificate and key. */
  readonly pkcs12?: string;
  /** PEM files; `key` may be left out when the certificate file holds the key too. */
  readonly certificate?: string;
  readonly key?: string;
  /** Of the PKCS#12, or of an encrypted PEM key. */
  readonly passphrase?: string;
  /** The pinned CA (PEM, one or more certificates): the only CA the server may chain to. */
  readonly caFile?: string;
}

export type MaterialProblemReason =
  | 'settings'
  | 'unreadable'
  | 'wrong-passphrase'
  | 'legacy-pkcs12'
  | 'not-pkcs12'
  | 'not-pem'
  | 'key-mismatch';

export interface ClientMaterial {
  readonly pfx?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly passphrase?: string;
  /** The facts of our own certificate (from the PEM, or read back out of the PKCS#12). */
  readonly certificate?: CertificateFacts;
}

export type MaterialOutcome =
  | { readonly kind: 'loaded'; readonly material: ClientMaterial }
  | { readonly kind: 'problem'; readonly reason: MaterialProblemReason; readonly message: string };

function problem(reason: MaterialProblemReason, message: string): MaterialOutcome {
  return { kind: 'problem', reason, message };
}

/**
 * The one-line repair for an RC2-encrypted PKCS#12: OpenSSL 3 reads it with `-legacy`, and the
 * export encrypts it the modern way. Not a pipe (`… -nodes | openssl pkcs12 -export …`): OpenSSL
 * 3.0's export reads the key and the certificates from its input one after the other, so from
 * a pipe it finds no certificate. The unencrypted middle file is removed at the end.
 */
export function legacyReexportCommand(file: string): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const stem = file.replace(/\.(p12|pfx)$/i, '');
  const [old, plain, modern] = [file, `${stem}-unencrypted.pem`, `${stem}-modern.p12`].map(quote);
  return (
    `openssl pkcs12 -legacy -in ${old} -nodes -out ${plain} && ` +
    `openssl pkcs12 -export -in ${plain} -out ${modern} && rm ${plain}`
  );
}

/** DER of the PKCS#12 PBE OIDs with RC4 or RC2 (1.2.840.113549.1.12.1.{1,2,5,6}). */
const legacyAlgorithmOids = [1, 2, 5, 6].map((last) =>
  Buffer.from([0x06, 0x0a, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01, last]),
);

/** True when the PKCS#12 uses RC2 or RC4 (the algorithm identifiers are not encrypted). */
export function usesLegacyEncryption(pkcs12: Buffer): boolean {
  return legacyAlgorithmOids.some((oid) => pkcs12.includes(oid));
}

/** Reads a file, or says in a sentence why not. */
export async function readSettingsFile(
  file: string,
  what: string,
): Promise<{ bytes: Buffer } | { failure: string }> {
  try {
    return { bytes: await readFile(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${fileProblemReason(error, 'read')})`;
    return { failure: `The ${what} ${file} ${why}.` };
  }
}

/** The certificate a secure context will send, read back through an unconnected socket. */
function ownCertificate(context: tls.SecureContext): CertificateFacts | undefined {
  const socket = new tls.TLSSocket(new Socket(), { secureContext: context });
  try {
    const raw = socket.getCertificate();
    return raw && 'raw' in raw ? factsOf(new X509Certificate(raw.raw)) : undefined;
  } finally {
    socket.destroy();
  }
}

function explainContextError(
  error: unknown,
  file: string,
  pfx: Buffer | undefined,
  isEncryptedPemKey = false,
): MaterialOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const isLegacy = pfx !== undefined && usesLegacyEncryption(pfx);
  // A wrong passphrase usually fails the decryption's padding check ("bad decrypt"), but about
  // one time in 256 the garbage it yields passes it and the key's decoder fails instead
  // ("unsupported"): for an encrypted PEM key that is still the passphrase.
  const isDecoderFailure = isEncryptedPemKey && !/key values mismatch/i.test(message);
  if (
    isDecoderFailure ||
    /mac verify failure|bad decrypt|bad password|maybe wrong password/i.test(message)
  )
    return problem(
      'wrong-passphrase',
      `The passphrase for ${file} is wrong or missing.` +
        (isLegacy ? ' The file also uses legacy encryption (see the certificate doctor).' : ''),
    );
  if (isLegacy || (pfx !== undefined && /unsupported/i.test(message)))
    return problem(
      'legacy-pkcs12',
      `${file} uses legacy PKCS#12 encryption (RC2) that OpenSSL 3 no longer reads; re-export it once with: ${legacyReexportCommand(file)}`,
    );
  if (/key values mismatch/i.test(message))
    return problem(
      'key-mismatch',
      `The private key does not belong to the certificate in ${file}.`,
    );
  if (pfx) return problem('not-pkcs12', `${file} is not a PKCS#12 (.p12/.pfx) file.`);
  return problem('not-pem', `${file} or its key is not a PEM certificate and private key.`);
}

function settingsProblem(settings: ClientTlsSettings): string | undefined {
  if (settings.pkcs12 && (settings.certificate || settings.key))
    return 'Give either a PKCS#12 file or a PEM certificate and key, not both.';
  if (settings.key && !settings.certificate)
    return 'A private key was given without its certificate.';
  return undefined;
}

/** Loads and checks the client certificate of `settings`; `material` is empty without one. */
export async function loadClientMaterial(settings: ClientTlsSettings): Promise<MaterialOutcome> {
  const wrong = settingsProblem(settings);
  if (wrong) return problem('settings', wrong);
  const passphrase = settings.passphrase;
  const withPassphrase = passphrase === undefined ? {} : { passphrase };
  if (settings.pkcs12) {
    const read = await readSettingsFile(settings.pkcs12, 'client certificate file');
    if ('failure' in read) return problem('unreadable', read.failure);
    try {
      const context = tls.createSecureContext({ pfx: read.bytes, ...withPassphrase });
      const certificate = ownCertificate(context);
      const material: ClientMaterial = {
        pfx: read.bytes,
        ...withPassphrase,
        ...(certificate ? { certificate } : {}),
      };
      return { kind: 'loaded', material };
    } catch (error) {
      return explainContextError(error, settings.pkcs12, read.bytes);
    }
  }
  if (!settings.certificate) return { kind: 'loaded', material: {} };
  const certificateFile = await readSettingsFile(settings.certificate, 'client certificate file');
  if ('failure' in certificateFile) return problem('unreadable', certificateFile.failure);
  const keyFile = settings.key
    ? await readSettingsFile(settings.key, 'private key file')
    : certificateFile;
  if ('failure' in keyFile) return problem('unreadable', keyFile.failure);
  const [first] = certificatesInPem(certificateFile.bytes.toString('utf8'));
  if (!first) return problem('not-pem', `${settings.certificate} holds no PEM certificate.`);
  try {
    tls.createSecureContext({ cert: certificateFile.bytes, key: keyFile.bytes, ...withPassphrase });
  } catch (error) {
    const isEncryptedKey = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(
      keyFile.bytes.toString('latin1'),
    );
    return explainContextError(error, settings.certificate, undefined, isEncryptedKey);
  }
  const material: ClientMaterial = {
    cert: certificateFile.bytes,
    key: keyFile.bytes,
    ...withPassphrase,
    certificate: factsOf(first),
  };
  return { kind: 'loaded', material };
}
