/**
 * TLS options for requests to one environment: the client certificate (PKCS#12 or PEM) and the
 * pinned CA, checked when loaded so a bad file or passphrase is a `Result` error, never a throw
 * from `https.request`.
 *
 * Pinning: Node trusts every CA certificate bundled inside a PKCS#12 (TOOLCHAIN.md), so a `ca`
 * option alone does not pin. `checkServerIdentity` therefore walks the server's verified chain
 * itself and accepts it only when it reaches a pinned CA (or, with no CA file, one of Node's
 * root certificates). TLS session resumption skips `checkServerIdentity`, so the agent keeps no
 * sessions: every connection is checked.
 */
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import tls, { type PeerCertificate } from 'node:tls';
import { err, ok, type Result } from '../../../shared/result';
import { environmentErrorCodes } from '../environments/connection';
import { certificatesInPem, type CertificateFacts } from './certificate-facts';
import { loadClientMaterial, readSettingsFile, type ClientTlsSettings } from './client-material';

export type { ClientTlsSettings } from './client-material';

/** The code of the error `checkServerIdentity` gives for a chain outside the pinned CA. */
export const notPinnedErrorCode = 'ERR_ARCHIVIST_SERVER_NOT_PINNED';

/** What `https.Agent` / `https.request` need, checked; spread it into their options. */
export interface ClientTls {
  /** The pinned CA certificates (PEM); absent: Node's root certificates. */
  readonly ca?: Buffer;
  readonly pfx?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly passphrase?: string;
  readonly checkServerIdentity: (host: string, certificate: PeerCertificate) => Error | undefined;
  /** Facts of our own certificate, for explanations; absent when none is configured. */
  readonly clientCertificate?: CertificateFacts;
  /** True when a client certificate is configured (it is sent when the server asks). */
  readonly usesClientCertificate: boolean;
}

function certificateError(message: string): Result<never> {
  return err(environmentErrorCodes.certificate, message);
}

/** The chain Node verified, leaf first, as X509Certificates (the root points to itself). */
function chainOf(leaf: PeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | PeerCertificate | undefined = leaf;
  while (current?.raw && !seen.has(current.fingerprint256) && chain.length < 16) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = 'issuerCertificate' in current ? current.issuerCertificate : undefined;
  }
  return chain;
}

function isSignedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

/** True when the chain reaches one of `anchors`, every link signed by the next. */
export function chainReachesAnchor(
  chain: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): boolean {
  for (const [index, certificate] of chain.entries()) {
    const isAnchor = anchors.some(
      (anchor) =>
        anchor.fingerprint256 === certificate.fingerprint256 || isSignedBy(certificate, anchor),
    );
    if (isAnchor) return true;
    const issuer = chain[index + 1];
    if (!issuer || !isSignedBy(certificate, issuer)) return false;
  }
  return false;
}

function pinnedIdentityCheck(anchors: readonly X509Certificate[], anchorName: string) {
  return (host: string, certificate: PeerCertificate): Error | undefined => {
    const nameError = tls.checkServerIdentity(host, certificate);
    if (nameError) return nameError;
    if (chainReachesAnchor(chainOf(certificate), anchors)) return undefined;
    const refused = new Error(
      `The server certificate of ${host} is not signed by ${anchorName}.`,
    ) as NodeJS.ErrnoException;
    refused.code = notPinnedErrorCode;
    return refused;
  };
}

async function loadAnchors(
  caFile: string | undefined,
): Promise<Result<{ pem?: Buffer; anchors: X509Certificate[]; name: string }>> {
  if (!caFile)
    return ok({
      anchors: tls.rootCertificates.map((pem) => new X509Certificate(pem)),
      name: "a CA among Node's root certificates",
    });
  const read = await readSettingsFile(caFile, 'CA file');
  if ('failure' in read) return certificateError(read.failure);
  const anchors = certificatesInPem(read.bytes.toString('utf8'));
  if (anchors.length === 0)
    return certificateError(`The CA file ${caFile} holds no PEM certificate.`);
  return ok({ pem: read.bytes, anchors, name: `the pinned CA (${caFile})` });
}

/** Loads and checks a profile's TLS settings. */
export async function loadClientTls(settings: ClientTlsSettings): Promise<Result<ClientTls>> {
  const trust = await loadAnchors(settings.caFile);
  if (!trust.ok) return trust;
  const loaded = await loadClientMaterial(settings);
  if (loaded.kind === 'problem') return certificateError(loaded.message);
  const { material } = loaded;
  return ok({
    ...(trust.value.pem ? { ca: trust.value.pem } : {}),
    ...(material.pfx ? { pfx: material.pfx } : {}),
    ...(material.cert ? { cert: material.cert } : {}),
    ...(material.key ? { key: material.key } : {}),
    ...(material.passphrase !== undefined ? { passphrase: material.passphrase } : {}),
    checkServerIdentity: pinnedIdentityCheck(trust.value.anchors, trust.value.name),
    ...(material.certificate ? { clientCertificate: material.certificate } : {}),
    usesClientCertificate: material.pfx !== undefined || material.cert !== undefined,
  });
}

/** A keep-alive agent for one environment; no TLS session cache (see the top comment). */
export function createTlsAgent(clientTls: ClientTls): https.Agent {
  return new https.Agent({
    keepAlive: true,
    maxCachedSessions: 0,
    rejectUnauthorized: true,
    ...tlsRequestOptions(clientTls),
  });
}

/** Just the options `https.request` / `tls.connect` take (without our explanatory fields). */
export function tlsRequestOptions(clientTls: ClientTls): tls.ConnectionOptions {
  const { ca, pfx, cert, key, passphrase, checkServerIdentity } = clientTls;
  return {
    ...(ca ? { ca } : {}),
    ...(pfx ? { pfx } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
    checkServerIdentity,
    rejectUnauthorized: true,
  };
}
