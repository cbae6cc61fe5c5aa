/**
 * Where an environment's DocumentReference says something else than the CDA header it indexes.
 * The environment finds and lists a document by its DocumentReference, so a disagreement makes
 * searches and the document table show values the document itself does not carry. Only fields
 * both sides state are compared; a field one side leaves out is not a disagreement.
 */
import { CodeSystems } from '../codes/code-tables';
import type { DocumentReference, FhirCodeableConcept, FhirIdentifier } from '../fhir/resources';
import type { DocumentFinding } from './document-findings';
import type { DocumentMetadata, InstanceId } from './model';
import { formatTime } from './summary-format';

/** Identifier systems that carry the CDA setId and versionNumber (the sandbox's convention). */
const SET_ID_SYSTEM = 'urn:archivist:cda:setId';
const VERSION_SYSTEM = 'urn:archivist:cda:versionNumber';
const HETU_SYSTEM = `urn:oid:${CodeSystems.hetu}`;

const WHY = "searches and the document list show the DocumentReference's value, not the document's";

function bareOid(value: string | undefined): string | undefined {
  return value?.replace(/^urn:oid:/, '');
}

function idText(id: InstanceId | undefined): string | undefined {
  if (!id?.root) return undefined;
  return id.extension ? `${id.root}^${id.extension}` : id.root;
}

function identifier(reference: DocumentReference, system: string): string | undefined {
  return reference.identifier?.find((id) => id.system === system)?.value;
}

function documentIdOf(reference: DocumentReference): string | undefined {
  const official: FhirIdentifier | undefined = reference.identifier?.find(
    (id) => id.use === 'official',
  );
  return bareOid((reference.masterIdentifier ?? official)?.value);
}

function codesIn(concept: FhirCodeableConcept | undefined, system: string): string[] {
  return (concept?.coding ?? []).flatMap((coding) =>
    bareOid(coding.system) === system && coding.code ? [coding.code] : [],
  );
}

const HL7_TS = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?([+-])(\d{2})(\d{2})$/;

/**
 * The span an HL7 TS names, as epoch milliseconds [start, end): a time written to the minute
 * covers that whole minute. Undefined without hours, minutes and a zone, because then it names
 * no single instant to compare with.
 */
export function hl7TimeSpan(value: string): { start: number; end: number } | undefined {
  const match = HL7_TS.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, sign, zoneHours, zoneMinutes] = match;
  const local = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0),
  );
  const offset = (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000;
  const start = sign === '+' ? local - offset : local + offset;
  return { start, end: start + (second === undefined ? 60_000 : 1000) };
}

/** True when the FHIR instant and the HL7 TS name different moments (both must be readable). */
function isOtherInstant(instant: string, time: string): boolean {
  const span = hl7TimeSpan(time);
  const at = Date.parse(instant);
  if (span === undefined || Number.isNaN(at)) return false;
  return at < span.start || at >= span.end;
}

interface Pair {
  readonly field: string;
  readonly referencePath: string;
  readonly headerPath: string;
  readonly reference: string | undefined;
  readonly header: string | undefined;
  readonly differs?: (reference: string, header: string) => boolean;
}

function pairs(meta: DocumentMetadata, reference: DocumentReference): Pair[] {
  const social = meta.localSocialHeader !== undefined;
  const viewSystem = social ? CodeSystems.socialDocumentGroup : CodeSystems.view;
  const headerViews = social
    ? [meta.localSocialHeader?.documentGroup?.code ?? '']
    : (meta.localHeader?.tableOfContents ?? []).map((view) => view.code);
  const referenceViews = codesIn(reference.type, viewSystem);
  const registers = codesIn(reference.category?.[0], CodeSystems.register);
  const version = identifier(reference, VERSION_SYSTEM);
  const patient = reference.subject?.identifier;
  return [
    pair(
      'document id',
      'masterIdentifier',
      'ClinicalDocument/id',
      documentIdOf(reference),
      idText(meta.id),
    ),
    pair(
      'setId',
      'identifier (setId)',
      'ClinicalDocument/setId',
      bareOid(identifier(reference, SET_ID_SYSTEM)),
      idText(meta.setId),
    ),
    pair(
      'version',
      'identifier (versionNumber)',
      'ClinicalDocument/versionNumber',
      version,
      meta.versionNumber?.toString(),
    ),
    pair(
      'patient',
      'subject.identifier',
      'recordTarget/patientRole/id',
      patient?.system === HETU_SYSTEM ? patient.value : undefined,
      meta.patient?.id?.root === CodeSystems.hetu ? meta.patient.id.extension : undefined,
    ),
    {
      ...pair('date', 'date', 'ClinicalDocument/effectiveTime', reference.date, meta.effectiveTime),
      differs: isOtherInstant,
    },
    {
      ...pair(
        social ? 'document group' : 'view',
        'type',
        social
          ? 'hl7fi:localSocialHeader/hl7fi:documentGroup'
          : 'hl7fi:localHeader/hl7fi:tableOfContents',
        joined(referenceViews),
        joined(headerViews.filter(Boolean)),
      ),
      differs: isNotAmong,
    },
    pair(
      'register',
      'category',
      'ClinicalDocument/code',
      joined(registers),
      meta.register?.codeSystem === CodeSystems.register ? meta.register.code : undefined,
    ),
  ];
}

function pair(
  field: string,
  referencePath: string,
  headerPath: string,
  reference: string | undefined,
  header: string | undefined,
): Pair {
  return {
    field,
    referencePath: `DocumentReference.${referencePath}`,
    headerPath,
    reference,
    header,
  };
}

/** A header may list several views; the DocumentReference's must be among them. */
function isNotAmong(reference: string, header: string): boolean {
  const listed = new Set(header.split(', '));
  return reference.split(', ').some((code) => !listed.has(code));
}

function joined(codes: readonly string[]): string | undefined {
  return codes.length === 0 ? undefined : [...codes].sort().join(', ');
}

function shown(p: Pair, value: string, isHeader: boolean): string {
  return isHeader && p.field === 'date' ? (formatTime(value) ?? value) : value;
}

/** One finding per field where the DocumentReference and the CDA header disagree. */
export function referenceDisagreements(
  meta: DocumentMetadata,
  reference: DocumentReference,
): DocumentFinding[] {
  return pairs(meta, reference).flatMap((p) => {
    if (!p.reference || !p.header) return [];
    const differs = p.differs ? p.differs(p.reference, p.header) : p.reference !== p.header;
    if (!differs) return [];
    return [
      {
        kind: 'reference-disagrees' as const,
        where: `${p.referencePath} ↔ ${p.headerPath}`,
        message: `The ${p.field} differs: ${p.referencePath} says ${shown(p, p.reference, false)}, the CDA header's ${p.headerPath} says ${shown(p, p.header, true)}; ${WHY}.`,
      },
    ];
  });
}
