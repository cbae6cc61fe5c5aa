/**
 * A one-line progress bar for long command-line work, drawn on stderr only when stderr is a
 * terminal (a pipe or a log file gets nothing, so scripts see only the one-line contract).
 */

/** Draws `[#####.....]  50% rendering` in place; `done()` clears the line. */
export function progressBar(
  write: (text: string) => void,
  isTty: boolean,
  width = 30,
): { readonly update: (fraction: number, label: string) => void; readonly done: () => void } {
  if (!isTty) return { update: () => {}, done: () => {} };
  let last = '';
  return {
    update: (fraction, label) => {
      const clamped = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(clamped * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(clamped * 100)).padStart(3)}% ${label}`;
      if (line === last) return;
      last = line;
      write(`\r${line}\u001b[K`);
    },
    done: () => {
      if (last !== '') write('\r\u001b[K');
    },
  };
}
