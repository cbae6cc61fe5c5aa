/**
 * A readable, grouped text summary of DocumentMetadata for `archivist show` without `--json`:
 * code labels from the Kanta tables, times made readable, and identity-code findings
 * highlighted, because a document with a non-test or invalid code is refused by the test
 * service (DOMAIN.md §1). Plain text only (no colours): the caller may add them.
 */
import type { LabelLanguage } from '../codes/labels';
import { formatFindings, type DocumentFinding } from './document-findings';
import { isJsonObject } from './fhir-json';
import type {
  CodedValue,
  DocumentMetadata,
  IdentityCodeFinding,
  InstanceId,
  LocalHeader,
  LocalSocialHeader,
} from './model';
import {
  formatCode,
  formatId,
  formatIds,
  formatInterval,
  formatName,
  formatOrganisation,
  formatTime,
} from './summary-format';

/** Options for the summary. */
export interface SummaryOptions {
  /** Language of code labels; Finnish by default. */
  readonly language?: LabelLanguage;
  /** What is wrong with the document (document-findings.ts), shown first when given. */
  readonly findings?: readonly DocumentFinding[];
}

type Lines = string[];

function field(lines: Lines, label: string, value: string | number | undefined): void {
  if (value === undefined || value === '') return;
  const head = `${label}:`;
  lines.push(`  ${head.length >= 18 ? `${head} ` : head.padEnd(18)}${value}`);
}

function section(lines: Lines, title: string, body: Lines): void {
  if (body.length === 0) return;
  lines.push('', title, ...body);
}

function documentPart(meta: DocumentMetadata, language: LabelLanguage): Lines {
  const lines: Lines = [];
  field(lines, 'Title', meta.title);
  field(lines, 'Id', formatId(meta.id));
  field(lines, 'Set id', formatId(meta.setId));
  field(lines, 'Version', meta.versionNumber);
  field(lines, 'Created', formatTime(meta.effectiveTime));
  field(lines, 'Register (code)', formatCode(meta.register, language));
  field(lines, 'Confidentiality', formatCode(meta.confidentiality, language));
  field(lines, 'Language', meta.languageCode);
  field(lines, 'Copy time', formatTime(meta.copyTime));
  field(lines, 'Service event id', formatId(meta.serviceEventId));
  return lines;
}

function peoplePart(meta: DocumentMetadata, language: LabelLanguage): Lines {
  const lines: Lines = [];
  field(
    lines,
    'Patient',
    [formatName(meta.patient?.name), formatId(meta.patient?.id)].filter(Boolean).join(', '),
  );
  field(lines, 'Born', formatTime(meta.patient?.birthTime));
  meta.authors.forEach((author, index) => {
    const role = formatCode(author.functionCode, language) ?? 'author';
    const who = formatName(author.name) ?? author.device ?? formatIds(author.ids) ?? '(unnamed)';
    field(
      lines,
      `Author ${index + 1}`,
      `${role}: ${who}${author.time ? `, ${formatTime(author.time)}` : ''}`,
    );
    field(lines, '  ids', formatIds(author.ids));
    field(lines, '  unit', formatOrganisation(author.organisation));
  });
  field(lines, 'Custodian', formatOrganisation(meta.custodian));
  for (const participant of meta.participants) {
    const who =
      formatName(participant.name) ??
      formatOrganisation(participant.organisation) ??
      formatIds(participant.ids);
    field(lines, `Participant ${participant.typeCode}`, who);
  }
  return lines;
}

function contextPart(meta: DocumentMetadata, language: LabelLanguage): Lines {
  const lines: Lines = [];
  const unit = meta.encounter?.serviceUnit;
  field(lines, 'Encounter time', formatInterval(meta.encounter?.effectiveTime));
  if (unit)
    field(
      lines,
      'Service unit',
      [unit.name, formatIds(unit.ids) ?? '(no id)'].filter(Boolean).join(', '),
    );
  field(lines, 'Service provider', formatOrganisation(meta.encounter?.serviceProvider));
  field(lines, 'Responsible', formatOrganisation(meta.encounter?.responsibleOrganisation));
  field(lines, 'Service event', formatCode(meta.serviceEvent?.code, language));
  field(lines, 'Event time', formatInterval(meta.serviceEvent?.effectiveTime));
  for (const related of meta.relatedDocuments) {
    const version = related.versionNumber === undefined ? '' : ` v${related.versionNumber}`;
    field(
      lines,
      `Related ${related.typeCode}`,
      `${formatId(related.id) ?? related.reference}${version}`,
    );
  }
  return lines;
}

const HEADER_SKIP = new Set(['tableOfContents', 'otherElements', 'softwareSupport', 'sender']);

function isCoded(value: unknown): value is CodedValue {
  return (
    isJsonObject(value) && typeof value.code === 'string' && typeof value.codeSystem === 'string'
  );
}

function isId(value: unknown): value is InstanceId {
  return isJsonObject(value) && typeof value.root === 'string';
}

