import type { XmlNode } from './canonical-xml';
import { el } from './canonical-xml';
import type { DocumentSpec } from './document-spec';
import { storageTime } from './stand-in';
import { OID } from './vocab';

const SOFTWARE = { moderator: 'Archivist sandbox', product: 'Archivist seed', version: '1.0' };

/** `hl7fi:localHeader` (patient data) in schema order; `signatureCollection` is passed in. */
export function localHeader(spec: DocumentSpec, signature: XmlNode): XmlNode {
  const time = spec.effectiveTime;
  // Filled by the archive that stored the document: the environment's own (stand-in.ts).
  const stored = storageTime(time, spec.archive);
  return el(
    'hl7fi:localHeader',
    {},
    el('hl7fi:description', {}, `${spec.view.display}, ${spec.organisation.display}`),
    el(
      'hl7fi:tableOfContents',
      {},
      el('hl7fi:contentsCode', {
        code: spec.view.code,
        codeSystem: OID.view,
        displayName: spec.view.display,
      }),
    ),
    el('hl7fi:registratedTime', { value: time }),
    el('hl7fi:declaredTime', { value: stored }),
    el('hl7fi:typeCode', { code: '1', codeSystem: '1.2.246.537.5.40115.2006' }),
    el('hl7fi:fileFormat', { code: '1', codeSystem: OID.fileFormat, displayName: 'CDA R2' }),
    el('hl7fi:softwareSupport', SOFTWARE),
    el('hl7fi:documentType', {
      code: spec.documentType.code,
      codeSystem: OID.documentType,
      displayName: spec.documentType.display,
    }),
    el('hl7fi:retentionPeriod', { value: `${Number(stored.slice(0, 4)) + 12}1231` }),
    el('hl7fi:functionCode', { code: '2', codeSystem: OID.functionCode }),
    el('hl7fi:recordStatus', {
      code: '3',
      codeSystem: OID.recordStatus,
      displayName: 'Arkistoitavissa',
    }),
    el('hl7fi:signatureCollection', {}, signature),
    el('hl7fi:patientRegistrySpecifier', {
      root: `${spec.organisation.code}.3`,
      extension: spec.register.code,
    }),
    el('hl7fi:patientRegistrySpecifierName', {}, `${spec.organisation.display}, potilasrekisteri`),
    el('hl7fi:custodianTypeCode', {
      code: spec.register.code === '2' ? '1' : '2',
      codeSystem: OID.custodianType,
    }),
    el('hl7fi:encompassingEncounterCode', { code: '1', codeSystem: '1.2.246.537.5.40156.2008' }),
    el('hl7fi:retentionPeriodClass', { code: '1', codeSystem: OID.retentionClass }),
  );
}

/** `hl7fi:localSocialHeader` (social welfare) in the order the sample documents use. */
export function localSocialHeader(spec: DocumentSpec, signature: XmlNode, json: string): XmlNode {
  return el(
    'hl7fi:localSocialHeader',
    {},
    el('hl7fi:creationTime', { value: spec.effectiveTime }),
    el('hl7fi:documentGroup', {
      code: spec.view.code,
      codeSystem: OID.documentGroup,
      displayName: spec.view.display,
    }),
    el('hl7fi:fileFormat', { code: '2', codeSystem: OID.socialFileFormat, displayName: 'XHTML' }),
    el('hl7fi:structuredFileFormat', {
      code: '5',
      codeSystem: OID.socialFileFormat,
      displayName: 'JSON',
    }),
    el('hl7fi:softwareSupport', SOFTWARE),
    el('hl7fi:recordStatus', { code: '3', codeSystem: OID.recordStatus }),
    el('hl7fi:registryType', {
      code: '1',
      codeSystem: OID.registryType,
      displayName: 'Sosiaalihuollon asiakasrekisteri',
    }),
    el('hl7fi:totalRetentionPeriodClass', { code: '1', codeSystem: '1.2.246.537.6.1268.201701' }),
    el('hl7fi:contentSpecificationId', { root: '1.2.246.777.11.2016.2' }),
    el('hl7fi:encompassingClientRelationship', {}, el('hl7fi:id', { root: spec.serviceEventId })),
    el('hl7fi:signatureCollection', {}, signature),
    // Structured JSON travels Base64 in an hl7fi element beside the XHTML display form.
    el('hl7fi:structuredContent', { mediaType: 'application/json', representation: 'B64' }, json),
  );
}
