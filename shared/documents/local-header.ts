/**
 * `hl7fi:localHeader` and `hl7fi:localSocialHeader`, the Finnish header extensions. Elements are
 * read by name from a table that mirrors the XSD in the corpus (schema order); the compiler
 * checks that the table covers every simple field of LocalHeader. An element whose shape does
 * not fit its type, or that the schema does not name, is kept in `otherElements`, never dropped.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { readCode, readId } from './datatypes';
import { REDACTED, type CodedValue, type InstanceId } from './model';
import type {
  AuditTrailEntry,
  HeaderLink,
  LocalHeader,
  LocalSocialHeader,
  OtherElement,
  SoftwareSupport,
} from './model-header';
import { attr, child, childElements, cleanText, compact } from './xml-access';

const FI = Namespaces.hl7fi;
const XMLNS = 'http://www.w3.org/2000/xmlns/';

type FieldKind = 'text' | 'time' | 'code' | 'id';
type KindOf<T> = T extends CodedValue ? 'code' : T extends InstanceId ? 'id' : 'text' | 'time';
type SimpleFields<T, Complex extends keyof T> = {
  readonly [K in Exclude<keyof T, Complex>]-?: KindOf<NonNullable<T[K]>>;
};

const LOCAL_HEADER_FIELDS: SimpleFields<
  LocalHeader,
  | 'tableOfContents'
  | 'softwareSupport'
  | 'auditTrail'
  | 'serviceChainLink'
  | 'episodeLink'
  | 'product'
  | 'sender'
  | 'password'
  | 'otherElements'
> = {
  description: 'text',
  registratedTime: 'time',
  declaredTime: 'time',
  typeCode: 'code',
  fileFormat: 'code',
  documentType: 'code',
  currentLocation: 'text',
  retentionPeriod: 'time',
  functionCode: 'code',
  recordStatus: 'code',
  patientRegistrySpecifier: 'id',
  patientRegistrySpecifierName: 'text',
  custodianTypeCode: 'code',
  encompassingEncounterCode: 'code',
  activeCustodian: 'id',
  activeCustodianName: 'text',
  encompassingEncounterMasterCode: 'code',
  secondaryEncompassingEncounterId: 'id',
  outsourcingServiceCustomer: 'id',
  outsourcingServiceCustomerName: 'text',
  retentionPeriodClass: 'code',
  extendedRetentionPeriod: 'time',
  sensitiveDocument: 'code',
  eprServiceProvider: 'id',
  eprServiceProviderName: 'text',
  releaseDateForPatientViewing: 'time',
  patientHomeMunicipality: 'code',
};

// Types here are inferred from DOMAIN.md's list (observed, no schema): see LocalSocialHeader.
const SOCIAL_HEADER_FIELDS: SimpleFields<LocalSocialHeader, 'softwareSupport' | 'otherElements'> = {
  creationTime: 'time',
  documentGroup: 'code',
  fileFormat: 'code',
  structuredFileFormat: 'code',
  recordStatus: 'code',
  registryType: 'code',
  outsourcingServiceCustomer: 'id',
  outsourcingServiceCustomerName: 'text',
  totalRetentionPeriodClass: 'code',
  specialContent: 'code',
  contentSpecificationId: 'id',
};

/** Reads an element as `kind`; undefined when its shape does not fit (then kept as "other"). */
function readAs(
  kind: FieldKind,
  element: XmlElement,
): string | CodedValue | InstanceId | undefined {
  const hasNull = attr(element, 'nullFlavor') !== undefined;
  switch (kind) {
    case 'text':
      return cleanText(element);
    case 'time':
      return attr(element, 'value') ?? cleanText(element);
    case 'code':
      return attr(element, 'code') !== undefined || hasNull ? readCode(element) : undefined;
    case 'id':
      return attr(element, 'root') !== undefined || hasNull ? readId(element) : undefined;
  }
}

