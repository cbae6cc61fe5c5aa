import type { XmlElementSpec } from './canonical-xml';
import { el, serialize } from './canonical-xml';
import type { DocumentSpec } from './document-spec';
import type { Prng } from './prng';
import { OID } from './vocab';

/** The id the signature references (body element's ID attribute). */
export const BODY_ID = 'body';
const CDA_NS = 'urn:hl7-org:v3';

function section(spec: DocumentSpec, prng: Prng, n: number): XmlElementSpec {
  // Two consecutive phrases so a paragraph is never repeated within a section.
  const start = prng.int(0, spec.view.phrases.length - 1);
  const phrases = [0, 1].map(
    (k) => spec.view.phrases[(start + k) % spec.view.phrases.length] ?? '',
  );
  return el(
    'component',
    {},
    el(
      'section',
      { ID: `s${n}` },
      el('templateId', { root: '1.2.246.777.11.2009.2' }),
      el('code', { code: spec.view.code, codeSystem: OID.view, displayName: spec.view.display }),
      el('title', {}, n === 1 ? 'Tulosyy' : 'Tutkimukset & hoito'),
      el('text', {}, ...phrases.map((p) => el('paragraph', {}, p))),
      el(
        'entry',
        {},
        el(
          'observation',
          { classCode: 'OBS', moodCode: 'EVN' },
          el('id', { root: `${spec.id}.${n}` }),
          el('code', { code: spec.view.code, codeSystem: OID.view }),
        ),
      ),
    ),
  );
}

/**
 * The signed body: structuredBody for health, nonXMLBody (Base64 XHTML) for social. The redundant
 * xmlns makes the serialised bytes equal to the element's exclusive canonical form.
 */
export function cdaBody(spec: DocumentSpec, prng: Prng): XmlElementSpec {
  if (spec.kind === 'health') {
    const count = prng.int(1, 3);
    const sections = Array.from({ length: count }, (_, i) => section(spec, prng, i + 1));
    return el('structuredBody', { xmlns: CDA_NS, ID: BODY_ID }, ...sections);
  }
  const phrase = prng.pick(spec.view.phrases);
  const xhtml = serialize(
    el(
      'html',
      { xmlns: 'http://www.w3.org/1999/xhtml' },
      el('body', {}, el('h1', {}, spec.title), el('p', {}, phrase)),
    ),
  );
  return el(
    'nonXMLBody',
    { xmlns: CDA_NS, ID: BODY_ID },
    el(
      'text',
      { mediaType: 'text/html', representation: 'B64' },
      Buffer.from(xhtml, 'utf8').toString('base64'),
    ),
  );
}

/** Structured JSON of a social document, Base64, for an hl7fi element (cheap and small). */
export function socialJson(spec: DocumentSpec): string {
  const data = { documentGroup: spec.view.code, title: spec.title, created: spec.effectiveTime };
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64');
}
