/**
 * Node's connection errors in a tester's words, with the stable environment error codes.
 *
 * The hard case is a server refusing our client certificate: a server that checks certificates
 * after the handshake (Node's own `rejectUnauthorized` does) simply closes the connection, so
 * the client sees only `ECONNRESET` (TOOLCHAIN.md). When we sent a certificate, we say so and
 * name the likely reason from our certificate's own facts (expired, not yet valid, no
 * clientAuth usage, else a CA the server does not trust). Servers that send a TLS alert
 * (`certificate required`, `bad certificate`, `unknown ca`, …) get the alert's meaning.
 */
import type { AppError } from '../../../shared/result';
import { environmentErrorCodes } from '../environments/connection';
import { systemErrorDescription } from '../files/file-problem';
import { allowsClientAuth, dayOf, type CertificateFacts } from './certificate-facts';
import { notPinnedErrorCode } from './client-tls';

export interface ConnectionErrorContext {
  /** The host (or host:port) the tester recognises from the profile. */
  readonly host: string;
  /** True when a client certificate was configured for the request. */
  readonly usedClientCertificate: boolean;
  /** Our certificate's facts (`ClientTls.clientCertificate`), for a precise reason. */
  readonly clientCertificate?: CertificateFacts;
  readonly now?: Date;
}

/** Why the connection failed, finer than the error code (the certificate doctor's findings). */
export type TlsFailureReason =
  | 'client-certificate-required'
  | 'client-certificate-rejected'
  | 'server-not-pinned'
  | 'server-certificate-expired'
  | 'server-certificate-not-yet-valid'
  | 'server-wrong-host'
  | 'server-certificate-unusable'
  | 'wrong-passphrase'
  | 'legacy-pkcs12'
  | 'key-mismatch'
  | 'not-tls'
  | 'unreachable'
  | 'timeout'
  | 'cancelled';

export interface TlsFailure {
  readonly reason: TlsFailureReason;
  readonly error: AppError;
}

interface ErrorFacts {
  readonly code: string;
  readonly name: string;
  /** Code, message and reason, lower case: alerts are matched in it. */
  readonly text: string;
  /** The first line of the message as Node wrote it. */
  readonly firstLine: string;
  /** libuv's words for a system error the tables here do not name ("address not available"). */
  readonly systemDescription?: string;
  /** An abort's cause: `TimeoutError` when `AbortSignal.timeout` fired. */
  readonly causeName?: string;
  readonly altNames?: string;
}

function factsOfError(error: unknown): ErrorFacts {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null))
    return { code: '', name: '', text: String(error).toLowerCase(), firstLine: String(error) };
  const record = error as Record<string, unknown>;
  const inner = Array.isArray(record['errors']) ? (record['errors'] as unknown[])[0] : undefined;
  const code = typeof record['code'] === 'string' ? record['code'] : '';
  if (!code && inner !== undefined) return factsOfError(inner);
  const cert = record['cert'] as { subjectaltname?: unknown } | undefined;
  const message = typeof record['message'] === 'string' ? record['message'] : '';
  const text = [code, message, record['reason']].filter(Boolean).join(' ');
  const cause = record['cause'] as { name?: unknown } | undefined;
  const systemDescription = systemErrorDescription(error);
  return {
    code,
    name: typeof record['name'] === 'string' ? record['name'] : '',
    text: text.toLowerCase(),
    firstLine: message.split('\n')[0] ?? '',
    ...(systemDescription ? { systemDescription } : {}),
    ...(typeof cause?.name === 'string' ? { causeName: cause.name } : {}),
    ...(typeof cert?.subjectaltname === 'string' ? { altNames: cert.subjectaltname } : {}),
  };
}

const fail = (reason: TlsFailureReason, code: string, message: string): TlsFailure => ({
  reason,
  error: { code, message },
});

/** Why the server most likely refused our certificate, from its own facts. */
function likelyRefusal(context: ConnectionErrorContext): string {
  const facts = context.clientCertificate;
  if (!facts) return '';
  const now = (context.now ?? new Date()).getTime();
  const ours = `our certificate (${facts.subject})`;
  if (now > Date.parse(facts.validTo)) return `: ${ours} expired on ${dayOf(facts.validTo)}`;
  if (now < Date.parse(facts.validFrom))
    return `: ${ours} is not valid until ${dayOf(facts.validFrom)}`;
  if (!allowsClientAuth(facts))
    return `: ${ours} is not made for client authentication (its extended key usage lacks clientAuth)`;
  return `: ${ours}, issued by ${facts.issuer}, is probably not from a CA this server trusts`;
}

const alertReasons: readonly (readonly [RegExp, (context: ConnectionErrorContext) => string])[] = [
  [/alert certificate expired/, () => ': it says our certificate has expired'],
  [/alert certificate revoked/, () => ': it says our certificate has been revoked'],
  [
    /alert unknown ca/,
    (context) =>
      `: it does not trust the CA that issued our certificate${context.clientCertificate ? ` (${context.clientCertificate.issuer})` : ''}`,
  ],
  [
    /alert unsupported certificate/,
    () => ': it says our certificate is not made for client authentication',
  ],
  [/alert (bad certificate|access denied|handshake failure|decrypt error)/, likelyRefusal],
];

