/**
 * Synthetic CDA R2 documents with a Finnish (hl7fi) header, for the benchmark: deterministic,
 * any size, either a structured body (sections, narrative tables, coded entries) or a
 * nonXMLBody carrying one big Base64 attachment. Not real data: test identity codes only.
 */

/** Body shape of a generated document. */
export type SyntheticBody = 'structured' | 'attachment';

/** Deterministic pseudo-random numbers (a 32-bit LCG): the same seed gives the same document. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const words = [
  'potilas',
  'lääkitys',
  'verenpaine',
  'hoito',
  'kontrolli',
  'näyte',
  'päivystys',
  'kipu',
  'yöllä',
  'tutkimus',
  'annos',
  'tablettia',
  'vuorokaudessa',
  'seuranta',
  'lähete',
];

function header(documentId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:hl7fi="urn:hl7finland" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <realmCode code="FI"/>
  <typeId extension="POCD_HD000040" root="2.16.840.1.113883.1.3"/>
  <templateId root="1.2.246.777.11.2015.6"/>
  <id root="${documentId}"/>
  <code code="11" codeSystem="1.2.246.537.5.40150.2009" codeSystemName="eArkisto - Asiakirjatyypit" displayName="Muu asiakirja"/>
  <title>Synteettinen testiasiakirja</title>
  <effectiveTime value="20240315103000+0200"/>
  <confidentialityCode code="1" codeSystem="1.2.246.777.5.1"/>
  <languageCode code="fi-FI"/>
  <setId root="${documentId}"/>
  <versionNumber value="1"/>
  <recordTarget>
    <patientRole>
      <id extension="010190-9988" root="1.2.246.21"/>
      <patient>
        <name><given>Testi</given><family>Potilas-Äyräpää</family></name>
        <administrativeGenderCode code="2" codeSystem="1.2.246.537.5.1"/>
        <birthTime value="19900101"/>
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <functionCode code="LAA" codeSystem="1.2.246.537.5.40006.2003"/>
    <time value="20240315103000+0200"/>
    <assignedAuthor>
      <id extension="9999991" root="1.2.246.537.26"/>
      <assignedPerson><name><given>Lea</given><family>Lääkäri</family></name></assignedPerson>
    </assignedAuthor>
  </author>
  <custodian><assignedCustodian><representedCustodianOrganization><id root="1.2.246.10.99999999.10.0"/><name>Testiorganisaatio</name></representedCustodianOrganization></assignedCustodian></custodian>
  <hl7fi:localHeader>
    <hl7fi:softwareSupport>Archivist benchmark generator</hl7fi:softwareSupport>
    <hl7fi:documentType code="1" codeSystem="1.2.246.537.5.16.2003"/>
    <hl7fi:recordStatus code="4" codeSystem="1.2.246.537.5.40177.2005"/>
    <hl7fi:retentionPeriodClass code="1" codeSystem="1.2.246.537.5.40125.2005"/>
    <hl7fi:tableOfContents code="KERTOMUS" codeSystem="1.2.246.537.6.14.2006"/>
  </hl7fi:localHeader>
  <component>
`;
}

function section(next: () => number, index: number): string {
  const rows: string[] = [];
  for (let row = 0; row < 8; row += 1) {
    const text = Array.from({ length: 6 }, () => words[Math.floor(next() * words.length)]).join(
      ' ',
    );
    rows.push(
      `            <tr><td>${20240101 + row}</td><td>${text} &amp; ${Math.floor(next() * 1000)} mg</td></tr>`,
    );
  }
  const value = (next() * 200).toFixed(1);
  return `    <component>
      <section ID="s${index}">
        <templateId root="1.2.246.537.6.12.2002.126"/>
        <code code="${100 + (index % 50)}" codeSystem="1.2.246.537.6.12.2002.126" displayName="Näkymä ${index}"/>
        <title>Osio ${index}</title>
        <text>
          <table>
            <thead><tr><th>Päivä</th><th>Merkintä</th></tr></thead>
            <tbody>
${rows.join('\n')}
            </tbody>
          </table>
        </text>
        <entry>
          <observation classCode="OBS" moodCode="EVN">
            <code code="1234-5" codeSystem="2.16.840.1.113883.6.1" displayName="Mittaus"/>
            <effectiveTime value="20240315"/>
            <value xsi:type="PQ" value="${value}" unit="mmHg"/>
          </observation>
        </entry>
      </section>
    </component>
`;
}

function base64Lines(next: () => number, bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lineCount = Math.ceil(bytes / 77);
  const lines: string[] = [];
  for (let line = 0; line < lineCount; line += 1) {
    let text = '';
    for (let char = 0; char < 76; char += 1) text += alphabet[Math.floor(next() * 64)];
    lines.push(text);
  }
  return lines.join('\n');
}

const structuredEnd = '    </structuredBody>\n  </component>\n</ClinicalDocument>\n';

/** A CDA-like document of about `targetBytes` UTF-8 bytes (within a few kilobytes). */
export function syntheticCda(targetBytes: number, body: SyntheticBody, seed = 1): string {
  const next = random(seed);
  const start = header(`1.2.246.10.99999999.${seed}.${targetBytes}`);
  const end =
    body === 'structured'
      ? structuredEnd
      : '      </text>\n    </nonXMLBody>\n  </component>\n</ClinicalDocument>\n';
  if (body === 'attachment') {
    const open =
      '    <nonXMLBody>\n      <text mediaType="application/pdf" representation="B64">\n';
    const room = targetBytes - Buffer.byteLength(start + open + end);
    return start + open + base64Lines(next, Math.max(0, room)) + '\n' + end;
  }
  return structuredDocument(start, end, next, (bytes) => bytes >= targetBytes);
}

/**
 * A structured document of about `targetLines` lines (splitRawLines' count; at least that many,
 * within one section of 30 lines), for benchmarks that size their inputs by lines (issue 7's
 * 1k to 300k-line pairs). A line is about 57 bytes.
 */
export function syntheticCdaLines(targetLines: number, seed = 1): string {
  const next = random(seed);
  // The `0` arc keeps these ids apart from the byte-sized documents' ids.
  const start = header(`1.2.246.10.99999999.${seed}.0.${targetLines}`);
  return structuredDocument(start, structuredEnd, next, (_, lines) => lines >= targetLines);
}

function newlines(text: string): number {
  return text.split('\n').length - 1;
}

/** The header, sections until `full(bytes so far, lines so far)` says so, and `end`. */
function structuredDocument(
  start: string,
  end: string,
  next: () => number,
  full: (bytes: number, lines: number) => boolean,
): string {
  const parts = [start, '    <structuredBody>\n'];
  // The 30 bytes are slack the byte-sized documents have always had (their output stays the same).
  let size = Buffer.byteLength(start + end) + 30;
  let lines = newlines(start) + 1 + newlines(end);
  for (let index = 0; !full(size, lines); index += 1) {
    const part = section(next, index);
    parts.push(part);
    size += Buffer.byteLength(part);
    lines += newlines(part);
  }
  parts.push(end);
  return parts.join('');
}
