/**
 * The metadata diff: one row per changed field with both values and their Kanta code labels.
 * Fields the archive fills in are marked "expected to differ" in words, and changes an ignore
 * rule hides appear only once their rule is revealed, marked with the rule.
 */
import type { JsonValue, MetadataChange } from '../../../shared/compare/metadata-diff';

export type ShownMetadataChange = MetadataChange & { readonly hiddenBy?: string };

/** Ids as root^extension and codes as their code, as testers read them; anything else as JSON. */
function plainText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { root, extension, code } = value as Record<string, unknown>;
    if (typeof root === 'string')
      return typeof extension === 'string' ? `${root}^${extension}` : root;
    if (typeof code === 'string') return code;
  }
  return JSON.stringify(value);
}

function valueText(value: MetadataChange['left'], label: string | undefined): string {
  if (value === undefined) return '(none)';
  const text = plainText(value);
  return label && label !== text ? `${text} (${label})` : text;
}

export function MetadataDiffTable({
  changes,
  reviewed,
  onToggleReviewed,
}: {
  readonly changes: readonly ShownMetadataChange[];
  readonly reviewed: ReadonlySet<string>;
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
            const key = `m:${change.path}`;
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
                <td className={change.kind === 'added' ? 'muted' : 'is-removed'}>
                  {valueText(change.left, change.leftLabel)}
                </td>
                <td className={change.kind === 'removed' ? 'muted' : 'is-added'}>
                  {valueText(change.right, change.rightLabel)}
                </td>
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