function clientCertificateFailure(
  facts: ErrorFacts,
  context: ConnectionErrorContext,
): TlsFailure | undefined {
  const code = environmentErrorCodes.clientCertificateRejected;
  const isRequiredAlert = /alert certificate required/.test(facts.text);
  const isHandshakeAlert = /alert handshake failure/.test(facts.text);
  if (isRequiredAlert || (isHandshakeAlert && !context.usedClientCertificate))
    return fail(
      'client-certificate-required',
      code,
      context.usedClientCertificate
        ? `${context.host} says no client certificate arrived, although one is configured: check that it is a client certificate with its key.`
        : `${context.host} requires a client certificate, and this profile has none: add the certificate (PKCS#12 or PEM) to the profile.`,
    );
  for (const [pattern, reason] of alertReasons)
    if (pattern.test(facts.text))
      return fail(
        'client-certificate-rejected',
        code,
        `${context.host} refused our client certificate${reason(context)}.`,
      );
  if (context.usedClientCertificate && (facts.code === 'ECONNRESET' || facts.code === 'EPIPE'))
    return fail(
      'client-certificate-rejected',
      code,
      `${context.host} closed the connection right after the TLS handshake, so it most likely refused our client certificate${likelyRefusal(context)}.`,
    );
  return undefined;
}

const unpinnedCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  notPinnedErrorCode,
]);

function serverCertificateFailure(facts: ErrorFacts, host: string): TlsFailure | undefined {
  const code = environmentErrorCodes.untrustedServer;
  if (unpinnedCodes.has(facts.code)) {
    const selfSigned = facts.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ? ' (it is self-signed)' : '';
    return fail(
      'server-not-pinned',
      code,
      `${host} is not trusted: its certificate is not signed by the pinned CA${selfSigned}. A CA bundled inside a PKCS#12 file is never trusted; pin the environment's CA in the profile.`,
    );
  }
  if (facts.code === 'CERT_HAS_EXPIRED')
    return fail(
      'server-certificate-expired',
      code,
      `${host} is not trusted: its server certificate has expired.`,
    );
  if (facts.code === 'CERT_NOT_YET_VALID')
    return fail(
      'server-certificate-not-yet-valid',
      code,
      `${host} is not trusted: its server certificate is not valid yet (or this computer's clock is wrong).`,
    );
  if (facts.code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = facts.altNames ? ` (${facts.altNames})` : '';
    return fail(
      'server-wrong-host',
      code,
      `${host} is not trusted: its certificate is made out for another host name${names}; check the address in the profile.`,
    );
  }
  if (['INVALID_PURPOSE', 'CERT_REVOKED', 'CERT_REJECTED'].includes(facts.code))
    return fail(
      'server-certificate-unusable',
      code,
      `${host} is not trusted: its certificate ${facts.code === 'INVALID_PURPOSE' ? 'is not made for TLS servers' : 'was revoked or rejected'}.`,
    );
  return undefined;
}

function materialFailure(facts: ErrorFacts): TlsFailure | undefined {
  const code = environmentErrorCodes.certificate;
  if (/mac verify failure|bad decrypt|bad password/.test(facts.text))
    return fail(
      'wrong-passphrase',
      code,
      'The passphrase of the client certificate is wrong or missing.',
    );
  if (/unsupported pkcs12/.test(facts.text))
    return fail(
      'legacy-pkcs12',
      code,
      'The client certificate is a legacy PKCS#12 (RC2) that OpenSSL 3 no longer reads; re-export it once (the certificate doctor gives the command).',
    );
  if (/key values mismatch/.test(facts.text))
    return fail('key-mismatch', code, 'The private key does not belong to the client certificate.');
  return undefined;
}

const unreachableReasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (nothing listens on that port)',
  ENOTFOUND: 'the host name is not known',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'connecting timed out',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
};

function networkFailure(facts: ErrorFacts, host: string): TlsFailure {
  if (facts.name === 'TimeoutError' || facts.causeName === 'TimeoutError')
    return fail('timeout', environmentErrorCodes.timeout, `${host} did not answer in time.`);
  if (facts.name === 'AbortError')
    return fail('cancelled', environmentErrorCodes.cancelled, 'The request was cancelled.');
  if (/wrong version number|packet length too long|http request/.test(facts.text))
    return fail(
      'not-tls',
      environmentErrorCodes.unreachable,
      `${host} does not speak TLS on that port: check whether the address should start with http:// or uses another port.`,
    );
  const reason =
    unreachableReasons[facts.code] ??
    (/socket hang up/.test(facts.text)
      ? 'the connection was closed without an answer'
      : // a system error's message is "connect EADDRNOTAVAIL …": its code, not words
        (facts.systemDescription ?? (facts.firstLine || 'the connection failed')));
  return fail('unreachable', environmentErrorCodes.unreachable, `Cannot reach ${host}: ${reason}.`);
}

/** The failure and its finer reason. */
export function classifyTlsFailure(error: unknown, context: ConnectionErrorContext): TlsFailure {
  const facts = factsOfError(error);
  return (
    materialFailure(facts) ??
    serverCertificateFailure(facts, context.host) ??
    clientCertificateFailure(facts, context) ??
    networkFailure(facts, context.host)
  );
}

/** A connection error (from `https.request`, a socket or the agent) as an `AppError`. */
export function classifyConnectionError(error: unknown, context: ConnectionErrorContext): AppError {
  return classifyTlsFailure(error, context).error;
}
