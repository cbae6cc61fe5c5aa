/**
 * loadDocument and loadHeader through a real (bundled) XML worker: every corpus document, the
 * RCMR two-step with the inner CDA as the content text, FHIR JSON and its refusals, the byte cap,
 * cancellation, and the header fast path (including an archive message too big for the header
 * window). Expected values come from the fixture files; consistency checks compare the worker
 * path with the synchronous parser on the same bytes.
 */
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../../../shared/documents/read-document';
import {
  loadDocument,
  loadHeader,
  type LoadOptions,
} from '../../../../../electron/services/documents/load-document';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { closeXmlWorkers } from '../../../../../electron/services/xml/xml-worker-pool';
import type { XmlWorkerScript } from '../../../../../electron/services/xml/resolve-xml-worker';
import { syntheticCda } from '../../../../bench/synthetic-cda';
import { bundleXmlWorker, fakeWorker } from '../xml/helpers/bundle-xml-worker';
import { watchHeartbeat } from '../xml/helpers/heartbeat';
import {
  corpusBytes,
  corpusDocuments,
  corpusNote,
  hasCorpus,
} from '../../../shared/support/corpus';
import { fixtureText, unwrap } from '../../../shared/support/fixtures';

let worker: XmlWorkerScript;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ worker, remove } = await bundleXmlWorker());
});
afterAll(async () => {
  await closeXmlWorkers();
  await remove();
});

const opts = (extra: Omit<LoadOptions, 'worker'> = {}): LoadOptions => ({ worker, ...extra });
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const fixture = (name: string): Uint8Array => utf8(fixtureText(name));

/** The same document read synchronously in this thread: the reference the worker path must equal. */
function readInThread(bytes: Uint8Array) {
  return unwrap(readDocument(unwrap(parseXml(bytes)), { parseEmbeddedXml: (b) => parseXml(b) }));
}

