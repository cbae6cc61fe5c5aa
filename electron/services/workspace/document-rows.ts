/**
 * Search results (FHIR DocumentReferences) as document-table rows: ids, the CDA setId and
 * versionNumber where the server carries them as identifiers, register and view labels from the
 * Kanta code tables, the derived status chip, and the identity codes that fail the test-data
 * check (DOMAIN.md §1: the test service refuses a document with any non-test code).
 */
import { labelFor } from '../../../shared/codes/labels';
import { storedStatusOf } from '../../../shared/compare/metadata-status';
import { readFhirDocumentReference } from '../../../shared/documents/fhir';
import type { InstanceId } from '../../../shared/documents/model';
import { formatIdentityProblem } from '../../../shared/ipc/identity-problems';
import type { DocumentReference, FhirCodeableConcept } from '../../../shared/fhir/resources';
import type { DocumentRow, RowStatus, SearchQuery } from '../../../shared/ipc/workspace-types';

/** Identifier systems that carry the CDA setId and versionNumber (the sandbox's convention). */
const setIdSystems = new Set(['urn:archivist:cda:setId']);
const versionSystems = new Set(['urn:archivist:cda:versionNumber']);
const setIdExtension = 'https://archivist.invalid/fhir/StructureDefinition/cda-set-id';

/** FHIR status → the chip the table shows: the same words a comparison's side boxes use. */
export function rowStatusOf(status: string | undefined): RowStatus {
  return storedStatusOf(status);
}

function bareOid(value: string | undefined): string {
  return (value ?? '').replace(/^urn:oid:/, '');
}

function identifierValue(reference: DocumentReference, systems: ReadonlySet<string>): string {
  const found = reference.identifier?.find((id) => id.system && systems.has(id.system));
  return found?.value ?? '';
}

function setIdOf(reference: DocumentReference): string {
  const fromIdentifier = identifierValue(reference, setIdSystems);
  if (fromIdentifier) return bareOid(fromIdentifier);
  const extension = reference.extension?.find((e) => e.url === setIdExtension);
  return bareOid(extension?.valueIdentifier?.value ?? extension?.valueString);
}

function codeLabel(concept: FhirCodeableConcept | undefined): string {
  const coding = concept?.coding?.[0];
  if (!coding?.code) return concept?.text ?? '';
  const label = labelFor({ code: coding.code, codeSystem: bareOid(coding.system) }, 'fi');
  const text = label ?? coding.display;
  return text ? `${text} (${coding.code})` : coding.code;
}

function codeOf(concept: FhirCodeableConcept | undefined): string {
  return concept?.coding?.[0]?.code ?? '';
}

function formatInstance(id: InstanceId | undefined): string {
  if (!id) return '';
  return id.extension ? `${id.root}^${id.extension}` : id.root;
}

/** One row for the table; never fails (a field the server left out is empty). */
export function documentRow(reference: DocumentReference): DocumentRow {
  const read = readFhirDocumentReference(reference);
  const meta = read.ok ? read.value : undefined;
  const version = Number(identifierValue(reference, versionSystems));
  return {
    resourceId: reference.id ?? '',
    documentId: bareOid(reference.masterIdentifier?.value) || formatInstance(meta?.id),
    setId: setIdOf(reference),
    ...(Number.isInteger(version) && version > 0 ? { versionNumber: version } : {}),
    title: reference.description ?? meta?.title ?? '',
    date: reference.date ?? '',
    patient: reference.subject?.identifier?.value ?? meta?.patient?.id?.extension ?? '',
    register: codeLabel(reference.category?.[0]),
    view: codeLabel(reference.type),
    organisation: reference.custodian?.display ?? reference.author?.[0]?.display ?? '',
    status: rowStatusOf(reference.status),
    identityProblems: (meta?.identityCodes ?? [])
      .filter((finding) => !finding.valid || !finding.isTestCode)
      .map(formatIdentityProblem),
  };
}

/** The service event id of a DocumentReference (`context.related`/encounter), for filtering. */
function serviceEventIds(reference: DocumentReference): string[] {
  const read = readFhirDocumentReference(reference);
  const fromMeta = read.ok ? formatInstance(read.value.serviceEventId) : '';
  const refs = [...(reference.context?.encounter ?? []), ...(reference.context?.related ?? [])];
  return [fromMeta, ...refs.map((r) => bareOid(r.identifier?.value))].filter(Boolean);
}

/**
 * The query fields the environment interface cannot search by (register, service event id) are
 * applied to what it returned; the README says so.
 */
export function matchesLocalFilters(reference: DocumentReference, query: SearchQuery): boolean {
  if (query.register && codeOf(reference.category?.[0]) !== query.register) return false;
  if (query.serviceEventId) {
    const wanted = bareOid(query.serviceEventId);
    if (!serviceEventIds(reference).some((id) => id === wanted || id.endsWith(`^${wanted}`)))
      return false;
  }
  return true;
}
