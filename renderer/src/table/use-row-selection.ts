/**
 * The table's multi-select as a set of resource ids (it survives sorting, filtering and a new
 * search result holding the same documents). Kept here rather than in react-table, whose
 * selection works on the Row objects the table no longer builds.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';

export interface RowSelection {
  readonly selected: ReadonlySet<string>;
  readonly toggle: (resourceId: string) => void;
  /** Selects every given row, or unselects them all when all are selected already. */
  readonly toggleAll: (resourceIds: readonly string[]) => void;
}

export function useRowSelection(
  rows: readonly DocumentRow[],
  onSelectionChange?: (rows: readonly DocumentRow[]) => void,
): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (resourceId: string) =>
      setSelected((old) => {
        const next = new Set(old);
        if (!next.delete(resourceId)) next.add(resourceId);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (resourceIds: readonly string[]) =>
      setSelected((old) => {
        const next = new Set(old);
        if (resourceIds.every((id) => old.has(id))) for (const id of resourceIds) next.delete(id);
        else for (const id of resourceIds) next.add(id);
        return next;
      }),
    [],
  );

  // The latest callback without making it a dependency: a new function each render of the parent
  // must not report an unchanged selection again.
  const report = useRef(onSelectionChange);
  useEffect(() => {
    report.current = onSelectionChange;
  }, [onSelectionChange]);
  const selectedRows = useMemo(
    () => (selected.size === 0 ? [] : rows.filter((row) => selected.has(row.resourceId))),
    [rows, selected],
  );
  useEffect(() => report.current?.(selectedRows), [selectedRows]);

  return { selected, toggle, toggleAll };
}
