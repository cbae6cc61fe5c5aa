import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, csvHeader } from '../../../../../electron/services/report/csv-report';
import {
  contentDiffHtml,
  maxHtmlRows,
} from '../../../../../electron/services/report/html-content-diff';
import { escapeHtml } from '../../../../../electron/services/report/html-escape';
import { reportCsp } from '../../../../../electron/services/report/html-report';
import {
  maxEmbeddedSourceBytes,
  writeReport,
  type ReportFormat,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { parseCsv } from './csv-parse';
import {
  bodyNames,
  fixtureRequest,
  inflectedBodyName,
  leftDosage,
  nonTestCode,
  patientCode,
  rightDosage,
  leftXml,
  rightXml,
} from './report-fixture';
import { leaks, secretsOf } from './report-secrets';
import { validateReport as validate } from '../../../../support/report-schema';

/** The page without its Finnish-language marks around document text (html-change-list.ts). */
const withoutLanguageMarks = (html: string) =>
  html.replace(/<span lang="fi">([^<]*)<\/span>/g, '$1');

let request: ReportRequest;
beforeAll(async () => {
  request = await fixtureRequest();
});
afterAll(() => closeXmlWorkers());

async function made(format: ReportFormat, redact = false, embedSources?: boolean) {
  const written = await writeReport(request, {
    format,
    redact,
    ...(embedSources === undefined ? {} : { embedSources }),
  });
  if (!written.ok) throw new Error(written.error.message);
  return { ...written.value, text: Buffer.from(written.value.bytes).toString('utf8') };
}

describe('HTML report', () => {
  it('stands alone: inline CSS, a no-script CSP, no external references, only the manifest data block', async () => {
    const { text } = await made('html');
    expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(text).toContain(`content="${reportCsp}"`);
    expect(text).toMatch(/<style>[\s\S]*\.sbs td\.del[\s\S]*<\/style>/);
    // Links only within the page (the change list's "Change N"), nothing fetched.
    expect(text).not.toMatch(/\bsrc=|\bhref="(?!#change-\d+")|url\(|@import/i);
    const scripts = [...text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts).toEqual(['<script type="application/json" id="archivist-manifest">']);
  });

  it('shows both documents, the changed values, the findings and collapses unchanged lines', async () => {
    const { text, model } = await made('html');
    for (const id of [request.result.left.id, request.result.right.id]) expect(text).toContain(id);
    expect(text).toContain(leftDosage);
    expect(text).toContain(rightDosage);
    expect(text).toContain(nonTestCode);
    expect(model.testDataFindings.map((finding) => finding.value)).toContain(nonTestCode);
    expect(model.testDataFindings.map((finding) => finding.value)).not.toContain(patientCode);
    expect(text).toMatch(/<details><summary>\d+ lines without shown changes/);
    expect(text).toContain(request.result.profile.sha256);
  });

  it('gives a header item of the change list its content change: a link and the diff lines', async () => {
    const { text, model } = await made('html');
    const header = model.changes.find((item) => item.pathKind === 'model' && item.path === 'id');
    const index = model.content.changes.findIndex((change) =>
      change.path.startsWith('/ClinicalDocument/id'),
    );
    const content = model.content.changes[index];
    if (!header || !content) throw new Error('the fixture pair has no changed document id');
    expect(header.leftLine).toBeUndefined();
    const range = (start: number, end: number) =>
      end - start === 1 ? `${start + 1}` : `${start + 1}–${end}`;
    const lines = `${range(content.leftStart, content.leftEnd)} / ${range(content.rightStart, content.rightEnd)}`;
    // The item's quoted values are the document's: marked Finnish (lang) in the English page.
    expect(text).toMatch(/<td>Id changed from <span lang="fi">&quot;[^<]+&quot;<\/span> to /);
    expect(withoutLanguageMarks(text)).toContain(
      `<td>${escapeHtml(header.text)}</td><td><a href="#change-${index + 1}">Change ${index + 1}</a><br><span class="nowrap">lines ${lines}</span></td>`,
    );
    expect(text).toContain(`<tbody class="change" id="change-${index + 1}">`);
  });
});

describe('redaction', () => {
  it.each(['html', 'json', 'csv'] as const)(
    'a redacted %s report contains none of the identity codes or names of either document',
    async (format) => {
      const found = await secretsOf(request.left.bytes, request.right.bytes);
      expect(found.codes).toEqual(expect.arrayContaining([patientCode, nonTestCode]));
      expect(found.names).toEqual(expect.arrayContaining(['Taina', 'Lääkäri', 'Backman']));
      // Names the metadata does not give: the body's performer and informants.
      expect(found.names).not.toContain('Maija');
      const secrets = { ...found, names: [...found.names, ...bodyNames] };
      const { text } = await made(format, true);
      expect(leaks(text, secrets)).toEqual([]);
      const plain = await made(format, false);
      expect(leaks(plain.text, { codes: [], names: bodyNames }).length).toBeGreaterThan(0);
    },
  );

  it.each(['html', 'json', 'csv'] as const)(
    'a %s report masks a body value of any shape given under the hetu root, also in free text',
    async (format) => {
      // The id stands in an unchanged entry (never shown), the value in a changed paragraph.
      const localId = 'TUNNISTE-77';
      const withId = (xml: string) =>
        xml.replace(
          '<performer><assignedEntity>',
          `<performer><assignedEntity><id extension="${localId}" root="1.2.246.21"/>`,
        );
      const pair = await fixtureRequest('v1.xml', 'v2.xml', {
        left: withId(leftXml),
        right: withId(rightXml).replace(rightDosage, `${rightDosage} (${localId})`),
      });
      const written = await writeReport(pair, { format, redact: true });
      if (!written.ok) throw new Error(written.error.message);
      const text = Buffer.from(written.value.bytes).toString('utf8');
      expect(text).toContain('tabletti illalla');
      expect(text).not.toContain(localId);
      const plain = await writeReport(pair, { format, redact: false });
      if (!plain.ok) throw new Error(plain.error.message);
      expect(Buffer.from(plain.value.bytes).toString('utf8')).toContain(localId);
    },
  );

  it('says so on the first page and gives the same value the same mask in every format', async () => {
    const html = (await made('html', true)).text;
    const banner = html.indexOf('REDACTED REPORT');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(html.indexOf('<h2>Documents</h2>'));
    const json = JSON.parse((await made('json', true)).text) as {
      report: { documents: { left: { patient: string } }; testDataFindings: { value: string }[] };
    };
    const patientMask = json.report.documents.left.patient;
    const codeMask = json.report.testDataFindings[0]!.value;
    expect(patientMask).toMatch(/^HETU-\d+$/);
    expect(codeMask).toMatch(/^HETU-\d+$/);
    expect(codeMask).not.toBe(patientMask);
    expect(html).toContain(`<span class="mono">${patientMask}</span>`);
    expect(html).toContain(`Potilas NAME-1, puoliso ${codeMask}.`);
    // The added author's name: the same mask in the JSON change list, the CSV row and the HTML.
    const added = (
      json.report as unknown as { changes: { path: string; right?: string }[] }
    ).changes.find((change) => change.path === 'authors[1]')?.right;
    expect(added).toMatch(/^NAME-\d+$/); // "Inkeri Backman": one mask for the whole name
    const rows = parseCsv((await made('csv', true)).text.split('#archivist-manifest')[0]!);
    expect(
      rows.find((row) => row[0] === 'change list: header' && row[1] === 'authors[1]')?.[3],
    ).toBe(added);
    expect(html).toContain(`Author 2 added: <span lang="fi">&quot;${added}&quot;</span>`);
  });

  it('masks a person named only in the body with one mask in the text, the XML and every format', async () => {
    const json = JSON.parse((await made('json', true)).text) as {
      report: { redaction: { limitation?: string }; content: { changes: { added: string[] }[] } };
    };
    const added = json.report.content.changes.flatMap((change) => change.added).join('\n');
    // "Maija Virtanen" in the section text and "Aino" in the informant's name element.
    const mention = /mittasi (NAME-\d+) uudelleen/.exec(added)?.[1];
    const informant = /<given>(NAME-\d+)<\/given>/.exec(added)?.[1];
    expect(mention).toBeDefined();
    expect(informant).toBeDefined();
    expect(informant).not.toBe(mention);
    expect(json.report.redaction.limitation).toMatch(/free text.*not masked/);
    const html = (await made('html', true)).text;
    expect(html).toContain(`mittasi ${mention} uudelleen`);
    // The performer's unchanged name element, in the collapsed unchanged lines, masked in parts.
    expect(html).toMatch(/&lt;given&gt;NAME-\d+&lt;\/given&gt;/);
    expect(html).toContain(`&lt;given&gt;${informant}&lt;/given&gt;`);
    expect(html.slice(0, html.indexOf('<h2>Documents</h2>'))).toMatch(/free text.*not masked/);
    const csv = (await made('csv', true)).text;
    expect(csv).toContain(`mittasi ${mention} uudelleen`);
    // The family name inflected in the text gets the family name's mask with its ending.
    expect(csv).not.toContain(inflectedBodyName);
    expect(html).not.toContain(inflectedBodyName);
    expect(csv).toMatch(/; NAME-\d+:sen mukaan/);
    expect(csv).toContain(`<given>${informant}</given>`);
  });

  it('embeds no sources in a redacted report (they hold the unmasked codes)', async () => {
    const { manifest } = await made('html', true);
    expect(manifest.sources.every((source) => source.base64 === undefined)).toBe(true);
    expect(manifest.redacted).toBe(true);
  });
});

describe('JSON report', () => {
  it('validates against resources/schemas/report-v1.schema.json, redacted or not', async () => {
    for (const redact of [false, true]) {
      const value: unknown = JSON.parse((await made('json', redact)).text);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('names the moved runs of a hunk (and the HTML report says where they went), and still validates', async () => {
    const section = (code: string, title: string) =>
      `<component><section><code code="${code}" codeSystem="1.2.3"/><title>${title}</title><text><paragraph>${title}: tämä kappale kertoo osion sisällön</paragraph></text></section></component>`;
    const cda = (codes: readonly string[]) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.246.10.1"/><title>T</title><component><structuredBody>\n${codes.map((code) => section(code, `Osio ${code}`)).join('\n')}\n</structuredBody></component></ClinicalDocument>\n`;
    const swapped = await fixtureRequest('v1.xml', 'v2.xml', {
      left: cda(['1', '2', '3']),
      right: cda(['3', '2', '1']),
    });
    const written = await writeReport(swapped, { format: 'json', redact: false });
    if (!written.ok) throw new Error(written.error.message);
    const value = JSON.parse(Buffer.from(written.value.bytes).toString('utf8')) as {
      report: { content: { changes: { moved?: { side: string }[] }[] } };
    };
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    const moved = value.report.content.changes.flatMap((change) => change.moved ?? []);
    expect(moved.map((run) => run.side).sort()).toEqual(['added', 'added', 'removed', 'removed']);
    const html = await writeReport(swapped, { format: 'html', redact: false });
    if (!html.ok) throw new Error(html.error.message);
    const page = Buffer.from(html.value.bytes).toString('utf8');
    expect(page.match(/<span class="moved" lang="en">moved to line \d+<\/span>/g)).toHaveLength(2);
    expect(page.match(/<span class="moved" lang="en">moved from line \d+<\/span>/g)).toHaveLength(
      2,
    );
  });

  it('fails the schema when a required part is missing (the schema can fail)', async () => {
    const value = JSON.parse((await made('json')).text) as { report: Record<string, unknown> };
    delete value.report.documents;
    expect(validate(value)).toBe(false);
  });
});

describe('CSV report', () => {
  it('parses as RFC 4180 with one row per change and the manifest as the last line', async () => {
    const { text, model } = await made('csv');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toMatch(/^#archivist-manifest \{/);
    const body = text.slice(0, text.lastIndexOf('#archivist-manifest'));
    const rows = parseCsv(body);
    expect(rows[0]).toEqual([...csvHeader]);
    const expected =
      model.metadataChanges.length +
      model.changes.length +
      model.content.changes.length +
      model.hidden.changes.length;
    expect(rows.length - 1).toBe(expected);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    // The dosage starts with "+": a spreadsheet would evaluate it, so it is guarded.
    expect(rows.some((row) => row[3] === `'${rightDosage}`)).toBe(true);
    expect(rows.some((row) => row[3] === rightDosage)).toBe(false);
  });

  it('guards every formula start and quotes per RFC 4180', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('sources', () => {
  it('embeds both sources byte for byte unless told not to', async () => {
    const { manifest } = await made('json');
    const decoded = manifest.sources.map((source) =>
      Buffer.from(source.base64 ?? '', 'base64').toString('utf8'),
    );
    expect(decoded).toEqual([leftXml, rightXml]);
    const bare = await made('json', false, false);
    expect(bare.manifest.sources.every((source) => source.base64 === undefined)).toBe(true);
  });

  it('refuses a source that is not a document with a clear message', async () => {
    const written = await writeReport(
      { ...request, right: { bytes: new TextEncoder().encode('not xml'), source: 'x.txt' } },
      { format: 'html', redact: false },
    );
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.error.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('limits that keep a large report usable', () => {
  it('does not embed sources larger than the limit together, and says so in the report', async () => {
    const padding = `<!-- ${'x'.repeat(Math.ceil(maxEmbeddedSourceBytes / 2))} -->\n`;
    const big = (xml: string) => new TextEncoder().encode(xml + padding);
    const written = await writeReport(
      {
        ...request,
        left: { bytes: big(leftXml), source: 'big-left.xml' },
        right: { bytes: big(rightXml), source: 'big-right.xml' },
      },
      { format: 'html', redact: false },
    );
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.manifest.sources.map((source) => source.base64)).toEqual([
      undefined,
      undefined,
    ]);
    expect(written.value.model.notes.at(-1)).toMatch(
      /^The sources \(\d+\.\d MB together\) are not embedded/,
    );
    expect(written.value.bytes.byteLength).toBeLessThan(maxEmbeddedSourceBytes / 4);
  });

  it('shows at most maxHtmlRows rows and counts the changes after them', async () => {
    const { model } = await made('html');
    const change = model.content.changes[0]!;
    const many = Array.from({ length: maxHtmlRows + 500 }, () => ({
      ...change,
      removed: ['a'],
      added: ['b'],
    }));
    const html = contentDiffHtml({
      ...model,
      content: { ...model.content, changes: many, unchanged: [] },
    });
    expect(html.match(/<tbody class="change"/g)).toHaveLength(maxHtmlRows);
    expect(html).toContain(
      `This page shows the first 10,000 content changes; 500 more (500 changed lines) are listed in the JSON and CSV reports`,
    );
  });
});
