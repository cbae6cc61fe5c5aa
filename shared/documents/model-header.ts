/**
 * The Finnish header extensions of the metadata model (`hl7fi:localHeader`,
 * `hl7fi:localSocialHeader`) and signatures. Split from model.ts to keep files small; model.ts
 * re-exports everything here.
 */
import type { CodedValue, InstanceId, REDACTED } from './model';

/** `hl7fi:softwareSupport`: the software that produced the document. */
export interface SoftwareSupport {
  readonly text?: string;
  readonly moderator?: string;
  readonly product?: string;
  readonly version?: string;
}

/** Link elements of the local header (serviceChainLink, episodeLink). */
export interface HeaderLink {
  readonly id?: InstanceId;
  readonly name?: string;
  readonly code?: CodedValue;
}

/** `hl7fi:auditTrail`. */
export interface AuditTrailEntry {
  readonly code?: CodedValue;
  readonly time?: string;
  readonly id?: InstanceId;
  readonly idEnd?: InstanceId;
}

/** An element the schema does not name, kept (not dropped) with its text and attributes. */
export interface OtherElement {
  readonly name: string;
  readonly namespace: string;
  readonly text?: string;
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
  readonly children: readonly OtherElement[];
}

/**
 * `hl7fi:localHeader`: every element of the XSD in the corpus
 * (schema__hl7fi_extensions_cdar2header.xsd), by name. `signatureCollection` is read into
 * `DocumentMetadata.signatures`; `password` is never copied (see REDACTED).
 */
export interface LocalHeader {
  readonly description?: string;
  /** The views (näkymät, code system 1.2.246.537.6.12.2002). */
  readonly tableOfContents: readonly CodedValue[];
  readonly registratedTime?: string;
  readonly declaredTime?: string;
  readonly typeCode?: CodedValue;
  readonly fileFormat?: CodedValue;
  readonly softwareSupport?: SoftwareSupport;
  readonly documentType?: CodedValue;
  readonly currentLocation?: string;
  readonly retentionPeriod?: string;
  readonly functionCode?: CodedValue;
  readonly recordStatus?: CodedValue;
  readonly auditTrail: readonly AuditTrailEntry[];
  readonly serviceChainLink: readonly HeaderLink[];
  readonly episodeLink: readonly HeaderLink[];
  readonly product: readonly SoftwareSupport[];
  readonly sender?: { readonly code?: CodedValue; readonly name?: string };
  readonly password?: typeof REDACTED;
  readonly patientRegistrySpecifier?: InstanceId;
  readonly patientRegistrySpecifierName?: string;
  readonly custodianTypeCode?: CodedValue;
  readonly encompassingEncounterCode?: CodedValue;
  readonly activeCustodian?: InstanceId;
  readonly activeCustodianName?: string;
  readonly encompassingEncounterMasterCode?: CodedValue;
  readonly secondaryEncompassingEncounterId?: InstanceId;
  readonly outsourcingServiceCustomer?: InstanceId;
  readonly outsourcingServiceCustomerName?: string;
  readonly retentionPeriodClass?: CodedValue;
  readonly extendedRetentionPeriod?: string;
  readonly sensitiveDocument?: CodedValue;
  readonly eprServiceProvider?: InstanceId;
  readonly eprServiceProviderName?: string;
  readonly releaseDateForPatientViewing?: string;
  readonly patientHomeMunicipality?: CodedValue;
  /** Elements not in the schema, in document order. */
  readonly otherElements: readonly OtherElement[];
}

/**
 * `hl7fi:localSocialHeader` of social welfare documents. No schema is available to the project
 * (DOMAIN.md lists the names as observed), so values are read by their attributes: `code` makes
 * a coded value, `root` an id, `value` a time; anything else is kept as an OtherElement.
 */
export interface LocalSocialHeader {
  readonly creationTime?: string;
  readonly documentGroup?: CodedValue;
  readonly fileFormat?: CodedValue;
  readonly structuredFileFormat?: CodedValue;
  readonly softwareSupport?: SoftwareSupport;
  readonly recordStatus?: CodedValue;
  readonly registryType?: CodedValue;
  readonly outsourcingServiceCustomer?: InstanceId;
  readonly outsourcingServiceCustomerName?: string;
  readonly totalRetentionPeriodClass?: CodedValue;
  readonly specialContent?: CodedValue;
  readonly contentSpecificationId?: InstanceId;
  readonly otherElements: readonly OtherElement[];
}

/** One signature, as metadata: never verified here, and kept out of content diffs by default. */
export interface SignatureInfo {
  /** `hl7fi:signature/@ID`. */
  readonly id?: string;
  /** `signatureDescription` (code system 1.2.246.537.5.40127.2006). */
  readonly type?: CodedValue;
  /** `signatureTimestamp`, as written. */
  readonly time?: string;
  readonly timestampId?: string;
  /** `ds:Reference/@URI` values: what the signature covers. */
  readonly referenceIds: readonly string[];
  readonly canonicalizationMethod?: string;
  readonly signatureMethod?: string;
  readonly digestMethods: readonly string[];
  readonly signerSubject?: string;
  readonly signerIssuer?: string;
  /** `multipleDocumentSignature/Ref`: documents signed together with this one. */
  readonly multipleDocumentRefs: readonly { readonly oid?: string; readonly hash?: string }[];
}
