/**
 * The canonical lines the view shows, fetched from main by range (`documents:compare-lines`) as
 * rows ask for them, in chunks that are kept once fetched. The compare answer no longer carries
 * every line: on a 2 MB pair that answer was ~8 MB, parsed in one long task on the UI thread.
 * A row whose chunk is still on its way shows a placeholder, and one whose chunk could not be
 * fetched shows the reason; never a blank line.
 */
import type {
  CompareLineSide,
  CompareLinesRequest,
  CompareLinesResult,
} from '../../../shared/ipc/compare-types';
import type { Result } from '../../../shared/result';

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

type Chunk = { readonly lines: readonly string[] } | { readonly message: string } | 'pending';

const loading: LineState = { kind: 'loading' };

/** What a row shows for a line: its text, or a sentence saying why the text is not there. */
export function lineText(state: LineState): string {
  if (state.kind === 'text') return state.text;
  if (state.kind === 'loading') return 'Loading line…';
  return `This line could not be loaded: ${state.message}`;
}

/**
 * A cache of both sides' lines for one comparison. `onLoaded` runs after each chunk arrives (or
 * fails), so the view can render again. The chunks a render asked for are fetched together in a
 * task of their own after it (each fetch costs the UI thread about a millisecond).
 */
export function createLineCache(
  compareId: string,
  counts: { readonly left: number; readonly right: number },
  fetchLines: FetchLines,
  onLoaded: () => void,
): { readonly left: LineSource; readonly right: LineSource; readonly version: () => number } {
  let version = 0;
  const settled = () => {
    version++;
    onLoaded();
  };

  const queued: (() => void)[] = [];
  const enqueue = (fetchChunk: () => void) => {
    if (queued.push(fetchChunk) === 1)
      setTimeout(() => {
        for (const start of queued.splice(0)) start();
      }, 0);
  };

  function side(name: CompareLineSide): LineSource {
    const count = counts[name];
    const chunks = new Map<number, Chunk>();
    const fetchChunk = (index: number) => {
      const start = index * chunkLines;
      void fetchLines({
        compareId,
        side: name,
        start,
        count: Math.min(chunkLines, count - start),
      }).then(
        (answer) => {
          chunks.set(
            index,
            answer.ok ? { lines: answer.value.lines } : { message: answer.error.message },
          );
          settled();
        },
        () => {
          chunks.set(index, { message: 'the workspace did not answer.' });
          settled();
        },
      );
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
          enqueue(() => fetchChunk(index));
          return loading;
        }
        if (chunk === 'pending') return loading;
        if ('message' in chunk) return { kind: 'failed', message: chunk.message };
        const text = chunk.lines[line - index * chunkLines];
        return text === undefined
          ? { kind: 'failed', message: 'the workspace sent fewer lines than asked for.' }
          : { kind: 'text', text };
      },
    };
  }

  return { left: side('left'), right: side('right'), version: () => version };
}
