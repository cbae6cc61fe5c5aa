/** The Columns menu: show or hide each column, move it left or right, reset the layout. */
import type { DocumentTableInstance } from './table-instance';

export interface ColumnMenuProps {
  readonly table: DocumentTableInstance;
  readonly onReset: () => void;
}

export function ColumnMenu({ table, onReset }: ColumnMenuProps) {
  const columns = table.getAllLeafColumns();

  function move(id: string, by: -1 | 1): void {
    const order = columns.map((c) => c.id);
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    order.splice(to, 0, ...order.splice(from, 1));
    table.setColumnOrder(order);
  }

  return (
    <details className="column-menu">
      <summary>Columns</summary>
      <ul>
        {columns.map((c) => {
          const name = String(c.columnDef.header);
          return (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={c.getIsVisible()}
                  onChange={c.getToggleVisibilityHandler()}
                />{' '}
                {name}
              </label>
              <button type="button" aria-label={`Move ${name} left`} onClick={() => move(c.id, -1)}>
                ←
              </button>
              <button type="button" aria-label={`Move ${name} right`} onClick={() => move(c.id, 1)}>
                →
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onReset}>
        Reset layout
      </button>
    </details>
  );
}
