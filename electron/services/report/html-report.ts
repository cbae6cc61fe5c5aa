/**
 * The HTML report: one self-contained page (inline CSS, no scripts, no external requests; its CSP
 * forbids all three) that reads and prints well. The integrity manifest is appended by
 * integrity.ts as a JSON data block, which browsers never execute.
 */
import { describeReportedValue } from '../../../shared/compare/describe-value';
import { storedStatusLabel } from '../../../shared/compare/metadata-status';
import type { ReportModel } from '../../../shared/report/report-model';
import { timeWithOffset } from '../../../shared/report/report-time';
import { changeListHtml } from './html-change-list';
import { changesOnPage, contentDiffHtml } from './html-content-diff';
import { escapeHtml as e } from './html-escape';
import { defaultContentLanguage } from '../../../shared/documents/content-language';

/** The documents' own text (titles, values) is Finnish in this English page. */
const fi = (html: string) => `<span lang="${defaultContentLanguage}">${html}</span>`;

/** No network, no scripts, inline styles only: the report must stand alone and stay inert. */
export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th>${e(header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((value) => `<td>${value}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}</tbody></table>`;
}

/** A side's stored status in words; a local file has none ("—"). */
function statusText(document: ReportModel['documents']['left']): string | undefined {
  return document.storedStatus && storedStatusLabel(document.storedStatus);
}

function documentsHtml(model: ReportModel): string {
  const { left, right } = model.documents;
  const row = (label: string, a: string | number | undefined, b: string | number | undefined) => [
    e(label),
    `<span class="mono">${e(String(a ?? '—'))}</span>`,
    `<span class="mono">${e(String(b ?? '—'))}</span>`,
  ];
  const title = (value: string | undefined) => (value === undefined ? '—' : fi(e(value)));
  return table(
    ['', 'Left', 'Right'],
    [
      row('Source', left.source, right.source),
      row('Environment', left.environment ?? 'local file', right.environment ?? 'local file'),
      row('Format', left.format, right.format),
      row('Document id', left.id, right.id),
      row('Set id', left.setId, right.setId),
      row('Version', left.versionNumber, right.versionNumber),
      // Local files have no stored status: no row for a pair of them.
      ...(left.storedStatus || right.storedStatus
        ? [row('Stored status', statusText(left), statusText(right))]
        : []),
      [e('Title'), title(left.title), title(right.title)],
      row('Patient', left.patient, right.patient),
      row('SHA-256 of the source bytes', left.sha256, right.sha256),
      row('Size (bytes)', left.byteSize, right.byteSize),
    ],
  );
}

function hiddenHtml(model: ReportModel): string {
  const { hidden, profile } = model;
  const facts = `<dl class="facts"><dt>Profile</dt><dd>${e(profile.title)} (<span class="mono">${e(profile.id)}</span>)</dd><dt>Profile SHA-256</dt><dd class="mono">${e(profile.sha256)}</dd><dt>Hidden differences</dt><dd>${hidden.metadata} metadata, ${hidden.content} content, ${hidden.changeList} change-list items</dd></dl>`;
  if (hidden.byRule.length === 0) return `${facts}<p>The profile hid nothing.</p>`;
  return `${facts}${table(
    ['Rule', 'Reason', 'Metadata', 'Content', 'Change list'],
    hidden.byRule.map((count) => [
      `<span class="mono">${e(count.rule)}</span>`,
      e(count.reason),
      String(count.metadata),
      String(count.content),
      String(count.changeList),
    ]),
  )}`;
}

function findingsHtml(model: ReportModel): string {
  if (model.testDataFindings.length === 0)
    return '<p>Every identity code in both documents is a valid 900-series test code.</p>';
  return table(
    ['Side', 'Code', 'Where', 'Problem'],
    model.testDataFindings.map((finding) => [
      e(finding.side),
      `<span class="mono">${e(finding.value)}</span>`,
      e(finding.where),
      e(finding.problem),
    ]),
  );
}

/**
 * A metadata value in the change list's words (describe-value.ts), the model's JSON form as its
 * tooltip where the words leave something out; the JSON report keeps the structured value.
 */
function labelled(value: string | undefined, label: string | undefined): string {
  const text = describeReportedValue(value, label);
  if (value === undefined || text === undefined) return '<span class="note">(none)</span>';
  return fi(text === value ? e(text) : `<span title="${e(value)}">${e(text)}</span>`);
}

function metadataHtml(model: ReportModel): string {
  if (model.metadataChanges.length === 0) return '<p>No metadata changes are shown.</p>';
  return table(
    ['Field', 'Change', 'Left', 'Right'],
    model.metadataChanges.map((change) => [
      `<span class="mono">${e(change.path)}</span>`,
      `<span class="kind-${change.kind} nowrap">${change.kind}</span>${change.expected ? ' <span class="expected">(expected: the archive fills it in)</span>' : ''}`,
      labelled(change.left, change.leftLabel),
      labelled(change.right, change.rightLabel),
    ]),
  );
}

/** What a recipient without the exporting installation can and cannot learn from the checkpoint. */
const checkpointMeaning =
  '<p class="note" id="checkpoint-meaning">The audit checkpoint is the latest signed point of the audit journal of the Archivist that made this report: the same sequence, chain hash and signature stand in that journal, where <code>archivist audit verify</code> checks them and <code>archivist audit list</code> shows this export. It ties the report to that journal; it is not a signature of this file.</p>';

function checkpointHtml(model: ReportModel): string {
  const checkpoint = model.auditCheckpoint;
  if (!checkpoint) return '<p>No audit checkpoint was available when this report was made.</p>';
  return `${checkpointMeaning}<dl class="facts"><dt>Sequence</dt><dd>${checkpoint.sequence}</dd><dt>Chain hash</dt><dd class="mono">${e(checkpoint.hash)}</dd><dt>Signed at</dt><dd>${e(localTime(checkpoint.time))}</dd><dt>Signature</dt><dd class="mono">${e(checkpoint.signature)}</dd></dl>`;
}

/** An ISO time in this machine's local time with its offset, as the documents' times read. */
function localTime(iso: string): string {
  return timeWithOffset(iso, -new Date(iso).getTimezoneOffset());
}

/** How a recipient checks the file (issue 7 review 9, defect 8: the report never said). */
const howToCheck =
  '<p class="note" id="how-to-check">To check that this file is exactly as Archivist wrote it, run <code>archivist report verify FILE</code>: it recomputes the SHA-256 hashes that the manifest at the end of the file records (of the file itself and of both source documents, when they are embedded) and names any part that was altered; the audit checkpoint below ties the report to the journal that recorded its export.</p>';

function summaryText(model: ReportModel): string {
  if (model.identical) return 'The documents are identical.';
  if (model.shownDifferences === 0)
    return 'The documents differ only where the ignore profile hides differences.';
  return `${model.shownDifferences} differences are shown (${model.metadataChanges.length} in metadata, ${model.content.changes.length} in content).`;
}

/** The report page without its manifest (integrity.ts adds that before `</body>`). */
export function reportHtml(
  model: ReportModel,
  css: string,
  onProgress: (done: number, total: number) => void = () => {},
): string {
  const banner = model.redaction.isRedacted
    ? `<p class="banner" id="redacted">REDACTED REPORT: identity codes and person names are replaced by masks (HETU-n, NAME-n; the same value always has the same mask). ${model.redaction.maskedIdentityCodes} identity codes and ${model.redaction.maskedNames} names are masked.${model.redaction.limitation ? ` ${e(model.redaction.limitation)}` : ''}</p>`
    : '';
  const notes =
    model.notes.length > 0
      ? `<h2>Notes</h2><ul>${model.notes.map((note) => `<li>${e(note)}</li>`).join('')}</ul>`
      : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Archivist ${e(model.toolVersion)}">
<title>${e(model.title)}</title>
<style>
${css}
</style>
</head>
<body>
<header>
<h1>${e(model.title)}</h1>
${banner}
<dl class="facts">
<dt>Environment</dt><dd>${e(model.environments.join(', '))}</dd>
<dt>Operator</dt><dd>${e(model.operator)}</dd>
<dt>Made at</dt><dd>${e(localTime(model.createdAt))}</dd>
<dt>Tool</dt><dd>Archivist ${e(model.toolVersion)}</dd>
</dl>
<p class="summary" id="summary">${e(summaryText(model))}</p>
${howToCheck}
</header>
<h2>Documents</h2>
${documentsHtml(model)}
<h2>Ignore profile and hidden differences</h2>
${hiddenHtml(model)}
<h2>Test-data findings</h2>
${findingsHtml(model)}
<h2>Metadata changes</h2>
${metadataHtml(model)}
<h2>Change list</h2>
${changeListHtml(model, changesOnPage(model), table)}
<h2>Content, side by side (${model.content.leftLines} / ${model.content.rightLines} canonical lines)</h2>
${contentDiffHtml(model, onProgress)}
<h2>Audit checkpoint</h2>
${checkpointHtml(model)}
${notes}
</body>
</html>
`;
}
