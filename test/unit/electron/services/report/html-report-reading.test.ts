/**
 * The HTML report as a colleague without Archivist reads it (issue 7 review 9, defects 3, 4, 8):
 * the change list points into the diff's own line numbers, changed lines and words say so in
 * text (printed without background colours, or read aloud), and the page says what it compares,
 * when it was made in the documents' time form, and how to check it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeListHtml,
  linkedChanges,
} from '../../../../../electron/services/report/html-change-list';
import {
  writeReport,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { fixtureRequest, leftXml, rightXml } from './report-fixture';

/** The fixture pair with every line break between elements removed: one-line source files. */
const oneLine = (xml: string) => xml.replace(/>\s*\n\s*</g, '><');

let request: ReportRequest;
let flat: ReportRequest;
beforeAll(async () => {
  request = await fixtureRequest();
  flat = await fixtureRequest('v1.xml', 'v2.xml', {
    left: oneLine(leftXml),
    right: oneLine(rightXml),
  });
});
afterAll(() => closeXmlWorkers());

async function html(of: ReportRequest) {
  const written = await writeReport(of, { format: 'html', redact: false });
  if (!written.ok) throw new Error(written.error.message);
  return { text: Buffer.from(written.value.bytes).toString('utf8'), model: written.value.model };
}

/** The change list's last cells: what each item says of its place in the diff. */
function whereCells(text: string): string[] {
  const list = text.slice(text.indexOf('<h2>Change list</h2>'), text.indexOf('<h2>Content'));
  return [...list.matchAll(/<td>((?:<a href|<span class="note">no )[^]*?)<\/td><\/tr>/g)].map(
    (match) => match[1]!,
  );
}

/** The 1-based canonical line numbers a change's rows show on one side. */
function rowNumbers(text: string, anchor: string, side: 'del' | 'ins'): number[] {
  const start = text.indexOf(`<tbody class="change" id="${anchor}">`);
  const body = text.slice(start, text.indexOf('</tbody>', start));
  return [...body.matchAll(new RegExp(`<td class="n">(\\d+)</td><td class="m ${side}">`, 'g'))].map(
    (match) => Number(match[1]),
  );
}

describe('the change list points into the diff', () => {
  it('on one-line sources, every item cites the lines its linked change shows, not source line 2', async () => {
    const { text, model } = await html(flat);
    expect(model.changes.length).toBeGreaterThan(3);
    const cells = whereCells(text);
    expect(cells).toHaveLength(model.changes.length);
    const links = cells.filter((cell) => cell.startsWith('<a href'));
    expect(links.length).toBeGreaterThan(3);
    for (const cell of links) {
      const link =
        /^<a href="#(change-\d+)">Change \d+<\/a><br><span class="nowrap">lines (\S+) \/ (\S+)<\/span>$/.exec(
          cell,
        );
      if (!link) throw new Error(`no link in ${cell}`);
      const [, anchor, left, right] = link;
      expect(text).toContain(`id="${anchor}"`);
      // The cited range starts at the first line number the change's rows show on that side.
      const firstOf = (range: string) =>
        range === 'none' ? undefined : Number(range.split('–')[0]);
      expect(firstOf(left!)).toBe(rowNumbers(text, anchor!, 'del')[0]);
      expect(firstOf(right!)).toBe(rowNumbers(text, anchor!, 'ins')[0]);
    }
    // A one-line source made every item "2 / 2" before.
    expect(new Set(cells).size).toBeGreaterThan(1);
    expect(text).not.toContain('Lines (left / right)');
  });

  it('links each item to the change the app would (same linking code), by index', async () => {
    const { model } = await html(request);
    const linked = linkedChanges(model);
    const dosage = model.changes.findIndex((item) => item.text.includes('tabletti illalla'));
    expect(dosage).toBeGreaterThanOrEqual(0);
    const change = model.content.changes[linked[dosage]!]!;
    expect(change.added.join('\n')).toContain('tabletti illalla');
  });

  it('says when an item has no content change, and names a change past the page without a dead link', async () => {
    const { model } = await html(request);
    const table = (_: readonly string[], rows: readonly (readonly string[])[]) =>
      rows.map((row) => row.join('|')).join('\n');
    const none = changeListHtml({ ...model, content: { ...model.content, changes: [] } }, 0, table);
    expect(none).toContain('no content change (metadata only)');
    expect(none).not.toContain('href=');
    // A body item whose path has no change is not sent to an unrelated one (the document id).
    const idOnly = model.content.changes.filter((change) => change.path === '/ClinicalDocument/id');
    expect(idOnly).toHaveLength(1);
    const unrelated = changeListHtml(
      { ...model, content: { ...model.content, changes: idOnly } },
      1,
      table,
    );
    const dosageRow = unrelated.split('\n').find((row) => row.includes('tabletti illalla'));
    expect(dosageRow).toContain('no changed line under its path in the content diff');
    const offPage = changeListHtml(model, 0, table);
    expect(offPage).not.toContain('href=');
    expect(offPage).toMatch(
      /Change \d+ <span class="note">\(not on this page: see the JSON or CSV report\)/,
    );
  });
});

