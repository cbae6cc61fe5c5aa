/**
 * The plain-text form of a comparison, as `archivist compare` prints it: who is compared, the
 * profile and its hash, the change list grouped header / section / entry / metadata, what the
 * profile hid and why, then the content changes of the canonical XML with their word diffs.
 */
import type { ChangeListItem } from './cda-change-list';
import type { CompareResult } from './compare-result';
import type { ComparedDocument } from './compared-document';
import type { ContentChange } from './content-changes';
import { storedStatusLabel } from './metadata-status';
import { markedRuns } from './word-marks';

const groupTitles: readonly [ChangeListItem['group'], string][] = [
  ['header', 'Header'],
  ['section', 'Sections'],
  ['entry', 'Entries'],
  ['metadata', 'Metadata'],
];

function describe(document: ComparedDocument): string {
  const version = document.versionNumber === undefined ? '' : ` v${document.versionNumber}`;
  const title = document.title === undefined ? '' : ` "${document.title}"`;
  const status =
    document.storedStatus === undefined
      ? ''
      : `, stored ${storedStatusLabel(document.storedStatus)}`;
  return `${document.format} ${document.id}${version}${title}${status}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Line k of one side of a change, its word diff marked `[-removed-]` or `{+added+}`. */
function markedLine(change: ContentChange, k: number, side: 'left' | 'right'): string {
  const line = (side === 'left' ? change.removed : change.added)[k] ?? '';
  const words = change.words?.[k];
  if (!words) return line;
  const [open, close] = side === 'left' ? ['[-', '-]'] : ['{+', '+}'];
  return markedRuns(words, side)
    .map((run) => (run.isChanged ? `${open}${run.text}${close}` : run.text))
    .join('');
}

/**
 * One side's lines of a change, marked `-` or `+`. A run of moved lines is one line that says
 * where they went (or came from), with the first of them: they are unchanged there, and listed
 * whole, a swapped block of sections buried the real changes (issue 7 review).
 */
function sideLines(change: ContentChange, side: 'left' | 'right'): string[] {
  const [lines, first, marker, kind, other] =
    side === 'left'
      ? ([change.removed, change.leftStart, '-', 'removed', 'to right'] as const)
      : ([change.added, change.rightStart, '+', 'added', 'from left'] as const);
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const run = change.moved?.find((moved) => moved.side === kind && moved.start === first + k);
    if (!run) {
      // The canonical form's indentation is depth; the text output leaves it out (and never marks it).
      out.push(`  ${marker} ${markedLine(change, k, side).trimStart()}`);
      continue;
    }
    const count = run.end - run.start;
    const where = run.otherSourceLine
      ? `line ${run.otherSourceLine}`
      : `canonical line ${run.otherStart + 1}`;
    const more = count > 1 ? ` … (${plural(count, 'line')})` : '';
    out.push(`  ${marker} moved ${other} ${where}: ${lines[k]!.trimStart()}${more}`);
    k += count - 1;
  }
  return out;
}

function contentLines(change: ContentChange): string[] {
  const where = [
    change.leftSourceLine ? `left line ${change.leftSourceLine}` : '',
    change.rightSourceLine ? `right line ${change.rightSourceLine}` : '',
  ].filter((part) => part !== '');
  const lines = [`  @@ ${change.path}${where.length > 0 ? ` (${where.join(', ')})` : ''}`];
  lines.push(...sideLines(change, 'left'), ...sideLines(change, 'right'));
  if (change.omittedLines) lines.push(`  … ${plural(change.omittedLines, 'more line')} not shown`);
  return lines;
}

/**
 * What the "different" line counts, said in words: metadata changes and content changes (hunks
 * of the canonical XML) are what `shownDifferences` adds up, and the change list, which names
 * them in domain terms, usually has more items (issue 7 review, finding F: "2 differences shown"
 * above six items read as a miscount).
 */
function summary(result: CompareResult, hidden: number): string {
  // Everything hidden: "different: 0 … and 0 … shown" read as a contradiction (issue 7 review).
  if (result.shownDifferences === 0)
    return `no differences shown: the ${plural(hidden, 'difference')} found ${hidden === 1 ? 'is' : 'are'} hidden by the profile`;
  const metadata = plural(result.metadata.shown.length, 'metadata change');
  const content = plural(result.content.shown.length, 'content change');
  const items = plural(result.changeList.shown.length, 'item');
  return `different: ${metadata} and ${content} shown (${items} in the change list), ${hidden} hidden by the profile`;
}

/** The comparison as text; `names` are the files or references as the tester gave them. */
export function formatCompareText(
  result: CompareResult,
  names: { left: string; right: string },
): string {
  const hidden = result.metadata.hidden.length + result.content.hidden.length;
  const out = [
    `left:  ${names.left}: ${describe(result.left)}`,
    `right: ${names.right}: ${describe(result.right)}`,
    `ignore profile: ${result.profile.id} (sha256 ${result.profile.sha256})`,
    result.identical ? 'identical: no differences in metadata or content' : summary(result, hidden),
  ];
  for (const [group, title] of groupTitles) {
    const items = result.changeList.shown.filter((item) => item.group === group);
    if (items.length === 0) continue;
    out.push('', `${title}:`, ...items.map((item) => `  ${item.text}`));
  }
  if (result.hiddenByRule.length > 0) {
    out.push(
      '',
      'Hidden by the ignore profile (shown with --ignore none, listed in --format json):',
    );
    for (const rule of result.hiddenByRule) {
      const count = rule.metadata + rule.content;
      out.push(`  ${plural(count, 'difference')} hidden by rule ${rule.rule}: ${rule.reason}`);
    }
  }
  if (result.content.shown.length > 0) {
    out.push('', 'Content (canonical XML; [-removed-] {+added+}):');
    for (const change of result.content.shown) out.push(...contentLines(change));
  }
  if (result.notes.length > 0) out.push('', 'Notes:', ...result.notes.map((note) => `  ${note}`));
  return `${out.join('\n')}\n`;
}
