/**
 * Issue 3, "Done when": every hostile input ends in the expected typed refusal (or, when it is
 * legal, a safe tree) through the worker API, within 2 s and 256 MB, with no crash, no hang, no
 * network connection and no local file content in any output.
 */
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../../shared/result';
import type { XmlElement } from '../../../../../shared/xml/tree';
import { parseXmlInWorker } from '../../../../../electron/services/xml/parse-xml-in-worker';
import type { XmlWorkerScript } from '../../../../../electron/services/xml/resolve-xml-worker';
import { closeXmlWorkers } from '../../../../../electron/services/xml/xml-worker-pool';
import {
  largeCases,
  smallCases,
  type Expectation,
} from '../../../../fixtures/hostile-xml/generate';
import { bundleXmlWorker } from './helpers/bundle-xml-worker';

const folder = fileURLToPath(new URL('../../../../fixtures/hostile-xml/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${folder}manifest.json`, 'utf8')) as {
  file: string;
  expect: Expectation;
  why: string;
}[];

/** Lines of local files an external entity would have pulled in (only distinctive ones). */
const secrets = ['/etc/passwd', '/etc/hostname']
  .filter((path) => existsSync(path))
  .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
  .map((line) => line.trim())
  .filter((line) => line.length >= 6);

let worker: XmlWorkerScript;
let remove: () => Promise<void>;
let canary: Server;
let canaryOrigin = '';
let connections = 0;

beforeAll(async () => {
  ({ worker, remove } = await bundleXmlWorker());
  canary = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryOrigin = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  // The canary must be able to notice a connection, or "no connection" would prove nothing.
  const { port } = canary.address() as AddressInfo;
  await new Promise((resolve) =>
    connect(port, '127.0.0.1').on('close', resolve).on('error', resolve),
  );
  await vi.waitFor(() => expect(connections).toBe(1));
  connections = 0;
});

afterAll(async () => {
  await closeXmlWorkers();
  await remove();
  await new Promise((resolve) => canary.close(resolve));
});

function withCanary(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  return text.includes('__CANARY__')
    ? Buffer.from(text.replaceAll('__CANARY__', canaryOrigin), 'latin1')
    : bytes;
}

async function expectOutcome(
  bytes: Uint8Array,
  expected: Expectation,
): Promise<Result<XmlElement>> {
  const started = performance.now();
  const result = await parseXmlInWorker(withCanary(bytes), {
    worker,
    timeoutMs: 2000,
    maxMemoryMb: 256,
  });
  const elapsed = performance.now() - started;
  expect(result.ok ? { root: result.value.name } : { code: result.error.code }).toEqual(expected);
  expect(elapsed).toBeLessThan(2000);
  const output = JSON.stringify(result);
  for (const secret of secrets) expect(output).not.toContain(secret);
  if (!result.ok) {
    expect(result.error.message).toMatch(/^[A-Z].*\.$/);
    expect(result.error.message.length).toBeLessThan(400);
  }
  return result;
}

describe('the hostile corpus', () => {
  it('has at least 100 cases, and the committed files are exactly what generate.ts writes', () => {
    expect(manifest.length + largeCases().length).toBeGreaterThanOrEqual(100);
    expect(readdirSync(`${folder}files`).sort()).toEqual(
      manifest.map((entry) => entry.file).sort(),
    );
    expect(manifest).toEqual(
      smallCases.map(({ file, expect: outcome, why }) => ({ file, expect: outcome, why })),
    );
    for (const { file, content } of smallCases) {
      expect(
        Buffer.compare(readFileSync(`${folder}files/${file}`), Buffer.from(content)),
        file,
      ).toBe(0);
    }
  });

  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', async (_file, entry) => {
    await expectOutcome(readFileSync(`${folder}files/${entry.file}`), entry.expect);
  });

  it.each(largeCases().map((entry) => [entry.name, entry] as const))(
    '%s (generated)',
    async (_name, entry) => {
      await expectOutcome(entry.bytes(), entry.expect);
    },
  );

  it('made no network connection while reading any of it', () => {
    expect(connections).toBe(0);
  });

  it('is read by code that cannot reach the network or the file system', () => {
    const source = fileURLToPath(new URL('../../../../../electron/services/xml/', import.meta.url));
    const imports = readdirSync(source)
      .filter((name) => /\.(ts|mjs)$/.test(name))
      .flatMap((name) =>
        [...readFileSync(`${source}${name}`, 'utf8').matchAll(/from '([^']+)'/g)].map(
          (match) => `${name}: ${match[1]}`,
        ),
      )
      .filter((line) => /: node:/.test(line) || !/: \./.test(line));
    expect(imports.sort()).toEqual(
      [
        'decode-xml-bytes.ts: node:buffer',
        'parse-header.ts: node:buffer',
        'parse-xml-in-worker.ts: node:worker_threads',
        'parse-xml.ts: node:buffer',
        'resolve-xml-worker.ts: node:fs',
        'resolve-xml-worker.ts: node:path',
        'resolve-xml-worker.ts: node:url',
        'xml-worker-pool.ts: node:worker_threads',
        'xml-worker-source.mjs: tsx/esm/api',
        'xml-worker.ts: node:worker_threads',
      ].sort(),
    );
  });
});

