/**
 * Node's network errors in a tester's words, with the stable environment error codes. TLS
 * failures get a first, coarse mapping here; the certificate doctor (electron/services/tls/)
 * explains them in detail.
 */
import type { AppError } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';

const untrustedServerCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

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
export function classifyNetworkError(error: Error | undefined, serverName: string): AppError {
  const code = error ? codeOf(error) : '';
  const detail = error?.message ?? 'the connection closed';
  if (untrustedServerCodes.has(code))
    return {
      code: environmentErrorCodes.untrustedServer,
      message: `${serverName} is not trusted: its certificate failed the check (${code}).`,
    };
  if (code.startsWith('ERR_SSL') || /mac verify failure|bad decrypt|PKCS12/i.test(detail))
    return {
      code: environmentErrorCodes.certificate,
      message: `The client certificate for ${serverName} cannot be used (${detail}).`,
    };
  return {
    code: environmentErrorCodes.unreachable,
    message: `Cannot reach ${serverName}: ${networkReason(error)}.`,
  };
}

/** What happened to the connection, as a clause ("the connection was reset"). */
export function networkReason(error: Error | undefined): string {
  const detail = error?.message ?? 'the connection closed';
  return (
    unreachableReasons[error ? codeOf(error) : ''] ??
    (detail === 'socket hang up' ? 'the connection was closed without an answer' : detail)
  );
}
