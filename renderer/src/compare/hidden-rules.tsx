/**
 * What the ignore profile hid, rule by rule ("N differences hidden by rule R: reason"), each with
 * a Reveal toggle that brings its hidden changes into the diff, the metadata table and the list.
 */
import type { HiddenCount } from '../../../shared/compare/compare-documents';

function countText(entry: HiddenCount): string {
  const total = entry.metadata + entry.content;
  return `${total} ${total === 1 ? 'difference' : 'differences'}`;
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
      {hidden.map((entry) => {
        const isRevealed = revealed.has(entry.rule);
        return (
          <li key={entry.rule}>
            {countText(entry)} hidden by rule <code>{entry.rule}</code>: {entry.reason}
            {entry.changeList > 0 && (
              <span className="muted"> ({entry.changeList} change-list items)</span>
            )}{' '}
            <button
              type="button"
              className="small-button"
              aria-pressed={isRevealed}
              onClick={() => onToggle(entry.rule)}
            >
              {isRevealed ? `Hide rule ${entry.rule} again` : `Reveal rule ${entry.rule}`}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
