/**
 * The metadata diff: one row per changed field with both values and their Kanta code labels.
 * Fields the archive fills in are marked "expected to differ" in words, and changes an ignore
 * rule hides appear only once their rule is revealed, marked with the rule.
 */
import { describeValue } from '../../../shared/compare/describe-value';
import type { MetadataChange } from '../../../shared/compare/metadata-diff';

export type ShownMetadataChange = MetadataChange & { readonly hiddenBy?: string };

/**
 * One side's value in the words the change list uses (describe-value.ts), with the raw value as
 * the cell's tooltip where the words leave something out: whole authors or related documents
 * as JSON squeezed the other columns until OIDs wrapped over four lines (issue 7 review).
 */
function ValueCell({
  value,
  label,
  className,
}: {
  readonly value: MetadataChange['left'];
  readonly label: string | undefined;
  readonly className: string;
}) {
  const text = describeValue(value, label) ?? '(none)';
  const raw = value === undefined || typeof value === 'string' ? undefined : JSON.stringify(value);
  return (
    <td className={className} title={raw !== undefined && raw !== text ? raw : undefined}>
      {text}
    </td>
  );
}

export function MetadataDiffTable({
  changes,
  reviewed,
  markKeyOf,
  onToggleReviewed,
}: {
  readonly changes: readonly ShownMetadataChange[];
  readonly reviewed: ReadonlySet<string>;
  /** The key of a change's reviewed mark (reviewed-keys.ts: it depends on the sides' order). */
  readonly markKeyOf: (change: ShownMetadataChange) => string;
  readonly onToggleReviewed: (key: string) => void;
}) {
  if (changes.length === 0) return <p className="muted">No metadata differences are shown.</p>;
  return (
    <div className="metadata-diff-scroll">
      <table className="metadata-diff" aria-label="Metadata differences">
        <thead>
          <tr>
            <th scope="col">Reviewed</th>
            <th scope="col">Field</th>
            <th scope="col">Change</th>
            <th scope="col">Left</th>
            <th scope="col">Right</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const key = markKeyOf(change);
            const isReviewed = reviewed.has(key);
            return (
              <tr key={key} className={change.expected ? 'is-expected' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    checked={isReviewed}
                    onChange={() => onToggleReviewed(key)}
                    aria-label={`Reviewed: ${change.path}`}
                  />
                </td>
                <th scope="row">
                  <code>{change.path}</code>
                </th>
                <td>{change.kind}</td>
                <ValueCell
                  value={change.left}
                  label={change.leftLabel}
                  className={change.kind === 'added' ? 'muted' : 'is-removed'}
                />
                <ValueCell
                  value={change.right}
                  label={change.rightLabel}
                  className={change.kind === 'removed' ? 'muted' : 'is-added'}
                />
                <td>
                  {change.expected && (
                    <span className="expected-chip">archive-filled: expected to differ</span>
                  )}
                  {change.hiddenBy && (
                    <span className="hidden-chip">
                      hidden by rule <code>{change.hiddenBy}</code>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
