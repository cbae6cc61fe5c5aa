/**
 * One step of the compare view's drawing per frame. The view draws a large comparison in steps
 * (the change list, the diff, its rows a slice at a time); steps that became due together ran in
 * the same task and were laid out in the same frame, which made one long task of several short
 * ones (issue 7). Here each waits for a painted frame of its own: a frame, then a task, then the
 * next step, in the order they were asked for.
 */
const waiting: (() => void)[] = [];
let isPumping = false;

function pump(): void {
  isPumping = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      waiting.shift()?.();
      if (waiting.length > 0) pump();
      else isPumping = false;
    }, 0),
  );
}

/** Runs `step` after the next painted frame no other step has taken; returns a cancel. */
export function afterPaint(step: () => void): () => void {
  waiting.push(step);
  if (!isPumping) pump();
  return () => {
    const index = waiting.indexOf(step);
    if (index >= 0) waiting.splice(index, 1);
  };
}
