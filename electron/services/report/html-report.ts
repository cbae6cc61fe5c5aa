/**
 * The HTML report: one self-contained page (inline CSS, no scripts, no external requests; its CSP
 * forbids all three) that reads and prints well. The integrity manifest is appended by
 * integrity.ts as a JSON data block, which browsers never execute.
 */
import { describeReportedValue } from '../../../shared/compare/describe-value';
import { modelPathLinker } from '../../../shared/compare/model-path-links';
import type { ReportModel } from '../../../shared/report/report-model';
import { contentDiffHtml } from './html-content-diff';
import { escapeHtml as e } from './html-escape';

/** No network, no scripts, inline styles only: the report must stand alone and stay inert. */
export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th>${e(header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((value) => `<td>${value}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}</tbody></table>`;
}

function documentsHtml(model: ReportModel): string {
  const { left, right } = model.documents;
  const row = (label: string, a: string | number | undefined, b: string | number | undefined) => [
    e(label),
    `<span class="mono">${e(String(a ?? '—'))}</span>`,
    `<span class="mono">${e(String(b ?? '—'))}</span>`,
  ];
  return table(
    ['', 'Left', 'Right'],
    [
      row('Source', left.source, right.source),
      row('Environment', left.environment ?? 'local file', right.environment ?? 'local file'),
      row('Format', left.format, right.format),
      row('Document id', left.id, right.id),
      row('Set id', left.setId, right.setId),
      row('Version', left.versionNumber, right.versionNumber),
      row('Title', left.title, right.title),
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
  return text === value ? e(text) : `<span title="${e(value)}">${e(text)}</span>`;
}

/** A short cell that must not break inside a word (cells break anywhere so long OIDs fit). */
function nowrap(text: string): string {
  return `<span class="nowrap">${e(text)}</span>`;
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

/**
 * An item's source lines: its own, or for a header or metadata item (a model path, no lines) those
 * of the content change on its field's element, as the app's change list links them.
 */
function linesOf(
  change: ReportModel['changes'][number],
  model: ReportModel,
  linkOf: (modelPath: string) => number | undefined,
): string {
  const index =
    change.pathKind === 'model' && change.leftLine === undefined && change.rightLine === undefined
      ? linkOf(change.path)
      : undefined;
  const linked = index === undefined ? undefined : model.content.changes[index];
  const left = linked ? linked.leftSourceLine : change.leftLine;
  const right = linked ? linked.rightSourceLine : change.rightLine;
  return `${left ?? '—'} / ${right ?? '—'}`;
}

function changesHtml(model: ReportModel): string {
  if (model.changes.length === 0) return '<p>The change list is empty.</p>';
  const linkOf = modelPathLinker(model.content.changes);
  const truncated = model.changeListTruncated
    ? '<p class="note">The change list was cut at its limit; the content diff below is complete.</p>'
    : '';
  return `${truncated}${table(
    ['#', 'Where', 'Change', 'Lines (left / right)'],
    model.changes.map((change, index) => [
      nowrap(String(index + 1)),
      nowrap(change.group),
      e(change.text),
      linesOf(change, model, linkOf),
    ]),
  )}`;
}

function checkpointHtml(model: ReportModel): string {
  const checkpoint = model.auditCheckpoint;
  if (!checkpoint) return '<p>No audit checkpoint was available when this report was made.</p>';
  return `<dl class="facts"><dt>Sequence</dt><dd>${checkpoint.sequence}</dd><dt>Chain hash</dt><dd class="mono">${e(checkpoint.hash)}</dd><dt>Signed at</dt><dd>${e(checkpoint.time)}</dd><dt>Signature</dt><dd class="mono">${e(checkpoint.signature)}</dd></dl>`;
}

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
<dt>Made at</dt><dd>${e(model.createdAt)}</dd>
<dt>Tool</dt><dd>Archivist ${e(model.toolVersion)}</dd>
</dl>
<p class="summary" id="summary">${e(summaryText(model))}</p>
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
${changesHtml(model)}
<h2>Content, side by side (${model.content.leftLines} / ${model.content.rightLines} canonical lines)</h2>
${contentDiffHtml(model, onProgress)}
<h2>Audit checkpoint</h2>
${checkpointHtml(model)}
${notes}
</body>
</html>
`;
}