describe('changes are marked in text, not by colour alone', () => {
  it('gives every changed line a − or + marker with words for screen readers', async () => {
    const { text, model } = await html(request);
    const removed = model.content.changes.reduce(
      (total, change) => total + change.removed.length,
      0,
    );
    const added = model.content.changes.reduce((total, change) => total + change.added.length, 0);
    const marker = (sign: string, word: string) =>
      `<span aria-hidden="true">${sign}</span><span class="sr-only">${word}</span>`;
    expect(text.split(marker('−', 'removed')).length - 1).toBe(removed);
    expect(text.split(marker('+', 'added')).length - 1).toBe(added);
    // Context lines have an empty marker cell; every line is the document's, marked Finnish.
    expect(text).toMatch(/<td class="n">\d+<\/td><td class="m"><\/td><td class="same" lang="fi">/);
    expect(text).not.toMatch(/<td class="(same|del|ins)">/);
  });

  it('puts the changed words of an edited line in <del> and <ins>', async () => {
    const { text } = await html(request);
    expect(text).toMatch(/<del>[^<]*aamuisin[^<]*<\/del>/);
    expect(text).toMatch(/<ins>[^<]*illalla[^<]*<\/ins>/);
  });

  it('asks printers to keep the colours that carry meaning', async () => {
    const { text } = await html(request);
    const style = text.slice(text.indexOf('<style>'), text.indexOf('</style>'));
    expect(style).toMatch(/\.sbs del,\s*\.sbs ins,[^{]*\{[^}]*print-color-adjust: exact/);
    expect(style).toMatch(/\.sbs del \{[^}]*text-decoration: line-through/);
    expect(style).toMatch(/\.sbs ins \{[^}]*text-decoration: underline/);
  });
});

describe('the page says what it is and how to check it', () => {
  it('names versions and origins in its title', async () => {
    const { text } = await html(request);
    const title = /<title>([^<]*)<\/title>/.exec(text)?.[1];
    expect(title).toBe(
      'Comparison of 1.2.246.10.99999999.11.2024.1 version 1 (local file v1.xml) and 1.2.246.10.99999999.11.2024.2 version 2 (local file v2.xml)',
    );
  });

  it('gives "Made at" and the checkpoint time as local time with an offset, like the documents\' times', async () => {
    const checkpoint = {
      sequence: 7,
      hash: 'a'.repeat(64),
      time: '2026-01-02T03:05:00.000Z',
      signature: 'sig',
    };
    const { text } = await html({ ...request, auditCheckpoint: checkpoint });
    const made = /<dt>Made at<\/dt><dd>([^<]*)<\/dd>/.exec(text)?.[1];
    expect(made).toMatch(/^2026-01-0[12] \d\d:\d\d:05 [+-]\d\d:\d\d$/);
    // The ISO form stays in the manifest (machines read it), not in what a person reads.
    const page = text.slice(0, text.indexOf('archivist-manifest'));
    expect(page).not.toContain('2026-01-02T03:04:05.000Z');
    expect(/<dt>Signed at<\/dt><dd>([^<]*)<\/dd>/.exec(text)?.[1]).toMatch(
      /^2026-01-0[12] \d\d:\d\d:00 [+-]\d\d:\d\d$/,
    );
    expect(text).toContain('id="checkpoint-meaning"');
    expect(text).toMatch(/The audit checkpoint is the latest signed point of the audit journal/);
  });

  it('says how to check the file, before the documents', async () => {
    const { text } = await html(request);
    const at = text.indexOf('<code>archivist report verify FILE</code>');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(text.indexOf('<h2>Documents</h2>'));
  });
});
