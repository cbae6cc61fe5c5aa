/**
 * The HTML report from the command line shows the unchanged canonical lines around a change
 * (folded in <details>): the compare worker returns both canonical forms (keepLines), so the
 * command no longer parses both documents a second time for them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-report-lines-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

/** A CDA with 40 paragraphs, one of them changed on the right. */
function cda(changed: string): string {
  const paragraphs = Array.from({ length: 40 }, (_, i) =>
    i === 20 ? `<paragraph>${changed}</paragraph>` : `<paragraph>Kappale ${i}</paragraph>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.1" extension="lines"/>
  <title>Rivit</title>
  <component><structuredBody><component><section><text>${paragraphs.join('')}</text></section></component></structuredBody></component>
</ClinicalDocument>
`;
}

describe('archivist compare --format html', () => {
  it('folds the unchanged canonical lines around the change', async () => {
    const left = join(work, 'left.xml');
    const right = join(work, 'right.xml');
    writeFileSync(left, cda('Vanha teksti'));
    writeFileSync(right, cda('Uusi teksti'));
    const out = join(work, 'report.html');
    const run = await runArchivist([
      'compare',
      left,
      right,
      '--format',
      'html',
      '--out',
      out,
      '--home',
      join(work, 'home'),
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Uusi teksti');
    expect(html).toMatch(/<details><summary>\d+ lines without shown changes \(left 1–\d+/);
  });
});
