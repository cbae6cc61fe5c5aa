/**
 * The metadata diff: one row per changed field with both values and their Kanta code labels.
 * Fields the archive fills in are marked "expected to differ" in words, and changes an ignore
 * rule hides appear only once their rule is revealed, marked with the rule. A long table starts
 * capped to a few rows with a "Show all N" button: at 1280x720 its 19 rows pushed the content
 * diff below the fold (issue 7 review). Fields read as words (field-label.ts), their model path
 * under them when it has more than one step.
 */
import { useState } from 'react';
import { describeValue } from '../../../shared/compare/describe-value';
import { defaultContentLanguage } from '../../../shared/documents/content-language';
import type { MetadataChange } from '../../../shared/compare/metadata-diff';
import { fieldLabel } from '../../../shared/compare/field-label';

export type ShownMetadataChange = MetadataChange & { readonly hiddenBy?: string };

/** Tables up to this many rows are shown whole; longer ones start capped near this height. */
const cappedRows = 4;

/**
 * One side's value in the words the change list uses (describe-value.ts), with the raw value as
 * the cell's tooltip where the words differ from it (an HL7 time, a structure): whole authors or related documents
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
  const raw =
    value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <td
      className={className}
      title={raw !== undefined && raw !== text ? raw : undefined}
      // The document's value (a title, a name, a code's label) is Finnish; "(none)" is not.
      lang={value === undefined ? undefined : defaultContentLanguage}
    >
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
  const [isAllShown, setAllShown] = useState(false);
  if (changes.length === 0) return <p className="muted">No metadata differences are shown.</p>;
  const isCapped = changes.length > cappedRows && !isAllShown;
  return (
    <>
      <div className={isCapped ? 'metadata-diff-scroll is-capped' : 'metadata-diff-scroll'}>
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
                  <th scope="row" title={change.path}>
                    {fieldLabel(change.path)}
                    {/[.[]/.test(change.path) && <code className="field-path">{change.path}</code>}
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
      {changes.length > cappedRows && (
        <button
          type="button"
          className="small-button"
          aria-expanded={isAllShown}
          onClick={() => setAllShown((old) => !old)}
        >
          {isAllShown
            ? 'Show fewer metadata differences'
            : `Show all ${changes.length} metadata differences`}
        </button>
      )}
    </>
  );
}
