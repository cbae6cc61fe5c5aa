/**
 * The metadata panel's content, grouped as DOMAIN.md presents a document: identity and version,
 * patient, authors, custodian and register, service event, local header (with code labels),
 * signatures, HL7 V3 message fields and FHIR details, and the environment's DocumentReference
 * (reference-fields.ts). Archive-filled fields are marked, because
 * they differ by design between what was sent and what is stored. Pure: tested without a DOM.
 */
import type { LabelLanguage } from '../../../shared/codes/labels';
import type { DocumentFinding } from '../../../shared/documents/document-findings';
import {
  ARCHIVE_FILLED_FIELDS,
  type CodedValue,
  type DocumentMetadata,
  type InstanceId,
  type LocalHeader,
  type LocalSocialHeader,
} from '../../../shared/documents/model';
import {
  formatCode,
  formatId,
  formatIds,
  formatInterval,
  formatName,
  formatOrganisation,
  formatTime,
} from '../../../shared/documents/summary-format';
import type { DocumentReference } from '../../../shared/fhir/resources';
import { referenceGroup } from './reference-fields';

export interface MetadataField {
  readonly label: string;
  readonly value: string;
  /** Set when the archive fills or changes this field on storing. */
  readonly isArchiveFilled?: boolean;
  /** Set when the value fails a check a tester must see (identity codes). */
  readonly problem?: string;
}

export interface MetadataGroup {
  readonly title: string;
  readonly fields: readonly MetadataField[];
}

const archiveFilled = new Set(ARCHIVE_FILLED_FIELDS);

class Fields {
  readonly list: MetadataField[] = [];
  add(label: string, value: string | number | undefined, extra: Partial<MetadataField> = {}): this {
    if (value === undefined || value === '') return this;
    this.list.push({ label, value: String(value), ...extra });
    return this;
  }
}

function isCoded(value: unknown): value is CodedValue {
  return typeof value === 'object' && value !== null && 'code' in value && 'codeSystem' in value;
}

function isId(value: unknown): value is InstanceId {
  return typeof value === 'object' && value !== null && 'root' in value;
}

const headerSkip = new Set(['tableOfContents', 'otherElements', 'softwareSupport', 'sender']);

function headerFields(
  header: LocalHeader | LocalSocialHeader,
  prefix: string,
  language: LabelLanguage,
): MetadataField[] {
  const fields = new Fields();
  if ('tableOfContents' in header)
    header.tableOfContents.forEach((view) => fields.add('View', formatCode(view, language)));
  const software = header.softwareSupport;
  if (software)
    fields.add(
      'softwareSupport',
      [software.text, software.product, software.version, software.moderator]
        .filter(Boolean)
        .join(', '),
    );
  if ('sender' in header && header.sender)
    fields.add('sender', header.sender.name ?? formatCode(header.sender.code, language));
  for (const [name, value] of Object.entries(header) as [string, unknown][]) {
    if (headerSkip.has(name) || value === undefined) continue;
    const mark = archiveFilled.has(`${prefix}.${name}`) ? { isArchiveFilled: true } : {};
    if (typeof value === 'string')
      fields.add(name, /Time|Period|Date/.test(name) ? formatTime(value) : value, mark);
    else if (Array.isArray(value))
      fields.add(name, value.length ? `${value.length} item(s)` : undefined);
    else if (isCoded(value)) fields.add(name, formatCode(value, language), mark);
    else if (isId(value)) fields.add(name, formatId(value), mark);
  }
  for (const other of header.otherElements)
    fields.add(`(not in schema) ${other.name}`, other.text ?? '(element)');
  return fields.list;
}

function identityGroup(meta: DocumentMetadata, language: LabelLanguage): MetadataField[] {
  return new Fields()
    .add('Title', meta.title)
    .add('Document id', formatId(meta.id))
    .add('Set id', formatId(meta.setId))
    .add('Version', meta.versionNumber)
    .add('Created', formatTime(meta.effectiveTime))
    .add('Language', meta.languageCode)
    .add('Confidentiality', formatCode(meta.confidentiality, language))
    .add('Format', meta.format.toUpperCase())
    .add('Copy time', formatTime(meta.copyTime), { isArchiveFilled: true })
    .add(
      'Related documents',
      meta.relatedDocuments
        .map(
          (r) =>
            `${r.typeCode} ${formatId(r.id) ?? r.reference ?? ''}${r.versionNumber ? ` v${r.versionNumber}` : ''}`,
        )
        .join('; '),
    ).list;
}

function patientGroup(meta: DocumentMetadata): MetadataField[] {
  const fields = new Fields()
    .add('Name', formatName(meta.patient?.name))
    .add('Identity code', formatId(meta.patient?.id))
    .add('Other ids', formatIds((meta.patient?.ids ?? []).slice(1)))
    .add('Born', formatTime(meta.patient?.birthTime));
  for (const finding of meta.identityCodes) {
    const problem = !finding.valid
      ? `invalid: ${finding.problem ?? 'wrong form'}`
      : !finding.isTestCode
        ? 'not a test code: the test service refuses this document'
        : undefined;
    fields.add(`Identity code in ${finding.where}`, finding.value, problem ? { problem } : {});
  }
  return fields.list;
}

