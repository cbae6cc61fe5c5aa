/**
 * The table's problems column: what the DocumentReference shows until "Check listed documents"
 * has read a row's contents (review 11, finding 1: a real person's identity code inside the CDA
 * left the column empty), then what the contents and the listed rows show.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';

/** Every problem sentence the row has, from the DocumentReference and from the check. */
export function rowProblems(row: DocumentRow): readonly string[] {
  const found = row.contentCheck?.problems ?? [];
  return found.length === 0 ? row.identityProblems : [...row.identityProblems, ...found];
}

/** The column's value, as sorted, filtered and exported: one word a filter can find. */
export function problemsMark(row: DocumentRow): string {
  if (rowProblems(row).length > 0) return 'problem';
  if (row.contentCheck?.note) return 'not read';
  return row.contentCheck ? 'checked' : '';
}

export function ProblemsCell({ row }: { readonly row: DocumentRow }) {
  const problems = rowProblems(row);
  const note = row.contentCheck?.note;
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const all = [...problems, ...(note ? [note] : [])];
    return (
      <span className="identity-badge" title={all.join('\n')} aria-label={all.join(' ')}>
        ⚠ {count}
      </span>
    );
  }
  if (note)
    return (
      <span className="check-note" title={note} aria-label={`Contents not read: ${note}`}>
        not read
      </span>
    );
  return row.contentCheck ? <span className="muted">none found</span> : null;
}
