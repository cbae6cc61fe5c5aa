/**
 * The subset of FHIR R4 resources Archivist exchanges with environments (ARCHITECTURE.md,
 * "Environments"): plain JSON types, permissive where servers vary. Validation of what a server
 * sends lives with the readers; these types only name the fields.
 */

export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface FhirCodeableConcept {
  readonly coding?: readonly FhirCoding[];
  readonly text?: string;
}

export interface FhirIdentifier {
  readonly system?: string;
  readonly value?: string;
  readonly use?: string;
}

export interface FhirReference {
  readonly reference?: string;
  readonly identifier?: FhirIdentifier;
  readonly display?: string;
}

export interface FhirMeta {
  readonly versionId?: string;
  readonly lastUpdated?: string;
  readonly profile?: readonly string[];
}

export interface FhirAttachment {
  readonly contentType?: string;
  readonly language?: string;
  readonly data?: string;
  readonly url?: string;
  readonly size?: number;
  /** Base64 of the SHA-1 per FHIR R4; we also carry sha256 in an extension where we write it. */
  readonly hash?: string;
  readonly title?: string;
  readonly creation?: string;
}

export interface FhirExtension {
  readonly url: string;
  readonly valueString?: string;
  readonly valueCode?: string;
  readonly valueIdentifier?: FhirIdentifier;
}

export interface DocumentReference {
  readonly resourceType: 'DocumentReference';
  readonly id?: string;
  readonly meta?: FhirMeta;
  readonly extension?: readonly FhirExtension[];
  readonly masterIdentifier?: FhirIdentifier;
  readonly identifier?: readonly FhirIdentifier[];
  readonly status: 'current' | 'superseded' | 'entered-in-error';
  readonly docStatus?: 'preliminary' | 'final' | 'amended' | 'entered-in-error';
  readonly type?: FhirCodeableConcept;
  readonly category?: readonly FhirCodeableConcept[];
  readonly subject?: FhirReference;
  readonly date?: string;
  readonly author?: readonly FhirReference[];
  readonly custodian?: FhirReference;
  readonly relatesTo?: readonly {
    readonly code: 'replaces' | 'transforms' | 'signs' | 'appends';
    readonly target: FhirReference;
  }[];
  readonly description?: string;
  readonly securityLabel?: readonly FhirCodeableConcept[];
  readonly content: readonly {
    readonly attachment: FhirAttachment;
    readonly format?: FhirCoding;
  }[];
  readonly context?: {
    readonly encounter?: readonly FhirReference[];
    readonly period?: { readonly start?: string; readonly end?: string };
    readonly related?: readonly FhirReference[];
  };
}

export interface Binary {
  readonly resourceType: 'Binary';
  readonly id?: string;
  readonly meta?: FhirMeta;
  readonly contentType: string;
  readonly data?: string;
}

export interface Patient {
  readonly resourceType: 'Patient';
  readonly id?: string;
  readonly meta?: FhirMeta;
  readonly identifier?: readonly FhirIdentifier[];
  readonly name?: readonly {
    readonly family?: string;
    readonly given?: readonly string[];
    readonly text?: string;
  }[];
  readonly gender?: 'male' | 'female' | 'other' | 'unknown';
  readonly birthDate?: string;
}

/** Kanta's MitatointiProvenanceV2 shape (DOMAIN.md §3): no reason, occurred, policy, location or text. */
export interface Provenance {
  readonly resourceType: 'Provenance';
  readonly id?: string;
  readonly meta?: FhirMeta;
  readonly target: readonly FhirReference[];
  readonly recorded: string;
  readonly agent: readonly {
    readonly type?: FhirCodeableConcept;
    readonly who: FhirReference;
    readonly onBehalfOf?: FhirReference;
  }[];
}

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly {
    readonly severity: 'fatal' | 'error' | 'warning' | 'information';
    readonly code: string;
    readonly diagnostics?: string;
    readonly expression?: readonly string[];
  }[];
}

export interface BundleEntry<R = FhirResource> {
  readonly fullUrl?: string;
  readonly resource?: R;
  readonly search?: { readonly mode?: 'match' | 'include' };
  readonly request?: {
    readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    readonly url: string;
    readonly ifNoneExist?: string;
    readonly ifMatch?: string;
  };
  readonly response?: {
    readonly status: string;
    readonly location?: string;
    readonly etag?: string;
    readonly lastModified?: string;
  };
}

export interface Bundle<R = FhirResource> {
  readonly resourceType: 'Bundle';
  readonly id?: string;
  readonly meta?: FhirMeta;
  readonly type:
    | 'searchset'
    | 'history'
    | 'transaction'
    | 'transaction-response'
    | 'batch'
    | 'batch-response'
    | 'collection';
  readonly total?: number;
  readonly link?: readonly { readonly relation: string; readonly url: string }[];
  readonly entry?: readonly BundleEntry<R>[];
}

export type FhirResource =
  DocumentReference | Binary | Patient | Provenance | OperationOutcome | Bundle;

/** The identifier system of Finnish personal identity codes. */
export const hetuSystem = 'urn:oid:1.2.246.21';

/** Kanta's invalidation Provenance profile. */
export const invalidationProfile =
  'https://gen.kanta.fi/fhir/StructureDefinition/MitatointiProvenanceV2';