function authorGroup(meta: DocumentMetadata, language: LabelLanguage): MetadataField[] {
  const fields = new Fields();
  meta.authors.forEach((author, index) => {
    const n = index + 1;
    fields
      .add(`Author ${n} role`, formatCode(author.functionCode, language))
      .add(`Author ${n}`, formatName(author.name) ?? author.device)
      .add(`Author ${n} ids`, formatIds(author.ids))
      .add(`Author ${n} profession`, formatCode(author.code, language))
      .add(`Author ${n} time`, formatTime(author.time))
      .add(`Author ${n} unit`, formatOrganisation(author.organisation));
  });
  meta.participants.forEach((participant) =>
    fields.add(
      `Participant ${participant.typeCode}`,
      formatName(participant.name) ??
        formatOrganisation(participant.organisation) ??
        formatIds(participant.ids),
    ),
  );
  return fields.list;
}

function serviceGroup(meta: DocumentMetadata, language: LabelLanguage): MetadataField[] {
  const unit = meta.encounter?.serviceUnit;
  return new Fields()
    .add('Service event id', formatId(meta.serviceEventId))
    .add('Service event', formatCode(meta.serviceEvent?.code, language))
    .add('Service event ids', formatIds(meta.serviceEvent?.ids ?? []))
    .add('Event time', formatInterval(meta.serviceEvent?.effectiveTime))
    .add('Encounter time', formatInterval(meta.encounter?.effectiveTime))
    .add(
      'Service unit',
      unit ? [unit.name, formatIds(unit.ids)].filter(Boolean).join(', ') : undefined,
    )
    .add('Service provider', formatOrganisation(meta.encounter?.serviceProvider)).list;
}

function signatureGroup(meta: DocumentMetadata, language: LabelLanguage): MetadataField[] {
  const fields = new Fields();
  meta.signatures.forEach((signature, index) => {
    const n = index + 1;
    fields
      .add(`Signature ${n}`, formatCode(signature.type, language) ?? signature.id ?? 'signature')
      .add(`Signature ${n} time`, formatTime(signature.time))
      .add(`Signature ${n} method`, signature.signatureMethod)
      .add(`Signature ${n} covers`, signature.referenceIds.join(', '))
      .add(`Signature ${n} signer`, signature.signerSubject);
  });
  return fields.list;
}

function messageGroup(meta: DocumentMetadata, language: LabelLanguage): MetadataField[] {
  const message = meta.message;
  const fhir = meta.fhir;
  const fields = new Fields();
  if (message)
    fields
      .add('Interaction', message.interaction)
      .add('Message id', formatId(message.messageId))
      .add('Message created', formatTime(message.creationTime))
      .add('Sender', formatId(message.senderId))
      .add('Receiver', formatId(message.receiverId))
      .add('Service request', formatCode(message.serviceRequest, language))
      .add('Completion', formatCode(message.completionCode, language))
      .add('Storage', formatCode(message.storageCode, language))
      .add('Replacement reason', formatCode(message.replacementReason, language))
      .add('Replaces document', formatId(message.replacedDocumentId));
  if (fhir)
    fields
      .add('FHIR resource', fhir.resourceId)
      .add('FHIR version', fhir.versionId)
      .add('FHIR status', [fhir.status, fhir.docStatus].filter(Boolean).join(' / '))
      .add('Last updated', fhir.lastUpdated);
  return fields.list;
}

/** The environment's DocumentReference of a document read from one, and the findings about it. */
export interface ReferenceView {
  readonly resource: DocumentReference;
  readonly findings: readonly DocumentFinding[];
}

/**
 * Every group that has something to show, in DOMAIN.md's order; the environment's
 * DocumentReference, when given, beside the HL7 V3 message and FHIR group.
 */
export function metadataGroups(
  meta: DocumentMetadata,
  language: LabelLanguage = 'fi',
  reference?: ReferenceView,
): MetadataGroup[] {
  const groups: MetadataGroup[] = [
    { title: 'Identity and version', fields: identityGroup(meta, language) },
    { title: 'Patient', fields: patientGroup(meta) },
    { title: 'Authors and participants', fields: authorGroup(meta, language) },
    {
      title: 'Custodian and register',
      fields: new Fields()
        .add('Custodian', formatOrganisation(meta.custodian))
        .add('Register', formatCode(meta.register, language)).list,
    },
    { title: 'Service event', fields: serviceGroup(meta, language) },
    {
      title: 'Local header (hl7fi:localHeader)',
      fields: meta.localHeader ? headerFields(meta.localHeader, 'localHeader', language) : [],
    },
    {
      title: 'Local social header (hl7fi:localSocialHeader)',
      fields: meta.localSocialHeader
        ? headerFields(meta.localSocialHeader, 'localSocialHeader', language)
        : [],
    },
    { title: 'Signatures', fields: signatureGroup(meta, language) },
    { title: 'HL7 V3 message and FHIR', fields: messageGroup(meta, language) },
    ...(reference ? [referenceGroup(reference.resource, reference.findings, language)] : []),
    {
      title: 'Reader warnings',
      fields: meta.warnings.map((warning) => ({ label: warning.code, value: warning.message })),
    },
  ];
  return groups.filter((group) => group.fields.length > 0);
}
