/**
 * Brings the diff's current change into the window, not only into the pane: the pane starts
 * below the metadata table (in a 1400x900 window its top was at y≈755 of 877), so a change the
 * pane scrolled to was usually off-screen (issue 7 review). The page scrolls as little as it can
 * (block 'nearest'): first the pane, then the row once the virtualiser has drawn it.
 * scrollIntoView never moves the keyboard focus.
 */

/** Frames to wait for the row: the virtualiser draws it a render or two after the jump. */
const maxFrames = 30;

/** Whether the element is wholly in the window and in every scrolled box around it. */
function isInWindow(element: Element): boolean {
  const box = element.getBoundingClientRect();
  let top = 0;
  let bottom = window.innerHeight;
  for (let around = element.parentElement; around; around = around.parentElement) {
    if (around.scrollHeight <= around.clientHeight) continue;
    if (getComputedStyle(around).overflowY === 'visible') continue;
    const frame = around.getBoundingClientRect();
    top = Math.max(top, frame.top);
    bottom = Math.min(bottom, frame.bottom);
  }
  return box.top >= top && box.bottom <= bottom;
}

/**
 * Scrolls the page so `pane`, then its row `row` (its `data-index`), are in the window; retries
 * each frame until the row stays in view for two frames (rows measured on arrival move it).
 * Returns a cancel.
 */
export function revealInWindow(pane: HTMLElement, row: number): () => void {
  pane.scrollIntoView({ block: 'nearest' });
  let frame = 0;
  const attempt = (left: number, steady: number) => {
    const element = pane.querySelector(`[data-index="${row}"]`);
    const isShown = element !== null && isInWindow(element);
    if (element && !isShown) element.scrollIntoView({ block: 'nearest' });
    if (left <= 1 || (isShown && steady >= 2)) return;
    frame = requestAnimationFrame(() => attempt(left - 1, isShown ? steady + 1 : 0));
  };
  frame = requestAnimationFrame(() => attempt(maxFrames, 0));
  return () => cancelAnimationFrame(frame);
}
