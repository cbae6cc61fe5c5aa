/**
 * The document metadata model: what `archivist show --json` prints and what compare, search and
 * invalidation work on. Field names follow ARCHITECTURE.md "Metadata model"; everything is plain
 * JSON (strings, numbers, arrays, objects) so it crosses worker and IPC boundaries unchanged.
 * Times are kept exactly as written in the document (HL7 TS such as `20150430114738`, or FHIR
 * ISO instants): reformatting them would hide what the sender actually sent.
 */

import type { IdentityCodeFinding } from '../identity/scan';
import type { LocalHeader, LocalSocialHeader, SignatureInfo } from './model-header';

export type { IdentityCodeFinding } from '../identity/scan';

export type {
  AuditTrailEntry,
  HeaderLink,
  LocalHeader,
  LocalSocialHeader,
  OtherElement,
  SignatureInfo,
  SoftwareSupport,
} from './model-header';

declare const brand: unique symbol;

/** A nominal type: the same shape, but not assignable from other brands by mistake. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/**
 * An HL7 instance identifier (CDA `II`). When the document says `nullFlavor` instead of an id,
 * `root` is '' and `nullFlavor` tells why (for example `NI` no information).
 */
export interface InstanceId {
  readonly root: string;
  readonly extension?: string;
  readonly nullFlavor?: string;
}

/** The id of one document version (CDA `ClinicalDocument/id`). */
export type DocumentId = Brand<InstanceId, 'DocumentId'>;

/** The id of a version series (CDA `setId`): the id of its first version. */
export type SetId = Brand<InstanceId, 'SetId'>;

/** A coded value (CDA `CD`/`CE`/`CV`); `label` comes from the project's Kanta code tables. */
export interface CodedValue {
  /** '' when the document gives only a `nullFlavor`. */
  readonly code: string;
  /** '' when the document gives none. */
  readonly codeSystem: string;
  readonly codeSystemName?: string;
  readonly displayName?: string;
  readonly label?: string;
  readonly nullFlavor?: string;
  readonly originalText?: string;
}

/** A time interval (CDA `IVL_TS`) or a point in time (`value`). */
export interface TimeInterval {
  readonly value?: string;
  readonly low?: string;
  readonly high?: string;
}

/** A person name; `formatted` is given names then family names, for display. */
export interface PersonName {
  readonly given: readonly string[];
  readonly family: readonly string[];
  readonly prefix: readonly string[];
  readonly suffix: readonly string[];
  /** The given name marked `qualifier="CL"` (kutsumanimi, name in daily use). */
  readonly callName?: string;
  readonly formatted: string;
}

/** An organisation; `partOf` is `asOrganizationPartOf/wholeOrganization`. */
export interface Organisation {
  readonly ids: readonly InstanceId[];
  readonly name?: string;
  readonly partOf?: Organisation;
}

/** The patient (`recordTarget/patientRole`, or FHIR `subject`). */
export interface Patient {
  /** The first personal identity code id (root 1.2.246.21) when present, else the first id. */
  readonly id?: InstanceId;
  readonly ids: readonly InstanceId[];
  readonly name?: PersonName;
  readonly birthTime?: string;
  readonly gender?: CodedValue;
  /** FHIR only: the `subject.reference`. */
  readonly reference?: string;
}

/** One `author`: who made or changed the document and in which role. */
export interface Author {
  /** Kanta role, e.g. MER record maker, KOR corrector, MIT invalidator. */
  readonly functionCode?: CodedValue;
  readonly time?: string;
  readonly ids: readonly InstanceId[];
  /** Profession or speciality (`assignedAuthor/code`). */
  readonly code?: CodedValue;
  readonly name?: PersonName;
  /** Software that authored the document (`assignedAuthoringDevice/softwareName`). */
  readonly device?: string;
  /** The unit the author acted for (`representedOrganization`). */
  readonly organisation?: Organisation;
  readonly nullFlavor?: string;
  /** FHIR only: the `author[].reference`. */
  readonly reference?: string;
}

/** A header `participant`: CST archive former, SBJ owner of another person's data, others. */
export interface Participant {
  readonly typeCode: string;
  /** `associatedEntity/@classCode`, e.g. NOK next of kin. */
  readonly classCode?: string;
  readonly time?: TimeInterval;
  readonly ids: readonly InstanceId[];
  readonly code?: CodedValue;
  readonly name?: PersonName;
  readonly organisation?: Organisation;
}

/** A `relatedDocument`: RPLC replaces (new version), APND appends, XFRM transformed. */
export interface RelatedDocument {
  readonly typeCode: string;
  readonly id: DocumentId;
  readonly setId?: SetId;
  readonly versionNumber?: number;
  readonly code?: CodedValue;
  /** FHIR only: `relatesTo.target.reference`, e.g. `DocumentReference/123`. */
  readonly reference?: string;
}

/** `componentOf/encompassingEncounter`, where the document was written. */
export interface Encounter {
  readonly effectiveTime?: TimeInterval;
  readonly code?: CodedValue;
  /** Service unit (palveluyksikkö): `location/healthCareFacility`. */
  readonly serviceUnit?: { readonly ids: readonly InstanceId[]; readonly name?: string };
  readonly serviceProvider?: Organisation;
  readonly responsibleOrganisation?: Organisation;
}

/** `documentationOf/serviceEvent`, the service provided. */
export interface ServiceEvent {
  readonly ids: readonly InstanceId[];
  readonly code?: CodedValue;
  readonly effectiveTime?: TimeInterval;
}

/** One structured-body section (nested sections inside). */
export interface SectionSummary {
  readonly templateIds: readonly InstanceId[];
  readonly id?: InstanceId;
  readonly code?: CodedValue;
  readonly title?: string;
  readonly sections: readonly SectionSummary[];
}