describe('legal inputs of the corpus give exact trees through the worker', () => {
  const read = async (file: string): Promise<XmlElement> => {
    const result = await parseXmlInWorker(withCanary(readFileSync(`${folder}files/${file}`)), {
      worker,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const leaf = (name: string, line = 1): XmlElement => ({
    kind: 'element',
    name,
    namespace: '',
    attributes: [],
    children: [],
    line,
  });

  it('UTF-16 LE with a byte order mark', async () => {
    expect(await read('utf16le-bom.xml')).toEqual({
      kind: 'element',
      name: 'a',
      namespace: '',
      attributes: [{ name: 'b', namespace: '', value: 'ä' }],
      children: [{ kind: 'text', text: 'Äyräpää €' }],
      line: 2,
    });
  });

  it('windows-1252 and CRLF', async () => {
    expect((await read('windows-1252-declared.xml')).children).toEqual([
      { kind: 'text', text: '€' },
    ]);
    expect(await read('utf8-bom-crlf.xml')).toEqual({
      ...leaf('a', 2),
      children: [{ kind: 'text', text: '\n  ' }, leaf('b', 3), { kind: 'text', text: '\n' }],
    });
  });

  it('prototype-polluting names stay plain values', async () => {
    const tree = await read('proto-element.xml');
    expect(tree).toEqual({
      ...leaf('__proto__'),
      children: [{ ...leaf('constructor'), children: [leaf('prototype')] }, leaf('hasOwnProperty')],
    });
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
  });

  it('XInclude and DTD text stay inert', async () => {
    expect((await read('xinclude.xml')).children).toEqual([
      {
        kind: 'element',
        name: 'include',
        namespace: 'http://www.w3.org/2001/XInclude',
        prefix: 'xi',
        attributes: [
          { name: 'href', namespace: '', value: 'file:///etc/passwd' },
          { name: 'parse', namespace: '', value: 'text' },
        ],
        children: [],
        line: 1,
      },
    ]);
    expect((await read('doctype-in-cdata.xml')).children).toEqual([
      { kind: 'text', text: '<!DOCTYPE x [<!ENTITY y SYSTEM "file:///etc/passwd">]>' },
    ]);
  });

  it('references and CDATA', async () => {
    const tree = await read('references-legal.xml');
    expect(tree.attributes).toEqual([{ name: 'a', namespace: '', value: '<\t>' }]);
    expect(tree.children).toEqual([{ kind: 'text', text: '<>&"\'AB\u{1F600}' }]);
    expect((await read('cdata-brackets.xml')).children).toEqual([{ kind: 'text', text: 'x]]y]]' }]);
  });
});
