/**
 * Every real sample document in ../shared/corpus (see its INDEX.md) must parse: the safe layer
 * may refuse hostile input, never the documents testers actually have.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeader } from '../../../../../electron/services/xml/parse-header';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { parseXmlInWorker } from '../../../../../electron/services/xml/parse-xml-in-worker';
import type { XmlWorkerScript } from '../../../../../electron/services/xml/resolve-xml-worker';
import { closeXmlWorkers } from '../../../../../electron/services/xml/xml-worker-pool';
import { bundleXmlWorker } from './helpers/bundle-xml-worker';

const corpus = fileURLToPath(new URL('../../../../../../shared/corpus/', import.meta.url));
const hasCorpus = existsSync(corpus);

function xmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return xmlFiles(path);
    return /\.(xml|xsd)$/i.test(entry.name) ? [path] : [];
  });
}

const files = hasCorpus
  ? xmlFiles(corpus).map((path) => [path.slice(corpus.length), path] as const)
  : [];

describe.skipIf(!hasCorpus)('the real corpus (skipped: ../shared/corpus is not there)', () => {
  let worker: XmlWorkerScript;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ worker, remove } = await bundleXmlWorker());
  });
  afterAll(async () => {
    await closeXmlWorkers();
    await remove();
  });

  it('has the documents INDEX.md lists', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s parses, in the worker too, and its header matches', async (_name, path) => {
    const bytes = readFileSync(path);
    const full = parseXml(bytes);
    expect(full.ok ? 'ok' : full.error).toBe('ok');
    expect(await parseXmlInWorker(bytes, { worker })).toEqual(full);
    const header = parseHeader(bytes);
    expect(header.ok ? 'ok' : header.error).toBe('ok');
    if (!full.ok || !header.ok) return;
    expect(header.value.root.name).toBe(full.value.name);
    if (!header.value.isPartial) expect(header.value.root).toEqual(full.value);
  });
});
