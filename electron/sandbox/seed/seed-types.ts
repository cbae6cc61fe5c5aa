/**
 * The contract between the seed generator and the sandbox store. The catalogue (patients and
 * document metadata) is small enough to hold in memory even at 100,000 documents; the CDA bytes
 * are generated on demand from the document's seed, so they never all sit in memory at once.
 */
import type { DocumentReference, Patient } from '../../../shared/fhir/resources';
import type { StandInEnvironment } from './stand-in';

export interface SeedOptions {
  /** Same seed, same data: tests and bug reports can rely on it. */
  readonly seed: number;
  readonly patients: number;
  readonly documents: number;
  /**
   * The Kanta environment the sandbox stands in for: its archive's storage times and its own
   * resource ids (stand-in.ts). Absent: the plain seed, byte for byte as before.
   */
  readonly environment?: StandInEnvironment;
}

/** A problem planted on purpose so investigators have something to find. */
export type PlantedProblem =
  | 'metadata-disagrees-with-header'
  | 'missing-service-event-id'
  | 'wrong-register-code'
  | 'signature-digest-mismatch'
  | 'duplicate-set-id-and-version'
  | 'non-test-identity-code';

export interface SeedDocument {
  /** The DocumentReference as the server serves it (content.attachment.url = `Binary/<binaryId>`). */
  readonly documentReference: DocumentReference & { readonly id: string };
  readonly binaryId: string;
  readonly contentType: 'application/hl7-v3+xml';
  /** Generates the CDA bytes (deterministic). */
  readonly bytes: () => Uint8Array;
  /**
   * Computes the attachment's size and hash ahead of serving, off the main thread where it can,
   * so the first search page that lists the document does not have to write it. Optional: a
   * catalogue whose attachments are plain values has nothing to prepare.
   */
  readonly prepareFacts?: () => Promise<void>;
  /** Versions that this one replaced, oldest first, are separate SeedDocuments with the same setId. */
  readonly setId: string;
  readonly versionNumber: number;
  readonly problems: readonly PlantedProblem[];
}

export interface SeedCatalog {
  readonly patients: readonly (Patient & { readonly id: string })[];
  readonly documents: readonly SeedDocument[];
  /** The environment the catalogue stands in for (SeedOptions.environment), if any. */
  readonly environment?: StandInEnvironment;
}
