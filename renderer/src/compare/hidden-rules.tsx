/**
 * What the ignore profile hid, one line per reason ("N differences hidden by rules A and B:
 * reason"), each with a Reveal toggle that brings its hidden changes into the diff, the metadata
 * table and the list. Rules that give the same reason (a model rule and its XML twin) share a
 * line: the tester's review read two lines saying the same as two findings.
 */
import type { HiddenCount } from '../../../shared/compare/compare-result';

/** The rules that give one reason, with what they hid together. */
export interface ReasonGroup {
  readonly rules: readonly string[];
  readonly reason: string;
  readonly differences: number;
  readonly changeList: number;
}

/** The profile's hidden counts merged by reason, in the profile's order of first mention. */
export function groupByReason(hidden: readonly HiddenCount[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const entry of hidden) {
    const old = groups.get(entry.reason);
    groups.set(entry.reason, {
      rules: [...(old?.rules ?? []), entry.rule],
      reason: entry.reason,
      differences: (old?.differences ?? 0) + entry.metadata + entry.content,
      changeList: (old?.changeList ?? 0) + entry.changeList,
    });
  }
  return [...groups.values()];
}

/** "1 difference", "2 change-list items": a count with its noun in the right number. */
export function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "rule a", "rules a and b", "rules a, b and c". */
export function ruleNames(rules: readonly string[]): string {
  if (rules.length === 1) return `rule ${rules[0] ?? ''}`;
  return `rules ${rules.slice(0, -1).join(', ')} and ${rules.at(-1) ?? ''}`;
}

function RuleIds({ rules }: { readonly rules: readonly string[] }) {
  return (
    <>
      {rules.length === 1 ? 'rule ' : 'rules '}
      {rules.map((rule, index) => (
        <span key={rule}>
          {index === 0 ? '' : index === rules.length - 1 ? ' and ' : ', '}
          <code>{rule}</code>
        </span>
      ))}
    </>
  );
}

export function HiddenRules({
  hidden,
  revealed,
  onToggle,
}: {
  readonly hidden: readonly HiddenCount[];
  readonly revealed: ReadonlySet<string>;
  readonly onToggle: (rule: string) => void;
}) {
  if (hidden.length === 0) return null;
  return (
    <ul className="hidden-rules" aria-label="Hidden differences">
      {groupByReason(hidden).map((group) => {
        const isRevealed = group.rules.every((rule) => revealed.has(rule));
        // One toggle for the line: its rules are revealed or hidden together.
        const toggle = () =>
          group.rules
            .filter((rule) => revealed.has(rule) === isRevealed)
            .forEach((rule) => onToggle(rule));
        return (
          <li key={group.rules.join(' ')}>
            {counted(group.differences, 'difference', 'differences')} hidden by{' '}
            <RuleIds rules={group.rules} />: {group.reason}
            {group.changeList > 0 && (
              <span className="muted">
                {' '}
                ({counted(group.changeList, 'change-list item', 'change-list items')})
              </span>
            )}{' '}
            <button
              type="button"
              className="small-button"
              aria-pressed={isRevealed}
              onClick={toggle}
            >
              {isRevealed
                ? `Hide ${ruleNames(group.rules)} again`
                : `Reveal ${ruleNames(group.rules)}`}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
