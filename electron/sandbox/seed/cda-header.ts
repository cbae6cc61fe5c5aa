import type { XmlNode } from './canonical-xml';
import { el } from './canonical-xml';
import type { DocumentSpec } from './document-spec';
import { buildHetu } from './patients';
import { storageTime } from './stand-in';
import { OID } from './vocab';

/** A hetu with an individual number below 900: the planted "slipped in before the rule" code. */
export const NON_TEST_HETU = buildHetu(1, 1, 1980, '-', 123);

/** The register code written in the header; a planted problem uses one that is not a register. */
export function headerRegister(spec: DocumentSpec): string {
  return spec.problems.includes('wrong-register-code') ? '99' : spec.register.code;
}

function author(spec: DocumentSpec, fn: 'MER' | 'MIT', n: number): XmlNode {
  const names = fn === 'MER' ? ['Lääkäri', 'Testi'] : ['Arkistonhoitaja', 'Kokeilu'];
  return el(
    'author',
    {},
    el('functionCode', {
      code: fn,
      codeSystem: OID.authorFunction,
      displayName: fn === 'MER' ? 'Merkinnän tekijä' : 'Mitätöijä',
    }),
    el('time', { value: spec.effectiveTime }),
    el(
      'assignedAuthor',
      {},
      el('id', { root: `${spec.organisation.code}.1`, extension: `${9000 + n}` }),
      el(
        'assignedPerson',
        {},
        el('name', {}, el('given', {}, names[1] ?? ''), el('family', {}, names[0] ?? '')),
      ),
      el(
        'representedOrganization',
        {},
        el('id', { root: spec.organisation.code }),
        el('name', {}, spec.organisation.display),
      ),
    ),
  );
}

function recordTarget(spec: DocumentSpec): XmlNode {
  const p = spec.patient;
  const birth = (p.resource.birthDate ?? '').replace(/-/g, '');
  return el(
    'recordTarget',
    {},
    el(
      'patientRole',
      {},
      el('id', { root: OID.hetu, extension: p.hetu }),
      el(
        'patient',
        {},
        el('name', {}, el('given', {}, p.given), el('family', {}, p.family)),
        el('administrativeGenderCode', {
          code: p.resource.gender === 'male' ? '1' : '2',
          codeSystem: '1.2.246.537.5.2.1997',
        }),
        el('birthTime', { value: birth }),
      ),
    ),
  );
}

function relatedParts(spec: DocumentSpec): XmlNode[] {
  const parts: XmlNode[] = [];
  if (spec.problems.includes('non-test-identity-code')) {
    parts.push(
      el(
        'participant',
        { typeCode: 'SBJ' },
        el(
          'associatedEntity',
          { classCode: 'PRS' },
          el('id', { root: OID.hetu, extension: NON_TEST_HETU }),
        ),
      ),
    );
  }
  parts.push(
    el(
      'documentationOf',
      {},
      el(
        'serviceEvent',
        {},
        el(
          'effectiveTime',
          {},
          el('low', { value: spec.effectiveTime }),
          el('high', { value: spec.effectiveTime }),
        ),
      ),
    ),
  );
  if (spec.previousId !== undefined) {
    parts.push(
      el(
        'relatedDocument',
        { typeCode: 'RPLC' },
        el(
          'parentDocument',
          {},
          el('id', { root: spec.previousId }),
          el('setId', { root: spec.setId }),
          el('versionNumber', { value: String(spec.versionNumber - 1) }),
        ),
      ),
    );
  }
  return parts;
}

function componentOf(spec: DocumentSpec): XmlNode {
  const missing = spec.problems.includes('missing-service-event-id');
  return el(
    'componentOf',
    {},
    el(
      'encompassingEncounter',
      {},
      ...(missing ? [] : [el('id', { root: spec.serviceEventId })]),
      el('effectiveTime', { value: spec.effectiveTime }),
    ),
  );
}

/** The CDA R2 header elements from realmCode to componentOf, in schema order. */
export function cdaHeader(spec: DocumentSpec): XmlNode[] {
  const social = spec.kind === 'social';
  return [
    el('realmCode', { code: 'FI' }),
    el('typeId', { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' }),
    el('templateId', { root: social ? '1.2.246.777.11.2016.2' : '1.2.246.777.11.2009.1' }),
    el('id', { root: spec.id }),
    el('code', {
      code: headerRegister(spec),
      codeSystem: OID.register,
      displayName: spec.register.display,
    }),
    el('title', {}, spec.title),
    el('effectiveTime', { value: spec.effectiveTime }),
    el('confidentialityCode', { code: social ? '6' : '5', codeSystem: OID.confidentiality }),
    el('languageCode', { code: 'fi-FI' }),
    el('setId', { root: spec.setId }),
    el('versionNumber', { value: String(spec.versionNumber) }),
    // An environment's archive fills copyTime when it stores a document; the plain seed has none.
    ...(spec.archive
      ? [el('copyTime', { value: storageTime(spec.effectiveTime, spec.archive) })]
      : []),
    recordTarget(spec),
    author(spec, 'MER', 1),
    ...(spec.invalidated ? [author(spec, 'MIT', 2)] : []),
    el(
      'custodian',
      {},
      el(
        'assignedCustodian',
        {},
        el(
          'representedCustodianOrganization',
          {},
          el('id', { root: spec.organisation.code }),
          el('name', {}, spec.organisation.display),
        ),
      ),
    ),
    ...relatedParts(spec),
    componentOf(spec),
  ];
}
