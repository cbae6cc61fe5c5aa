/**
 * The Metadata tab's DocumentReference group: the environment's own index entry for the document
 * (status, date, type, category, ids, subject, custodian, attachment), beside the header groups
 * so a disagreement can be seen; a field a finding names is marked. Pure: tested without a DOM.
 */
import type { LabelLanguage } from '../../../shared/codes/labels';
import type { DocumentFinding } from '../../../shared/documents/document-findings';
import { formatCode } from '../../../shared/documents/summary-format';
import type {
  DocumentReference,
  FhirCodeableConcept,
  FhirIdentifier,
  FhirReference,
} from '../../../shared/fhir/resources';
import type { MetadataField, MetadataGroup } from './metadata-groups';

function concept(value: FhirCodeableConcept | undefined, language: LabelLanguage) {
  const codings = value?.coding ?? [];
  const shown = codings.map((coding) =>
    formatCode(
      {
        code: coding.code ?? '',
        codeSystem: (coding.system ?? '').replace(/^urn:oid:/, ''),
        ...(coding.display === undefined ? {} : { displayName: coding.display }),
      },
      language,
    ),
  );
  return shown.length > 0 ? shown.join('; ') : value?.text;
}

function identifier(value: FhirIdentifier | undefined): string | undefined {
  if (!value?.value) return undefined;
  return value.system ? `${value.value} (${value.system})` : value.value;
}

function reference(value: FhirReference | undefined): string | undefined {
  if (!value) return undefined;
  const parts = [value.display, value.reference, identifier(value.identifier)];
  return parts.filter(Boolean).join(', ') || undefined;
}

/** The group, with `problem` on the fields the findings say disagree with the header. */
export function referenceGroup(
  resource: DocumentReference,
  findings: readonly DocumentFinding[],
  language: LabelLanguage,
): MetadataGroup {
  const fields: MetadataField[] = [];
  const add = (label: string, path: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    const disagrees = findings.some((f) => f.where.startsWith(`DocumentReference.${path} ↔`));
    fields.push({
      label,
      value: String(value),
      ...(disagrees ? { problem: 'disagrees with the CDA header (see the findings)' } : {}),
    });
  };
  const others = (resource.identifier ?? []).filter((id) => id.use !== 'official');
  const attachment = resource.content[0]?.attachment;
  add('Resource', 'id', resource.id);
  add('Status', 'status', [resource.status, resource.docStatus].filter(Boolean).join(' / '));
  add('Date', 'date', resource.date);
  add('Type', 'type', concept(resource.type, language));
  (resource.category ?? []).forEach((category) =>
    add('Category', 'category', concept(category, language)),
  );
  add('masterIdentifier', 'masterIdentifier', identifier(resource.masterIdentifier));
  others.forEach((id) => {
    const path = /setId$/.test(id.system ?? '')
      ? 'identifier (setId)'
      : /versionNumber$/.test(id.system ?? '')
        ? 'identifier (versionNumber)'
        : 'identifier';
    add(path.replace('identifier', 'Identifier'), path, identifier(id));
  });
  add('Subject', 'subject.identifier', reference(resource.subject));
  add('Custodian', 'custodian', reference(resource.custodian));
  add('Attachment size', 'content', attachment?.size);
  add('Attachment hash (SHA-1)', 'content', attachment?.hash);
  add('Attachment', 'content', attachment?.url);
  return { title: 'FHIR DocumentReference (from the environment)', fields };
}
