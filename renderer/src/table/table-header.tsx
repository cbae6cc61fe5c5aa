/**
 * The header row: select-all, then per column a sort button (Shift-click adds a second sort), a
 * filter box and a resize handle, all driven by the react-table instance's column state.
 */
import type { DocumentTableInstance } from './table-instance';

export interface TableHeaderProps {
  readonly table: DocumentTableInstance;
  readonly width: number;
  readonly allSelected: boolean;
  /** A second header line per column id: what the column covers. */
  readonly notes?: Readonly<Record<string, string>>;
  readonly onToggleAll: () => void;
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

export function TableHeader({ table, width, allSelected, notes, onToggleAll }: TableHeaderProps) {
  return (
    <div className="table-head" role="rowgroup" style={{ width }}>
      {table.getHeaderGroups().map((group) => (
        <div key={group.id} role="row" aria-rowindex={1} className="table-row header-row">
          <div role="columnheader" className="table-cell select-cell">
            <input
              type="checkbox"
              aria-label="Select all shown documents"
              checked={allSelected}
              onChange={onToggleAll}
              tabIndex={-1}
            />
          </div>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const name = String(header.column.columnDef.header);
            return (
              <div
                key={header.id}
                role="columnheader"
                className="table-cell"
                style={{ width: header.getSize() }}
                aria-sort={sorted ? ariaSort[sorted] : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={header.column.getToggleSortingHandler()}
                  title="Sort (Shift adds a second sort)"
                >
                  <table.FlexRender header={header} />
                  <span aria-hidden="true">
                    {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                  </span>
                  {notes?.[header.column.id] && (
                    <span className="header-note">{notes[header.column.id]}</span>
                  )}
                </button>
                {header.column.getCanFilter() && (
                  <input
                    className="column-filter"
                    type="search"
                    aria-label={`Filter ${name}`}
                    value={String(header.column.getFilterValue() ?? '')}
                    onChange={(event) => header.column.setFilterValue(event.target.value)}
                    onKeyDown={(event) => event.stopPropagation()}
                  />
                )}
                <span
                  className="resize-handle"
                  aria-hidden="true"
                  onMouseDown={header.getResizeHandler()}
                  onTouchStart={header.getResizeHandler()}
                />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
