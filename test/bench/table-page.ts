/**
 * The bench-only page for `table.bench.ts`: renders the real DocumentTable with 100,000 synthetic
 * rows in Chromium and exposes measurements on `window.tableBench`. It is bundled by the bench
 * with esbuild and never part of the app: the app has no way to load synthetic rows.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import '../../renderer/src/styles.css';
import type { DocumentRow, RowStatus } from '../../shared/ipc/workspace-types';
import { DocumentTable } from '../../renderer/src/table/document-table';

const statuses: readonly RowStatus[] = ['current', 'current', 'current', 'replaced', 'invalidated'];
const titles = ['Lääkemääräys', 'Hoitojakso', 'Laboratoriotulos', 'Kuvantamislausunto', 'Lähete'];
const registers = ['Julkinen terveydenhuolto', 'Yksityinen terveydenhuolto', 'Työterveyshuolto'];
const views = ['Hoitokertomus', 'Lääkitys', 'Tutkimukset', 'Lähetteet ja palautteet'];

/** Deterministic synthetic rows shaped like search results (no randomness between runs). */
export function syntheticRows(count: number): DocumentRow[] {
  const rows: DocumentRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const day = 1 + ((index * 7919) % 28);
    const month = 1 + ((index * 104729) % 12);
    const year = 2015 + (index % 11);
    const serial = String(index).padStart(6, '0');
    rows.push({
      resourceId: `bench-${index}`,
      documentId: `1.2.246.10.99999999.10.${index}.2024`,
      setId: `1.2.246.10.99999999.11.${Math.floor(index / 3)}`,
      versionNumber: 1 + (index % 3),
      title: `${titles[index % titles.length]} ${serial}`,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:00:00Z`,
      patient: `${String(day).padStart(2, '0')}0${index % 10}81-9${String(index % 100).padStart(2, '0')}X`,
      register: registers[index % registers.length] ?? '',
      view: views[index % views.length] ?? '',
      organisation: `Testisairaala ${index % 50}`,
      status: statuses[index % statuses.length] ?? 'current',
      identityProblems: index % 997 === 0 ? ['Not a test identity code.'] : [],
    });
  }
  return rows;
}

/** Keeps the table's remembered layout out of the real localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
  );
}

let root: Root | undefined;
let rows: DocumentRow[] = [];

const bench = {
  /** Builds the rows (not timed: they arrive from a search). */
  prepare(count: number): void {
    rows = syntheticRows(count);
  },
  /** Milliseconds from render start to the first frame showing the table. */
  async render(): Promise<number> {
    const host = document.getElementById('root');
    if (!host) throw new Error('no #root');
    root?.unmount();
    root = createRoot(host);
    const started = performance.now();
    const element = createElement(DocumentTable, {
      rows,
      onOpen: () => undefined,
      storage: memoryStorage(),
    });
    flushSync(() => root?.render(element));
    return (await afterNextFrame()) - started;
  },
  /** Milliseconds from a click on a column's sort button to the next frame. */
  async sortBy(header: string): Promise<number> {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.sort-button')].find(
      (candidate) => candidate.textContent?.trim().startsWith(header),
    );
    if (!button) throw new Error(`no sort button ${header}`);
    const started = performance.now();
    button.click();
    return (await afterNextFrame()) - started;
  },
  /** Plain Array.sort of the same rows by date: the baseline the table's sort is read against. */
  baselineSort(): number {
    const started = performance.now();
    [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return performance.now() - started;
  },
  rowElements: (): number => document.querySelectorAll('.table-body [role="row"]').length,
  firstRowText: (): string => document.querySelector('.table-body [role="row"]')?.textContent ?? '',
  shownCount: (): number =>
    Number(document.querySelector('.document-table')?.getAttribute('data-row-count') ?? NaN),
  /** Times each keystroke (keydown to the frame after it) while the bench types into a filter. */
  watchKeystrokes(): number[] {
    const times: number[] = [];
    document.addEventListener(
      'keydown',
      () => {
        const started = performance.now();
        void afterNextFrame().then((ended) => times.push(ended - started));
      },
      { capture: true },
    );
    return times;
  },
  keystrokeTimes: [] as number[],
  /** Scrolls the grid frame by frame and reports long tasks (> 50 ms) seen meanwhile. */
  async scroll(frames: number, pixelsPerFrame: number) {
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    if (!grid) throw new Error('no grid');
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    let maxRows = 0;
    for (let frame = 0; frame < frames; frame += 1) {
      grid.scrollTop += frame % 50 === 49 ? pixelsPerFrame * 40 : pixelsPerFrame;
      await afterNextFrame();
      maxRows = Math.max(maxRows, bench.rowElements());
    }
    await afterNextFrame();
    observer.disconnect();
    return { longTasks, maxRows, scrollTop: grid.scrollTop };
  },
};
bench.keystrokeTimes = bench.watchKeystrokes();

(window as unknown as { tableBench: typeof bench }).tableBench = bench;
