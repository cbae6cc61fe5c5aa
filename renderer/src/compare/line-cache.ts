/**
 * The canonical lines the view shows, fetched from main by range (`documents:compare-lines`) as
 * rows ask for them, in chunks that are kept once fetched. The compare answer no longer carries
 * every line: on a 2 MB pair that answer was ~8 MB, parsed in one long task on the UI thread.
 * A row whose chunk is still on its way shows a placeholder, and one whose chunk could not be
 * fetched shows the reason; never a blank line.
 */
import {
  maxLinesPerRequest,
  type CompareLineSide,
  type CompareLinesRequest,
  type CompareLinesResult,
} from '../../../shared/ipc/compare-types';
import type { Result } from '../../../shared/result';
import type { DiffRow } from './diff-rows';

/**
 * Lines per request. Small: the rows in view are mostly a few lines of context around changes
 * far apart, so each usually wants its own chunk, and big chunks were mostly unused text to parse.
 */
export const chunkLines = 64;

export type LineState =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string };

/** One side's lines by number; asking for a line not yet fetched starts fetching its chunk. */
export interface LineSource {
  readonly count: number;
  readonly at: (line: number) => LineState;
}

export interface ShownLines {
  readonly left: LineSource;
  readonly right: LineSource;
}

export type FetchLines = (request: CompareLinesRequest) => Promise<Result<CompareLinesResult>>;

/**
 * A fetched chunk keeps the state of each line, and a failed one a single state: `at` returns the
 * same object for a line every time, so a memoised row (diff-row.tsx) given it renders only when
 * its line changed.
 */
type Chunk =
  | { readonly lines: readonly LineState[] }
  | { readonly failed: LineState & { readonly kind: 'failed' } }
  | 'pending';

function failedChunk(message: string): Chunk {
  return { failed: { kind: 'failed', message } };
}

const loading: LineState = { kind: 'loading' };
const tooFewLines: LineState = {
  kind: 'failed',
  message: 'the workspace sent fewer lines than asked for.',
};

/** What a row shows for a line: its text, or a sentence saying why the text is not there. */
export function lineText(state: LineState): string {
  if (state.kind === 'text') return state.text;
  if (state.kind === 'loading') return 'Loading line…';
  return `This line could not be loaded: ${state.message}`;
}

/**
 * Requests started in one task. Each costs the UI thread about a millisecond in the browser
 * harness (a fetch with its JSON); a first screen of a 2 MB pair asks for ten to thirty chunks,
 * which together were a long task on a loaded machine (issue 7).
 */
export const fetchesPerTask = 4;

/**
 * Asked chunks at most this many chunks apart are fetched in one request with the chunks between
 * them: the rows of a first screen are context lines of changes a few hundred lines apart, and one
 * request of a few hundred lines costs far less than a request for each chunk.
 */
export const joinedGap = 3;

/** Chunks per request at most, within main's cap on lines per request. */
const runChunks = Math.floor(maxLinesPerRequest / chunkLines);

/** Asked chunk indices as runs [first, last] to fetch, each one request. */
export function joinedRuns(indices: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && index - run[1] <= joinedGap && index - run[0] < runChunks) run[1] = index;
    else if (!run || index > run[1]) runs.push([index, index]);
  }
  return runs;
}

/**
 * A cache of both sides' lines for one comparison. `onLoaded` runs once after the chunks that
 * arrived (or failed) in a task, so the view renders again once per batch, not once per chunk.
 * The chunks a render asked for are fetched after it, near ones joined (`joinedRuns`), at most
 * `fetchesPerTask` requests started in a task.
 */
export function createLineCache(
  compareId: string,
  counts: { readonly left: number; readonly right: number },
  fetchLines: FetchLines,
  onLoaded: () => void,
): { readonly left: LineSource; readonly right: LineSource; readonly version: () => number } {
  let version = 0;
  let isNotifying = false;
  const settled = () => {
    version++;
    if (isNotifying) return;
    isNotifying = true;
    setTimeout(() => {
      isNotifying = false;
      onLoaded();
    }, 0);
  };

  const queued: (() => void)[] = [];
  const startSome = () => {
    for (const start of queued.splice(0, fetchesPerTask)) start();
    if (queued.length > 0) setTimeout(startSome, 0);
  };
  const enqueue = (fetchRun: () => void) => {
    if (queued.push(fetchRun) === 1) setTimeout(startSome, 0);
  };

  function side(name: CompareLineSide): LineSource {
    const count = counts[name];
    const chunks = new Map<number, Chunk>();
    const wanted: number[] = [];
    const fill = (first: number, last: number, answer: (index: number) => Chunk) => {
      for (let index = first; index <= last; index++) {
        const old = chunks.get(index);
        // A chunk already shown stays as it is; the ones between asked chunks come along.
        if (old === undefined || old === 'pending') chunks.set(index, answer(index));
      }
      settled();
    };
    const fetchRun = (first: number, last: number) => {
      const start = first * chunkLines;
      void fetchLines({
        compareId,
        side: name,
        start,
        count: Math.min((last - first + 1) * chunkLines, count - start),
      }).then(
        (answer) =>
          fill(first, last, (index) => {
            if (!answer.ok) return failedChunk(answer.error.message);
            const from = (index - first) * chunkLines;
            const texts = answer.value.lines.slice(from, from + chunkLines);
            return { lines: texts.map((text): LineState => ({ kind: 'text', text })) };
          }),
        () => fill(first, last, () => failedChunk('the workspace did not answer.')),
      );
    };
    const plan = () => {
      for (const [first, last] of joinedRuns(wanted.splice(0))) {
        for (let index = first; index <= last; index++)
          if (!chunks.has(index)) chunks.set(index, 'pending');
        enqueue(() => fetchRun(first, last));
      }
    };
    return {
      count,
      at(line) {
        if (!Number.isInteger(line) || line < 0 || line >= count)
          return { kind: 'failed', message: `line ${line + 1} is outside the document.` };
        const index = Math.floor(line / chunkLines);
        const chunk = chunks.get(index);
        if (chunk === undefined) {
          chunks.set(index, 'pending');
          if (wanted.push(index) === 1) setTimeout(plan, 0);
          return loading;
        }
        if (chunk === 'pending') return loading;
        if ('failed' in chunk) return chunk.failed;
        return chunk.lines[line - index * chunkLines] ?? tooFewLines;
      },
    };
  }

  return { left: side('left'), right: side('right'), version: () => version };
}

/**
 * Whether both sides' lines of the first `count` rows are there (or failed). Asking starts the
 * fetch of every missing chunk, so all of them are asked for at once.
 */
export function areLinesReady(
  rows: readonly DiffRow[],
  lines: ShownLines | undefined,
  count: number,
): boolean {
  if (!lines) return true;
  let isReady = true;
  for (const row of rows.slice(0, count)) {
    if (row.kind !== 'same') continue;
    if (lines.left.at(row.left).kind === 'loading') isReady = false;
    if (lines.right.at(row.right).kind === 'loading') isReady = false;
  }
  return isReady;
}