/** The hl7fi header extension, field by field (localHeader or localSocialHeader). */
function headerPart(
  header: LocalHeader | LocalSocialHeader | undefined,
  language: LabelLanguage,
): Lines {
  if (!header) return [];
  const lines: Lines = [];
  if ('tableOfContents' in header) {
    for (const view of header.tableOfContents) field(lines, 'View', formatCode(view, language));
  }
  field(lines, 'Software', header.softwareSupport?.text ?? header.softwareSupport?.product);
  if ('sender' in header)
    field(lines, 'sender', header.sender?.name ?? formatCode(header.sender?.code, language));
  for (const [name, value] of Object.entries(header) as [string, unknown][]) {
    if (HEADER_SKIP.has(name) || value === undefined) continue;
    if (typeof value === 'string')
      field(lines, name, /Time|Period|Date/.test(name) ? formatTime(value) : value);
    else if (Array.isArray(value))
      field(lines, name, value.length === 0 ? undefined : `${value.length} item(s)`);
    else if (isCoded(value)) field(lines, name, formatCode(value, language));
    else if (isId(value)) field(lines, name, formatId(value));
  }
  for (const other of header.otherElements) field(lines, `(other) ${other.name}`, other.text ?? '');
  return lines;
}

function technicalPart(meta: DocumentMetadata, language: LabelLanguage): Lines {
  const lines: Lines = [];
  meta.signatures.forEach((signature, index) => {
    const type = formatCode(signature.type, language) ?? 'signature';
    field(lines, `Signature ${index + 1}`, `${type}, ${signature.time ?? 'no time'}`);
    field(lines, '  method', signature.signatureMethod);
    field(lines, '  covers', signature.referenceIds.join(', '));
  });
  const body = meta.body;
  if (body.kind === 'structured')
    field(
      lines,
      'Body',
      `${body.sections.length} section(s): ${body.sections.map((s) => s.title ?? '(untitled)').join('; ')}`,
    );
  if (body.kind === 'nonXml')
    field(
      lines,
      'Body',
      `${body.content.mediaType ?? 'unknown type'}, ${body.content.bytes ?? '?'} bytes`,
    );
  for (const attachment of meta.attachments) {
    field(
      lines,
      'Attachment',
      `${attachment.where}: ${attachment.mediaType ?? '?'}, ${attachment.bytes ?? '?'} bytes${attachment.sha256 ? `, sha256 ${attachment.sha256}` : ''}`,
    );
  }
  return lines;
}

function messagePart(meta: DocumentMetadata, language: LabelLanguage): Lines {
  const lines: Lines = [];
  const message = meta.message;
  if (message) {
    field(lines, 'Interaction', message.interaction);
    field(lines, 'Service request', formatCode(message.serviceRequest, language));
    field(lines, 'Completion', formatCode(message.completionCode, language));
    field(lines, 'Storage', formatCode(message.storageCode, language));
    field(lines, 'Replacement', formatCode(message.replacementReason, language));
    for (const note of message.mime.notes) field(lines, 'MIME note', note);
  }
  const fhir = meta.fhir;
  if (fhir) {
    field(
      lines,
      'FHIR resource',
      [fhir.resourceId, fhir.versionId && `version ${fhir.versionId}`].filter(Boolean).join(', '),
    );
    field(lines, 'FHIR status', [fhir.status, fhir.docStatus].filter(Boolean).join(' / '));
  }
  return lines;
}

/** One identity-code finding, marked `!!` when the test service would refuse it. */
export function formatIdentityFinding(finding: IdentityCodeFinding): string {
  if (!finding.valid)
    return `  !! ${finding.value}  INVALID: ${finding.problem ?? 'not a valid code'}  (${finding.where})`;
  if (!finding.isTestCode)
    return `  !! ${finding.value}  NOT A TEST CODE: the test service refuses this document  (${finding.where})`;
  return `  ok ${finding.value}  test code  (${finding.where})`;
}

/** The summary text: grouped fields, identity-code findings first among the checks. */
export function formatMetadataSummary(
  meta: DocumentMetadata,
  options: SummaryOptions = {},
): string {
  const language = options.language ?? 'fi';
  const lines: Lines = [`${meta.title ?? '(untitled document)'}  [${meta.format.toUpperCase()}]`];
  if (options.findings) lines.push('', ...formatFindings(options.findings));
  section(lines, 'Document', documentPart(meta, language));
  section(lines, 'People and organisations', peoplePart(meta, language));
  section(lines, 'Context', contextPart(meta, language));
  section(lines, 'Local header (hl7fi)', headerPart(meta.localHeader, language));
  section(lines, 'Local social header (hl7fi)', headerPart(meta.localSocialHeader, language));
  section(lines, 'Message and FHIR', messagePart(meta, language));
  section(lines, 'Signatures, body and attachments', technicalPart(meta, language));
  const problems = meta.identityCodes.filter((f) => !f.valid || !f.isTestCode).length;
  const heading =
    meta.identityCodes.length === 0
      ? 'Identity codes: none found'
      : `Identity codes: ${meta.identityCodes.length} found, ${problems} problem(s)`;
  lines.push('', heading, ...meta.identityCodes.map(formatIdentityFinding));
  section(
    lines,
    'Warnings',
    meta.warnings.map((warning) => `  - ${warning.message}`),
  );
  return lines.join('\n');
}