/** A decoded embedded payload; `text` only for textual media types, for display. */
export interface DecodedPayload {
  readonly mediaType?: string;
  readonly bytes?: number;
  readonly sha256?: string;
  readonly text?: string;
  /** True when `text` was cut at MAX_DISPLAY_TEXT characters. */
  readonly isTextTruncated?: boolean;
  /** True when `text` is JSON that parsed; false when it did not; absent for non-JSON. */
  readonly isValidJson?: boolean;
  /** Where the payload points when it is a reference (`reference/@value`, FHIR `url`). */
  readonly url?: string;
}

/** The body kind: structured sections, or a decoded non-XML body. */
export type DocumentBody =
  | { readonly kind: 'structured'; readonly sections: readonly SectionSummary[] }
  | {
      readonly kind: 'nonXml';
      readonly content: DecodedPayload;
      /** Structured parts beside the display form, e.g. social welfare `hl7fi:json`. */
      readonly structured: readonly DecodedPayload[];
    }
  | { readonly kind: 'none' };

/** A binary payload carried by the document; `where` says which element held it. */
export interface Attachment {
  readonly mediaType?: string;
  readonly bytes?: number;
  readonly sha256?: string;
  readonly where: string;
  readonly url?: string;
  readonly title?: string;
}

/** HL7 V3 interactions of the Patient Data Repository's archive messaging (DOMAIN.md §2). */
export type RcmrInteraction = 'RCMR_IN100002FI01' | 'RCMR_IN100016FI01' | 'RCMR_IN200002FI01';

/** Message-level fields of an HL7 V3 RCMR wrapper. */
export interface MessageMetadata {
  readonly interaction: RcmrInteraction;
  readonly messageId?: InstanceId;
  readonly creationTime?: string;
  readonly senderId?: InstanceId;
  readonly receiverId?: InstanceId;
  /** `controlActProcess/reasonCode` (code system 1.2.246.537.5.40157.2008). */
  readonly serviceRequest?: CodedValue;
  readonly completionCode?: CodedValue;
  readonly storageCode?: CodedValue;
  /** Code system 1.2.246.537.5.40178.2008 (1 = correction). */
  readonly replacementReason?: CodedValue;
  /** The message's own copy of the document id (`clinicalDocument/id`). */
  readonly documentId?: InstanceId;
  /** `replacementOf/priorClinicalDocument/id` of a new-version message. */
  readonly replacedDocumentId?: InstanceId;
  /** MIME details of the embedded part, and what was tolerated while reading it. */
  readonly mime: {
    readonly boundary?: string;
    readonly partContentType?: string;
    readonly transferEncoding?: string;
    readonly notes: readonly string[];
  };
}

/** FHIR DocumentReference fields without a CDA counterpart. */
export interface FhirDetails {
  readonly resourceId?: string;
  readonly versionId?: string;
  readonly lastUpdated?: string;
  readonly profiles: readonly string[];
  /** `current`, `superseded` or `entered-in-error`. */
  readonly status?: string;
  readonly docStatus?: string;
  readonly identifiers: readonly InstanceId[];
  readonly categories: readonly CodedValue[];
  readonly securityLabels: readonly CodedValue[];
  readonly description?: string;
  readonly facilityType?: CodedValue;
  readonly practiceSetting?: CodedValue;
}

/** Something the reader tolerated: shown to the tester, never fatal. */
export interface ReadWarning {
  readonly code: string;
  readonly message: string;
}

/** The metadata of one document, whatever format it came in. */
export interface DocumentMetadata {
  readonly format: 'cda' | 'fhir' | 'rcmr';
  readonly id: DocumentId;
  readonly setId?: SetId;
  readonly versionNumber?: number;
  readonly title?: string;
  readonly effectiveTime?: string;
  readonly languageCode?: string;
  readonly realmCode?: string;
  readonly templateIds: readonly InstanceId[];
  /** The CDA `code`: the register in Kanta documents (1.2.246.537.5.40150.2009). */
  readonly register?: CodedValue;
  readonly confidentiality?: CodedValue;
  readonly copyTime?: string;
  readonly patient?: Patient;
  readonly authors: readonly Author[];
  /** The controller of the register (rekisterinpitäjä). */
  readonly custodian?: Organisation;
  /** `componentOf/encompassingEncounter/id` (palvelutapahtumatunnus). */
  readonly serviceEventId?: InstanceId;
  readonly encounter?: Encounter;
  readonly serviceEvent?: ServiceEvent;
  readonly participants: readonly Participant[];
  readonly relatedDocuments: readonly RelatedDocument[];
  readonly localHeader?: LocalHeader;
  readonly localSocialHeader?: LocalSocialHeader;
  readonly signatures: readonly SignatureInfo[];
  readonly message?: MessageMetadata;
  readonly fhir?: FhirDetails;
  readonly identityCodes: readonly IdentityCodeFinding[];
  readonly attachments: readonly Attachment[];
  readonly body: DocumentBody;
  readonly warnings: readonly ReadWarning[];
}

/** What the model shows instead of a secret the document carries (`hl7fi:password`). */
export const REDACTED = '[present, not shown]';

/**
 * Fields the archive fills in or changes when it stores a document, as dotted paths into
 * DocumentMetadata. Comparing a sent document with the stored one ignores them, because they
 * differ by design (DOMAIN.md §2: copyTime, declaredTime, retentionPeriod, activeCustodian).
 */
export const ARCHIVE_FILLED_FIELDS: readonly string[] = [
  'copyTime',
  'localHeader.declaredTime',
  'localHeader.retentionPeriod',
  'localHeader.activeCustodian',
  'localHeader.activeCustodianName',
];