/** An RCMR store message carrying `cda` as Base64 in a MIME part (CRLF, as in the fixtures). */
function rcmrMessage(cda: string): string {
  const base64 = Buffer.from(cda, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const mime = [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="b1"; type="text/xml"',
    '',
    '--b1',
    'Content-Type: text/xml; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    '--b1--',
    '',
  ].join('\r\n');
  return `<RCMR_IN100002FI01 xmlns="urn:hl7-org:v3"><id root="1.2.246.10.99999990.98.1"/><controlActProcess><subject><clinicalDocument><text mediaType="multipart/related">${mime}</text></clinicalDocument></subject></controlActProcess></RCMR_IN100002FI01>`;
}

describe.skipIf(!hasCorpus)(`loadDocument on the corpus${corpusNote}`, () => {
  it.each(corpusDocuments().map((file) => [file]))(
    '%s: the same metadata as the in-thread reader, and its text',
    async (file) => {
      const bytes = corpusBytes(file);
      const loaded = unwrap(await loadDocument(bytes, opts({ source: file })));
      expect(loaded.metadata).toEqual(readInThread(bytes));
      expect(loaded).toMatchObject({ contentKind: 'xml', source: file, byteSize: bytes.length });
      expect(loaded.messageXml).toBeUndefined();
      // The text is the file decoded (without a byte order mark): nothing added or normalised.
      expect(loaded.xml).toBe(
        Buffer.from(bytes)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      );
      // Plain JSON: it survives a structured clone and a JSON round trip unchanged.
      expect(JSON.parse(JSON.stringify(loaded))).toEqual(loaded);
    },
  );
});

describe('loadDocument: archive messages', () => {
  it('reads the message, then the CDA it carries; the content text is that CDA', async () => {
    const bytes = fixture('rcmr-in100002-store.xml');
    const loaded = unwrap(await loadDocument(bytes, opts()));
    expect(loaded.metadata.format).toBe('rcmr');
    expect(loaded.metadata.message).toMatchObject({
      interaction: 'RCMR_IN100002FI01',
      messageId: { root: '1.2.246.10.99999990.98.2024.100' },
      serviceRequest: { code: 'PP1', codeSystem: '1.2.246.537.5.40157.2008' },
      completionCode: { code: '1', codeSystem: '1.2.246.537.5.40115.2006' },
      storageCode: { code: '1', codeSystem: '1.2.246.537.5.40116.2006' },
    });
    expect(loaded.metadata.title).toBe('Hoitokertomus');
    expect(loaded.metadata.id).toEqual({ root: '1.2.246.10.99999990.93.2024.12' });
    expect(loaded.xml).toBe(fixtureText('rcmr-inner-cda.xml'));
    expect(loaded.messageXml).toBe(fixtureText('rcmr-in100002-store.xml'));
    expect(loaded.metadata).toEqual(readInThread(bytes));
  });

  it('passes on the MIME refusals with their codes', async () => {
    const broken = await loadDocument(fixture('rcmr-broken-no-part.xml'), opts());
    expect(broken).toMatchObject({ ok: false, error: { code: 'rcmr-mime-no-part' } });
    const base64 = await loadDocument(fixture('rcmr-broken-base64.xml'), opts());
    expect(base64).toMatchObject({ ok: false, error: { code: 'base64-invalid' } });
  });

  it('refuses a DTD in the carried CDA, saying it is the inner document', async () => {
    const inner = '<!DOCTYPE ClinicalDocument [<!ENTITY x "y">]><ClinicalDocument/>';
    const result = await loadDocument(utf8(rcmrMessage(inner)), opts());
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-doctype-forbidden' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^The document inside the RCMR_IN100002FI01 message: /);
  });
});

describe('loadDocument: FHIR DocumentReference', () => {
  it('reads JSON (after a BOM and spaces) and keeps the JSON text', async () => {
    const text = fixtureText('fhir-document-reference.json');
    const loaded = unwrap(await loadDocument(utf8(`\uFEFF \n${text}`), opts()));
    expect(loaded.contentKind).toBe('json');
    expect(loaded.xml).toBe(` \n${text}`);
    expect(loaded.metadata).toMatchObject({
      format: 'fhir',
      id: { root: '1.2.246.10.99999990.93.2024.12' },
    });
    expect(loaded.metadata).toEqual(unwrap(readDocument(JSON.parse(text))));
  });

  it('reads the XML form to the same metadata as the JSON form', async () => {
    const json = unwrap(await loadDocument(fixture('fhir-document-reference.json'), opts()));
    const xml = unwrap(await loadDocument(fixture('fhir-document-reference.xml'), opts()));
    expect(xml.contentKind).toBe('xml');
    expect(xml.metadata.id).toEqual(json.metadata.id);
    expect(xml.metadata.patient).toEqual(json.metadata.patient);
  });

  it.each([
    ['broken JSON', utf8('{"resourceType": "DocumentReference",'), 'document-json-invalid'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'document-not-utf8'],
    ['another resource', utf8('{"resourceType":"Patient"}'), 'fhir-not-document-reference'],
  ])('refuses %s with a code and without quoting the input', async (_, bytes, code) => {
    const result = await loadDocument(bytes, opts());
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('reads JSON with a field nested a million deep without overflowing the stack', async () => {
    const deep = `{"resourceType":"DocumentReference","a":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const result = await loadDocument(utf8(deep), opts());
    // Legal JSON; the unknown field is not part of the model, and the identity scan survives it.
    expect(result).toMatchObject({ ok: true, value: { metadata: { format: 'fhir' } } });
  });

  it('never lets __proto__ reach a prototype', async () => {
    const text = fixtureText('fhir-document-reference.json').replace(
      '{',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    );
    unwrap(await loadDocument(utf8(text), opts()));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadDocument: limits and cancellation', () => {
  it('refuses XML and JSON over maxBytes before parsing', async () => {
    for (const name of ['rcmr-inner-cda.xml', 'fhir-document-reference.json']) {
      const result = await loadDocument(fixture(name), opts({ maxBytes: 1000 }));
      expect(result).toMatchObject({ ok: false, error: { code: 'document-too-large' } });
    }
  });

  it('passes the parser refusals on with their codes and lines', async () => {
    const result = await loadDocument(utf8('<a>\n<b></a>'), opts());
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-malformed', line: 2 } });
    const unknown = await loadDocument(utf8('<html/>'), opts());
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-document' } });
  });

  it('resolves with document-cancelled when the signal is already aborted', async () => {
    const result = await loadDocument(fixture('rcmr-inner-cda.xml'), {
      ...opts(),
      signal: AbortSignal.abort(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'document-cancelled' } });
  });

  it('resolves at once when cancelled while a large document is being read', async () => {
    const bytes = utf8(syntheticCda(8 * 1024 * 1024, 'structured'));
    const controller = new AbortController();
    const loading = loadDocument(bytes, { ...opts(), signal: controller.signal });
    const started = performance.now();
    controller.abort();
    const result = await loading;
    expect(result).toMatchObject({ ok: false, error: { code: 'document-cancelled' } });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('stops the XML worker of a cancelled load instead of letting it parse on', async () => {
    const heartbeat = watchHeartbeat();
    try {
      const controller = new AbortController();
      const loading = loadDocument(fixture('rcmr-inner-cda.xml'), {
        worker: fakeWorker('heartbeat-worker.mjs'),
        timeoutMs: 120_000,
        signal: controller.signal,
      });
      expect(await heartbeat.isBeating()).toBe(true);
      controller.abort();
      expect(await loading).toMatchObject({ ok: false, error: { code: 'document-cancelled' } });
      expect(await heartbeat.hasStopped()).toBe(true);
    } finally {
      heartbeat.dispose();
    }
  });
});

describe('loadHeader', () => {
  it('gives the header fields of the full read, without the body', async () => {
    const bytes = utf8(syntheticCda(2 * 1024 * 1024, 'structured'));
    const full = unwrap(await loadDocument(bytes, opts()));
    const header = unwrap(await loadHeader(bytes, opts({ source: 'synthetic' })));
    expect(header.source).toBe('synthetic');
    const { metadata } = header;
    expect(metadata.body).toEqual({ kind: 'none' });
    expect(metadata.attachments).toEqual([]);
    for (const key of ['id', 'setId', 'versionNumber', 'title', 'patient', 'authors'] as const)
      expect(metadata[key]).toEqual(full.metadata[key]);
    expect(metadata.localHeader).toEqual(full.metadata.localHeader);
  });

  it('reads the message and the header of the CDA it carries', async () => {
    const header = unwrap(await loadHeader(fixture('rcmr-in100016-new-version.xml'), opts()));
    expect(header.metadata.format).toBe('rcmr');
    expect(header.metadata.message?.interaction).toBe('RCMR_IN100016FI01');
    expect(header.metadata.title).toBe('Hoitokertomus');
  });

  it('reads a message too large for the header window whole, then the inner header', async () => {
    const cda = syntheticCda(7 * 1024 * 1024, 'attachment');
    const message = utf8(rcmrMessage(cda));
    expect(message.length).toBeGreaterThan(8 * 1024 * 1024);
    const header = unwrap(await loadHeader(message, opts({ timeoutMs: 20_000 })));
    expect(header.metadata.format).toBe('rcmr');
    expect(header.metadata.id).toEqual(unwrap(readDocument(unwrap(parseXml(cda)))).id);
    expect(header.metadata.body).toEqual({ kind: 'none' });
  });

  it('reads FHIR JSON whole (it is all metadata)', async () => {
    const header = unwrap(await loadHeader(fixture('fhir-document-reference.json'), opts()));
    expect(header.metadata.format).toBe('fhir');
  });

  it('refuses what the full read refuses', async () => {
    const result = await loadHeader(utf8('<!DOCTYPE a><a/>'), opts());
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-doctype-forbidden' } });
  });
});
