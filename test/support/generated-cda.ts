/**
 * Generated CDA documents with the Finnish header for the compare property tests (issue 7): a
 * small element tree whose header, local header, authors, identity codes, signatures, sections,
 * entries and Base64 payloads (observationMedia, nonXMLBody) are drawn from a seeded generator, a mutator that edits a random subset of them,
 * and a writer (cda-writer.ts) that can write one tree in several insignificantly different ways.
 * Values come from small pools on purpose, so lists share items and list alignment has work.
 */
import { testHetu } from '../unit/electron/sandbox/support/test-catalog';
import {
  author,
  code,
  el,
  id,
  localHeader,
  maybe,
  organisation,
  personName,
  pick,
  text,
  time,
  times,
  type Element,
  type Next,
} from './generated-cda-parts';

export { el, type Element } from './generated-cda-parts';

/** Base64 of 300 to 600 random bytes: a payload the canonical form compares by hash and size. */
function base64(next: Next): string {
  const bytes = Array.from({ length: 300 + Math.floor(next() * 300) }, () => next() * 256);
  return Buffer.from(bytes).toString('base64');
}

function entry(next: Next): Element {
  if (next() < 0.15)
    return el(
      'entry',
      {},
      el(
        'observationMedia',
        { classCode: 'OBS', moodCode: 'EVN' },
        el('value', { mediaType: 'application/pdf', representation: 'B64' }, base64(next)),
      ),
    );
  return el(
    'entry',
    {},
    el(
      'observation',
      { classCode: 'OBS', moodCode: 'EVN' },
      el('id', { root: `9.9.${Math.floor(next() * 8)}` }),
      code(next, 'code', '1.2.3', ['a', 'b', 'c']),
      el(
        'value',
        { 'xsi:type': 'ST' },
        next() < 0.2 ? testHetu(Math.floor(next() * 5)) : text(next),
      ),
    ),
  );
}

function section(next: Next, depth: number): Element {
  return el(
    'component',
    {},
    el(
      'section',
      {},
      el('templateId', { root: `1.2.246.537.6.12.2002.${pick(next, ['126', '127'])}` }),
      code(next, 'code', '1.2.246.537.6.14.2006', ['1', '2', '3', '4']),
      el('title', {}, pick(next, ['Lääkitys', 'Diagnoosit', 'Suunnitelma'])),
      el('text', {}, ...times(next, 2, () => el('paragraph', {}, text(next, 5)))),
      ...times(next, 3, () => entry(next)),
      ...(depth < 1 ? times(next, 1, () => section(next, depth + 1)) : []),
    ),
  );
}

/** A random CDA document tree with the Finnish header: the same seed gives the same tree. */
export function generateCda(next: Next): Element {
  const hetu = testHetu(Math.floor(next() * 5));
  return el(
    'ClinicalDocument',
    {},
    maybe(next, () => el('realmCode', { code: 'FI' }), 0.8),
    el('typeId', { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' }),
    ...times(next, 2, () =>
      el('templateId', { root: pick(next, ['1.2.246.777.11.2015.6', '1.2.246.777.11.2009.5']) }),
    ),
    id(next),
    code(next, 'code', '1.2.246.537.5.40150.2009', ['11', '12', '66']),
    el('title', {}, text(next)),
    el('effectiveTime', { value: time(next) }),
    code(next, 'confidentialityCode', '1.2.246.777.5.1', ['1', '3']),
    el('languageCode', { code: 'fi-FI' }),
    maybe(next, () => el('copyTime', { value: time(next) })),
    id(next, 'setId'),
    el('versionNumber', { value: String(1 + Math.floor(next() * 3)) }),
    el(
      'recordTarget',
      {},
      el(
        'patientRole',
        {},
        el('id', { root: '1.2.246.21', extension: hetu }),
        el(
          'patient',
          {},
          personName(next),
          code(next, 'administrativeGenderCode', '1.2.246.537.5.1', ['1', '2']),
          el('birthTime', { value: '19810101' }),
        ),
      ),
    ),
    ...times(next, 3, () => author(next)),
    el(
      'custodian',
      {},
      el('assignedCustodian', {}, organisation(next, 'representedCustodianOrganization')),
    ),
    ...times(next, 2, () =>
      el(
        'relatedDocument',
        { typeCode: pick(next, ['RPLC', 'APND']) },
        el('parentDocument', {}, id(next), id(next, 'setId')),
      ),
    ),
    maybe(next, () =>
      el(
        'componentOf',
        {},
        el(
          'encompassingEncounter',
          {},
          id(next),
          el('effectiveTime', {}, el('low', { value: time(next) })),
          el(
            'location',
            {},
            el(
              'healthCareFacility',
              {},
              id(next),
              organisation(next, 'serviceProviderOrganization'),
            ),
          ),
        ),
      ),
    ),
    maybe(next, () => localHeader(next), 0.9),
    next() < 0.15
      ? el(
          'component',
          {},
          el(
            'nonXMLBody',
            {},
            el('text', { mediaType: 'application/pdf', representation: 'B64' }, base64(next)),
          ),
        )
      : el('component', {}, el('structuredBody', {}, ...times(next, 3, () => section(next, 0)))),
  );
}
