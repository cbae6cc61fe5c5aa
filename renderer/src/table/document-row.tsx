/**
 * One row of the document table. Memoised: while scrolling only the rows coming into view render
 * (a profile of the old table showed every visible row and cell re-rendered on each scroll
 * frame), and a change of the active or selected row re-renders just the rows it touches. Every
 * prop is a value or a callback that keeps its identity.
 */
import { memo } from 'react';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import type { DocumentColumn } from './document-columns';

export const rowHeight = 32;

export interface ShownColumn {
  readonly column: DocumentColumn;
  readonly width: number;
}

export interface DocumentRowViewProps {
  readonly row: DocumentRow;
  /** Position among the shown rows. */
  readonly index: number;
  readonly columns: readonly ShownColumn[];
  readonly isActive: boolean;
  readonly isSelected: boolean;
  readonly onActivate: (index: number) => void;
  readonly onOpen: (row: DocumentRow) => void;
  readonly onToggle: (resourceId: string) => void;
}

export const DocumentRowView = memo(function DocumentRowView({
  row,
  index,
  columns,
  isActive,
  isSelected,
  onActivate,
  onOpen,
  onToggle,
}: DocumentRowViewProps) {
  return (
    <div
      id={`doc-row-${row.resourceId}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      data-status={row.status}
      className={`table-row${isActive ? ' is-active' : ''}${isSelected ? ' is-selected' : ''}`}
      style={{
        transform: `translateY(${index * rowHeight}px)`,
        height: rowHeight,
        // A row never changes the size of anything around it: its layout stays inside it.
        contain: 'strict',
      }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row)}
    >
      <div role="gridcell" className="table-cell select-cell">
        <input
          type="checkbox"
          aria-label={`Select ${row.title || row.documentId}`}
          checked={isSelected}
          onChange={() => onToggle(row.resourceId)}
          tabIndex={-1}
        />
      </div>
      {columns.map(({ column, width }) => (
        <div
          key={column.id}
          role="gridcell"
          className="table-cell"
          style={{ width }}
          // Narrow columns cut long text: the tooltip has all of it.
          title={column.cell ? undefined : String(column.value(row))}
        >
          {column.cell ? column.cell(row) : column.value(row)}
        </div>
      ))}
    </div>
  );
});
