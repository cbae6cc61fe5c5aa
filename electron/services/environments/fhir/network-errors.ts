/**
 * Node's network errors in a tester's words, with the stable environment error codes. The
 * classification is the TLS classifier's (electron/services/tls/classify-tls-error.ts), so a
 * refused client certificate, an untrusted server, a wrong passphrase or a server that does not
 * speak TLS come out with their specific `env-*` code and reason, the same words the
 * certificate doctor uses.
 */
import type { AppError } from '../../../../shared/result';
import { systemErrorDescription } from '../../files/file-problem';
import type { CertificateFacts } from '../../tls/certificate-facts';
import { classifyConnectionError } from '../../tls/classify-tls-error';

/** What the client knows about its own certificate when a connection fails. */
export interface ClientCertificateContext {
  /** True when the agent carries a client certificate (it is sent when the server asks). */
  readonly usedClientCertificate: boolean;
  /** Our certificate's facts, so "refused" can say "expired on …" or "no clientAuth". */
  readonly clientCertificate?: CertificateFacts;
}

const unreachableReasons: Record<string, string> = {
  ENOTFOUND: 'the host name is not known',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ETIMEDOUT: 'connecting timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

function codeOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : '';
}

/** The error for a request that failed on the network (never for an HTTP answer). */
export function classifyNetworkError(
  error: Error | undefined,
  serverName: string,
  tls: ClientCertificateContext = { usedClientCertificate: false },
  now: Date = new Date(),
): AppError {
  return classifyConnectionError(error ?? new Error('socket hang up'), {
    host: serverName,
    usedClientCertificate: tls.usedClientCertificate,
    ...(tls.clientCertificate ? { clientCertificate: tls.clientCertificate } : {}),
    now,
  });
}

/** What happened to the connection, as a clause ("the connection was reset"). */
export function networkReason(error: Error | undefined): string {
  const detail = error?.message ?? 'the connection closed';
  return (
    unreachableReasons[error ? codeOf(error) : ''] ??
    (detail === 'socket hang up'
      ? 'the connection was closed without an answer'
      : (systemErrorDescription(error) ?? detail))
  );
}
