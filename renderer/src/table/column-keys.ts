/**
 * Per-column keys of one set of rows: the ranks of each column for sorting (column-ranks.ts) and
 * lower-cased texts for filtering. Profiling the 100,000-row table showed sort and filter time
 * going to react-table calling getValue and a comparator per row per comparison; with these keys
 * a sort is a counting sort of row indices and a filter keystroke one `includes` per row. They
 * are built in idle time once the table is shown (`prepare`), and on demand when needed sooner.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { finish, rankSteps, type ColumnRanks, type RankSteps } from './column-ranks';
import { documentColumns, type DocumentColumn } from './document-columns';
import { rowTextOf } from './row-text';

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
  private readonly filterTexts = new Map<string, readonly string[]>();
  private readonly rowTexts: string[] = [];

  constructor(readonly rows: readonly DocumentRow[]) {}

  get count(): number {
    return this.rows.length;
  }

  /** The column's ranks, finishing what idle time started (or all of it). */
  ranksOf(column: DocumentColumn): ColumnRanks {
    let ranks = this.ranks.get(column.id);
    if (!ranks) {
      ranks = finish(this.pending.get(column.id) ?? rankSteps(this.rows, column));
      this.pending.delete(column.id);
      this.ranks.set(column.id, ranks);
    }
    return ranks;
  }

  /** The column's filter texts, lower-cased, computed on the first filter of it. */
  filterTextsOf(column: DocumentColumn): readonly string[] {
    let texts = this.filterTexts.get(column.id);
    if (!texts) {
      const pick = column.filterText ?? ((row: DocumentRow) => String(column.value(row)));
      texts = this.rows.map((row) => pick(row).toLowerCase());
      this.filterTexts.set(column.id, texts);
    }
    return texts;
  }

  /** Every row's "Filter all columns" text, finishing what idle time left. */
  allRowTexts(): readonly string[] {
    const texts = this.rowTexts;
    for (let index = texts.length; index < this.rows.length; index += 1)
      texts.push(rowTextOf(this.rows[index]!));
    return texts;
  }

  /**
   * Works for about `budgetMs` on what sorting and filtering will need: the date and title ranks
   * first (a header click is quicker to make than a filter typed), then the row texts, then the
   * other columns' ranks; true when everything is built.
   */
  prepare(budgetMs: number): boolean {
    const started = performance.now();
    const isOver = () => performance.now() - started >= budgetMs;
    const [first, rest] = [preparedColumns.slice(0, 2), preparedColumns.slice(2)];
    return (
      this.prepareRanks(first, isOver) &&
      this.prepareRowTexts(isOver) &&
      this.prepareRanks(rest, isOver)
    );
  }

  private prepareRowTexts(isOver: () => boolean): boolean {
    const texts = this.rowTexts;
    while (texts.length < this.rows.length) {
      const end = Math.min(this.rows.length, texts.length + 200);
      for (let index = texts.length; index < end; index += 1)
        texts.push(rowTextOf(this.rows[index]!));
      if (isOver()) return texts.length === this.rows.length;
    }
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
