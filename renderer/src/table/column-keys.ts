/**
 * Per-column keys of one set of rows: the ranks of each column for sorting (column-ranks.ts) and
 * the lower-cased text the filters search (row-search.ts). Profiling the 100,000-row table showed
 * sort and filter time going to react-table calling getValue and a comparator per row per
 * comparison; with these keys a sort is a counting sort of row indices and a filter keystroke a
 * few native scans. They are built in background tasks once the table is shown (`prepare`), and
 * on demand when needed sooner.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { finish, rankSteps, type ColumnRanks, type RankSteps } from './column-ranks';
import { documentColumns, type DocumentColumn } from './document-columns';
import { RowSearch } from './row-search';

export type { ColumnRanks } from './column-ranks';

/**
 * The columns idle time prepares, the likeliest sorts first. Not the OID columns: their natural
 * keys made most of the idle work's garbage in a profile (collections pausing the page while the
 * user typed), and they are rarely sorted; their first sort builds their ranks.
 */
const preparedColumns = ['date', 'title', 'patient', 'status']
  .map((id) => documentColumns.find((column) => column.id === id))
  .concat(documentColumns)
  .filter(
    (column, index, all): column is DocumentColumn =>
      !!column && all.indexOf(column) === index && column.sort !== 'natural',
  );

export class ColumnKeys {
  private readonly ranks = new Map<string, ColumnRanks>();
  private readonly pending = new Map<string, RankSteps>();
  /** What the filters search; built block by block, first of everything `prepare` builds. */
  readonly search: RowSearch;

  constructor(readonly rows: readonly DocumentRow[]) {
    this.search = new RowSearch(rows);
  }

  get count(): number {
    return this.rows.length;
  }

  /** The column's ranks, finishing what background tasks started (or all of it). */
  ranksOf(column: DocumentColumn): ColumnRanks {
    let ranks = this.ranks.get(column.id);
    if (!ranks) {
      ranks = finish(this.pending.get(column.id) ?? rankSteps(this.rows, column));
      this.pending.delete(column.id);
      this.ranks.set(column.id, ranks);
    }
    return ranks;
  }

  /**
   * Works for about `budgetMs` on what sorting and filtering will need: the search text first (a
   * keystroke that comes before it is built pays for all of it, while a sort pays only for its
   * own column), then the columns' ranks, the likeliest sorts first; true when all is built.
   */
  prepare(budgetMs: number): boolean {
    const started = performance.now();
    const isOver = () => performance.now() - started >= budgetMs;
    return this.prepareSearch(isOver) && this.prepareRanks(preparedColumns, isOver);
  }

  private prepareSearch(isOver: () => boolean): boolean {
    while (this.search.buildNext()) if (isOver()) return this.search.isBuilt;
    return true;
  }

  private prepareRanks(columns: readonly DocumentColumn[], isOver: () => boolean): boolean {
    for (const column of columns) {
      if (this.ranks.has(column.id)) continue;
      let steps = this.pending.get(column.id);
      if (!steps) this.pending.set(column.id, (steps = rankSteps(this.rows, column)));
      for (;;) {
        const next = steps.next();
        if (next.done) {
          this.ranks.set(column.id, next.value);
          this.pending.delete(column.id);
          break;
        }
        if (isOver()) return false;
      }
    }
    return true;
  }
}