/** Any element as a generic, display-only structure. */
export function readOtherElement(element: XmlElement): OtherElement {
  const own = element.children
    .map((node) => (node.kind === 'text' ? node.text : ''))
    .join('')
    .trim();
  return compact({
    name: element.name,
    namespace: element.namespace,
    text: own === '' ? undefined : own,
    // Namespace declarations (xmlns attributes) are syntax, not data.
    attributes: element.attributes
      .filter((a) => a.namespace !== XMLNS)
      .map((a) => ({ name: a.name, value: a.value })),
    children: childElements(element).map(readOtherElement),
  });
}

function readSoftware(element: XmlElement): SoftwareSupport {
  return compact({
    text: cleanText(element),
    moderator: attr(element, 'moderator'),
    product: attr(element, 'product'),
    version: attr(element, 'version'),
  });
}

function readLink(element: XmlElement, prefix: 'serviceChainLink' | 'episodeLink'): HeaderLink {
  const id = child(element, `${prefix}Id`, FI);
  return compact({
    id: id && readId(id),
    name: cleanText(child(element, `${prefix}Name`, FI)),
    code: readCode(child(element, `${prefix}Code`, FI)),
  });
}

function readAuditTrail(element: XmlElement): AuditTrailEntry {
  const id = child(element, 'auditTrailId', FI);
  const idEnd = child(element, 'auditTrailIdEnd', FI);
  return compact({
    code: readCode(child(element, 'auditTrailCode', FI)),
    time: attr(child(element, 'auditTrailTime', FI), 'value'),
    id: id && readId(id),
    idEnd: idEnd && readId(idEnd),
  });
}

type Values = Record<string, unknown>;

/** Reads the complex localHeader elements; false when `element` is not one of them. */
function readComplexLocal(element: XmlElement, values: Values): boolean {
  const push = (key: string, value: unknown): void => {
    values[key] = [...((values[key] as unknown[] | undefined) ?? []), value];
  };
  switch (element.name) {
    case 'tableOfContents':
      for (const code of childElements(element)) push('tableOfContents', readCode(code));
      return true;
    case 'softwareSupport':
      values.softwareSupport = readSoftware(element);
      return true;
    case 'product':
      push('product', readSoftware(element));
      return true;
    case 'auditTrail':
      push('auditTrail', readAuditTrail(element));
      return true;
    case 'serviceChainLink':
    case 'episodeLink':
      push(element.name, readLink(element, element.name));
      return true;
    case 'sender':
      values.sender = compact({
        code: readCode(child(element, 'senderCode', FI)),
        name: cleanText(child(element, 'senderName', FI)),
      });
      return true;
    case 'password':
      // A secret in a test document is still a secret: record only that it is there.
      values.password = REDACTED;
      return true;
    case 'signatureCollection':
      return true; // read by signatures.ts
    default:
      return false;
  }
}

/** Reads the children of a header extension into a field object plus otherElements. */
function readFields(
  header: XmlElement,
  table: Readonly<Record<string, FieldKind>>,
  readComplex: (element: XmlElement, values: Values) => boolean,
): Values {
  const kinds = new Map(Object.entries(table));
  const values: Values = {};
  const other: OtherElement[] = [];
  for (const element of childElements(header)) {
    const kind = element.namespace === FI ? kinds.get(element.name) : undefined;
    const value = kind && values[element.name] === undefined ? readAs(kind, element) : undefined;
    if (value !== undefined) values[element.name] = value;
    else if (element.namespace !== FI || !readComplex(element, values))
      other.push(readOtherElement(element));
  }
  values.otherElements = other;
  return values;
}

/** Reads `hl7fi:localHeader`. */
export function readLocalHeader(header: XmlElement): LocalHeader {
  const values = readFields(header, LOCAL_HEADER_FIELDS, readComplexLocal);
  return {
    tableOfContents: [],
    auditTrail: [],
    serviceChainLink: [],
    episodeLink: [],
    product: [],
    ...values,
  } as unknown as LocalHeader;
}

/** Reads `hl7fi:localSocialHeader`. */
export function readLocalSocialHeader(header: XmlElement): LocalSocialHeader {
  const values = readFields(header, SOCIAL_HEADER_FIELDS, (element, target) => {
    if (element.name === 'softwareSupport') target.softwareSupport = readSoftware(element);
    return element.name === 'softwareSupport' || element.name === 'signatureCollection';
  });
  return values as unknown as LocalSocialHeader;
}
