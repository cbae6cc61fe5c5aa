/**
 * parseHeaderInWorker sends the worker only the first maxHeaderBytes + 1 bytes of a long document
 * (the header reader looks no further): its answers must equal parseHeader's over the whole
 * document wherever the body starts, including right at the cap.
 */
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeader } from '../../../../../electron/services/xml/parse-header';
import { parseHeaderInWorker } from '../../../../../electron/services/xml/parse-xml-in-worker';
import type { XmlWorkerScript } from '../../../../../electron/services/xml/resolve-xml-worker';
import { closeXmlWorkers } from '../../../../../electron/services/xml/xml-worker-pool';
import { bundleXmlWorker } from './helpers/bundle-xml-worker';

let bundled: XmlWorkerScript;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ worker: bundled, remove } = await bundleXmlWorker());
});
afterAll(async () => {
  await closeXmlWorkers();
  await remove();
});

const cap = 300;
const open = '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Äyräpää</title>';
const body =
  '<component><structuredBody><section><text>x</text></section></structuredBody></component>';
const close = '</ClinicalDocument>';
const tail = `<!-- ${'z'.repeat(2000)} -->`;

/** A document whose body's start tag begins `padding` characters after the title. */
function documentWith(padding: number, extra = ''): string {
  return `${open}<!--${'p'.repeat(padding)}-->${extra}${body}${tail}${close}`;
}

const cases: [string, Uint8Array][] = [
  ['body well before the cap', Buffer.from(documentWith(10))],
  ...[150, 180, 190, 200, 205, 210, 220, 230, 260].map((padding): [string, Uint8Array] => [
    `body start ${padding} characters in (around the cap)`,
    Buffer.from(documentWith(padding)),
  ]),
  ['body name in a comment first', Buffer.from(documentWith(10, '<!-- structuredBody -->'))],
  ['no body, short', Buffer.from(`${open}${close}`)],
  ['no body, long', Buffer.from(`${open}${tail}${close}`)],
  ['malformed header', Buffer.from(`${open}<a></b>${body}${tail}${close}`)],
  ['UTF-16 and long', Buffer.from(`\uFEFF${documentWith(10)}`, 'utf16le')],
];

describe('parseHeaderInWorker on documents longer than the header cap', () => {
  it.each(cases)('%s: the same answer as parseHeader over the whole document', async (_, bytes) => {
    expect(bytes.byteLength).toBeGreaterThan(0);
    const inThread = parseHeader(bytes, { maxHeaderBytes: cap });
    const inWorker = await parseHeaderInWorker(bytes, {
      worker: bundled,
      limits: { maxHeaderBytes: cap },
    });
    expect(inWorker).toEqual(inThread);
  });

  it('reads a header cut at the body and refuses one whose body starts past the cap', async () => {
    const early = await parseHeaderInWorker(Buffer.from(documentWith(10)), {
      worker: bundled,
      limits: { maxHeaderBytes: cap },
    });
    expect(early).toMatchObject({ ok: true, value: { isPartial: true } });
    const late = await parseHeaderInWorker(Buffer.from(documentWith(400)), {
      worker: bundled,
      limits: { maxHeaderBytes: cap },
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'xml-header-too-large' } });
  });
});
