/**
 * The plain-text form of a comparison, as `archivist compare` prints it: who is compared, the
 * profile and its hash, the change list grouped header / section / entry / metadata, what the
 * profile hid and why, then the content changes of the canonical XML with their word diffs.
 */
import type { ChangeListItem } from './cda-change-list';
import type { CompareResult, ComparedDocument } from './compare-documents';
import type { ContentChange } from './content-changes';

const groupTitles: readonly [ChangeListItem['group'], string][] = [
  ['header', 'Header'],
  ['section', 'Sections'],
  ['entry', 'Entries'],
  ['metadata', 'Metadata'],
];

function describe(document: ComparedDocument): string {
  const version = document.versionNumber === undefined ? '' : ` v${document.versionNumber}`;
  const title = document.title === undefined ? '' : ` "${document.title}"`;
  return `${document.format} ${document.id}${version}${title}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function contentLines(change: ContentChange): string[] {
  const where = [
    change.leftSourceLine ? `left line ${change.leftSourceLine}` : '',
    change.rightSourceLine ? `right line ${change.rightSourceLine}` : '',
  ].filter((part) => part !== '');
  const lines = [`  @@ ${change.path}${where.length > 0 ? ` (${where.join(', ')})` : ''}`];
  change.removed.forEach((line, k) => {
    const words = change.words?.[k];
    const marked = words
      ? words
          .filter((s) => s.kind !== 'added')
          .map((s) => (s.kind === 'removed' ? `[-${s.text}-]` : s.text))
          .join('')
      : line;
    lines.push(`  - ${marked.trimStart()}`);
  });
  change.added.forEach((line, k) => {
    const words = change.words?.[k];
    const marked = words
      ? words
          .filter((s) => s.kind !== 'removed')
          .map((s) => (s.kind === 'added' ? `{+${s.text}+}` : s.text))
          .join('')
      : line;
    lines.push(`  + ${marked.trimStart()}`);
  });
  if (change.omittedLines) lines.push(`  … ${plural(change.omittedLines, 'more line')} not shown`);
  return lines;
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
    result.identical
      ? 'identical: no differences in metadata or content'
      : `different: ${plural(result.shownDifferences, 'difference')} shown, ${hidden} hidden by the profile`,
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
