/**
 * What the rest of the app needs from one environment, whatever kind it is: a FHIR server
 * (sandbox, AT, TK, any R4 server) or a local folder of documents. Search results and reads come
 * back as FHIR resources so that one code path maps them into the metadata model.
 *
 * Every failure is a `Result` error with one of `environmentErrorCodes` and a sentence a tester
 * understands; nothing here throws for an environment's misbehaviour.
 */
import type { DocumentReference, Provenance } from '../../../shared/fhir/resources';
import type { Result } from '../../../shared/result';

/** Search parameters, by meaning; each connection maps them to its own protocol. */
export interface DocumentQuery {
  /** A personal identity code (hetu); searched as `urn:oid:1.2.246.21|<hetu>`. */
  readonly patient?: string;
  /** A document OID (`ClinicalDocument/id`), searched as `identifier`. */
  readonly documentId?: string;
  readonly setId?: string;
  /** Inclusive ISO dates or instants. */
  readonly from?: string;
  readonly to?: string;
  /** Document type code (`type`) and DocumentReference status. */
  readonly type?: string;
  readonly status?: 'current' | 'superseded' | 'entered-in-error';
  /** Stop after this many documents (default: all pages). */
  readonly limit?: number;
}

export interface SearchProgress {
  readonly fetched: number;
  /** The server's `Bundle.total` when it gives one. */
  readonly total?: number;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

export interface SearchOptions extends RequestOptions {
  /** Called after every page; long searches stream this to a progress line or bar. */
  readonly onProgress?: (progress: SearchProgress) => void;
}

/** A write: sent exactly once, named by a client request id (`X-Request-Id`). */
export interface WriteOptions extends RequestOptions {
  readonly requestId: string;
  /** A conditional create's query (`If-None-Exist`), so a resent request cannot create twice. */
  readonly ifNoneExist?: string;
}

/** One document as stored: its DocumentReference and the bytes of its content (the CDA). */
export interface FetchedDocument {
  readonly reference: DocumentReference;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** The answer of `check`: what the environment says about itself. */
export interface ConnectionCheck {
  readonly fhirVersion?: string;
  readonly software?: string;
  readonly documentCount?: number;
}

export interface EnvironmentConnection {
  search(
    query: DocumentQuery,
    options?: SearchOptions,
  ): Promise<Result<readonly DocumentReference[]>>;
  /** The current version of a DocumentReference (by resource id) and its content bytes. */
  read(resourceId: string, options?: RequestOptions): Promise<Result<FetchedDocument>>;
  /** Every stored version of a DocumentReference, newest first (`_history`). */
  history(
    resourceId: string,
    options?: RequestOptions,
  ): Promise<Result<readonly DocumentReference[]>>;
  /** Provenance resources that target a DocumentReference (`Provenance?target=`). */
  provenanceFor(
    resourceId: string,
    options?: RequestOptions,
  ): Promise<Result<readonly Provenance[]>>;
  check(options?: RequestOptions): Promise<Result<ConnectionCheck>>;
  /**
   * Invalidates a document by creating a MitatointiProvenanceV2-shaped Provenance; answers the
   * stored Provenance. Never retried: `env-ambiguous-write` means the fate is unknown and the
   * caller must read the document back. Environments that cannot write answer `env-read-only`.
   */
  invalidate(provenance: Provenance, options: WriteOptions): Promise<Result<Provenance>>;
  close(): void;
}

/** The stable error codes of environment operations (tests and the UI switch on these). */
export const environmentErrorCodes = {
  /** DNS failure, connection refused, reset before any answer. */
  unreachable: 'env-unreachable',
  /** The request's deadline passed (blackhole, slow drip, hung server). */
  timeout: 'env-timeout',
  /** The server refused our client certificate during or right after the TLS handshake. */
  clientCertificateRejected: 'env-client-certificate-rejected',
  /** The server's certificate is not signed by the pinned CA, expired, or names another host. */
  untrustedServer: 'env-untrusted-server',
  /** Our own certificate material cannot be used (wrong passphrase, expired, legacy PKCS#12 …). */
  certificate: 'env-certificate',
  /** The server answered with an error status; the message carries its OperationOutcome text. */
  httpStatus: 'env-http-status',
  /** The calendar says a window is on (fault-testing, maintenance): refused before sending. */
  scheduledOutage: 'env-scheduled-outage',
  /** Too many recent failures: the circuit breaker refuses until it half-opens. */
  circuitOpen: 'env-circuit-open',
  /** The answer is not what FHIR promises (not JSON, wrong resource type, missing content). */
  badResponse: 'env-bad-response',
  /** Not found (404 or no such document in a folder). */
  notFound: 'env-not-found',
  /**
   * A write whose fate is unknown: the connection failed or timed out after the request was
   * sent. Never retried blindly; the caller reads the target back to learn the truth.
   */
  ambiguousWrite: 'env-ambiguous-write',
  /** The caller cancelled (AbortSignal). */
  cancelled: 'env-cancelled',
  /** A write is not allowed here (folder environments, profiles without isTestEnvironment). */
  readOnly: 'env-read-only',
} as const;

export type EnvironmentErrorCode =
  (typeof environmentErrorCodes)[keyof typeof environmentErrorCodes];
