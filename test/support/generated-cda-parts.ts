/**
 * The parts of a generated CDA document (generated-cda.ts): the element type, value pools and the
 * header parts the metadata model reads (authors, names, organisations, the Finnish local header
 * and its signatures), each drawn from a seeded generator.
 */
import { testHetu } from '../unit/electron/sandbox/support/test-catalog';

/** An element: namespace key, local name, attributes (name, value) and children. */
export interface Element {
  readonly ns: 'v3' | 'fi' | 'ds';
  readonly name: string;
  attributes: [string, string][];
  children: (Element | string)[];
}

/** The seeded generator (shared/seeded-random.ts). */
export type Next = () => number;

/** Builds an element; a string child is text. */
export function el(
  name: string,
  attributes: Record<string, string> = {},
  ...children: (Element | string | undefined)[]
): Element {
  const [prefix, local] = name.includes(':') ? name.split(':') : ['v3', name];
  return {
    ns: prefix as Element['ns'],
    name: local!,
    attributes: Object.entries(attributes),
    children: children.filter((child) => child !== undefined),
  };
}

export const pick = <T>(next: Next, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)]!;
export const maybe = <T>(next: Next, make: () => T, chance = 0.5): T | undefined =>
  next() < chance ? make() : undefined;
export const times = <T>(next: Next, max: number, make: (i: number) => T): T[] =>
  Array.from({ length: Math.floor(next() * (max + 1)) }, (_, i) => make(i));

const words = ['Lääkitys', 'annos', 'tabletti', 'kipu', 'yöllä', 'kontrolli', 'näyte', 'ja'];
export const text = (next: Next, count = 3) =>
  times(next, count, () => pick(next, words)).join(' ') || 'x';
export const time = (next: Next) =>
  `2024${pick(next, ['0101', '0315', '1231'])}${pick(next, ['0900', '1230'])}`;
const oid = (next: Next, base = '1.2.246.10.1234567') => `${base}.${Math.floor(next() * 6)}`;
export const id = (next: Next, name = 'id') =>
  el(
    name,
    next() < 0.3
      ? { root: oid(next), extension: String(Math.floor(next() * 9)) }
      : { root: oid(next) },
  );
export const code = (next: Next, name: string, system: string, codes: readonly string[]) =>
  el(name, {
    code: pick(next, codes),
    codeSystem: system,
    ...(next() < 0.5 ? { displayName: text(next, 2) } : {}),
  });
export const personName = (next: Next) =>
  el(
    'name',
    {},
    el('given', {}, pick(next, ['Lea', 'Olli', 'Äijö'])),
    maybe(next, () => el('given', { qualifier: 'CL' }, 'Kutsu')),
    el('family', {}, pick(next, ['Lääkäri', 'Hoitaja'])),
  );
export const organisation = (next: Next, name: string) =>
  el(
    name,
    {},
    id(next),
    maybe(next, () => el('name', {}, `Yksikkö ${text(next, 1)}`)),
  );

/** A header author: role, time, ids (one may be a hetu), profession, name and unit. */
export function author(next: Next): Element {
  return el(
    'author',
    {},
    code(next, 'functionCode', '1.2.246.537.5.40006.2003', ['LAA', 'KOR', 'MIT', 'MER']),
    el('time', { value: time(next) }),
    el(
      'assignedAuthor',
      {},
      id(next),
      maybe(next, () =>
        el('id', { root: '1.2.246.21', extension: testHetu(Math.floor(next() * 5)) }),
      ),
      maybe(next, () => code(next, 'code', '1.2.246.537.6.34.2008', ['1', '2'])),
      el('assignedPerson', {}, personName(next)),
      maybe(next, () => organisation(next, 'representedOrganization')),
    ),
  );
}

function signature(next: Next, n: number): Element {
  const algorithm = (name: string, value: string) => el(`ds:${name}`, { Algorithm: value });
  return el(
    'fi:signature',
    { ID: `sig${n}` },
    code(next, 'fi:signatureDescription', '1.2.246.537.5.40127.2006', ['1', '2', '3']),
    el('fi:signatureTimestamp', { ID: `ts${n}` }, time(next)),
    el(
      'ds:Signature',
      {},
      el(
        'ds:SignedInfo',
        {},
        algorithm(
          'CanonicalizationMethod',
          pick(next, [
            'http://www.w3.org/2001/10/xml-exc-c14n#',
            'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
          ]),
        ),
        algorithm('SignatureMethod', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'),
        el(
          'ds:Reference',
          { URI: `#${pick(next, ['doc', 'header', 'body'])}` },
          algorithm('DigestMethod', 'http://www.w3.org/2001/04/xmlenc#sha256'),
          el('ds:DigestValue', {}, 'q1w2e3r4t5y6u7i8o9p0=='),
        ),
      ),
      el('ds:SignatureValue', {}, pick(next, ['YWJjZGVmZ2g=', 'aGlqa2xtbm8='])),
      el(
        'ds:KeyInfo',
        {},
        el(
          'ds:X509Data',
          {},
          el('ds:X509SubjectName', {}, `CN=${text(next, 1)}`),
          el('ds:X509IssuerName', {}, 'CN=Testi CA'),
        ),
      ),
    ),
    maybe(next, () =>
      el('fi:multipleDocumentSignature', {}, el('fi:Ref', { OID: oid(next), hash: 'abc=' })),
    ),
  );
}

/** hl7fi:localHeader with a random subset of its fields and up to two signatures. */
export function localHeader(next: Next): Element {
  // Each optional field is present in about 60% of the documents.
  const fi = (make: () => Element) => maybe(next, make, 0.6);
  return el(
    'fi:localHeader',
    {},
    fi(() => el('fi:description', {}, text(next))),
    fi(() =>
      el(
        'fi:tableOfContents',
        {},
        ...times(next, 2, () =>
          code(next, 'fi:tableOfContents', '1.2.246.537.6.12.2002', ['1', '2', '3']),
        ),
      ),
    ),
    fi(() => el('fi:declaredTime', { value: time(next) })),
    fi(() => code(next, 'fi:typeCode', '1.2.246.537.5.40141.2004', ['1', '2'])),
    fi(() =>
      el(
        'fi:softwareSupport',
        { product: pick(next, ['Potilastieto', 'Testi']), version: pick(next, ['1.0', '2.1']) },
        text(next, 1),
      ),
    ),
    fi(() => code(next, 'fi:documentType', '1.2.246.537.5.16.2003', ['1', '2'])),
    fi(() => el('fi:retentionPeriod', { value: time(next) })),
    fi(() => code(next, 'fi:recordStatus', '1.2.246.537.5.40177.2005', ['1', '4'])),
    ...times(next, 2, () =>
      el(
        'fi:auditTrail',
        {},
        code(next, 'fi:auditTrailCode', '1.2.246.537.5.40180.2004', ['1', '2']),
        el('fi:auditTrailTime', { value: time(next) }),
      ),
    ),
    fi(() => id(next, 'fi:activeCustodian')),
    fi(() => code(next, 'fi:retentionPeriodClass', '1.2.246.537.5.40125.2005', ['1', '2'])),
    fi(() => el('fi:signatureCollection', {}, ...times(next, 2, (n) => signature(next, n)))),
    maybe(next, () => el('fi:unknownThing', { kind: text(next, 1) }, text(next, 1)), 0.2),
  );
}
