/**
 * The page refuses to unload while an invalidation is being sent (a beforeunload handler,
 * review 11, finding 4), but Electron shows no question for that: the reload or the window's
 * close is silently cancelled. So the main process asks, and lets the page go only when the user
 * chooses to. Leaving loses nothing: the run finishes in the main process, its outcome is read
 * back and recorded, and the document page says how it ended when it is opened again.
 */
import type { BrowserWindow, MessageBoxSyncOptions, WebContents } from 'electron';

/** The part of Electron's dialog module this needs. */
export interface LeaveDialog {
  showMessageBoxSync(window: BrowserWindow, options: MessageBoxSyncOptions): number;
  showMessageBoxSync(options: MessageBoxSyncOptions): number;
}

const question: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Stay', 'Leave anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
  title: 'Invalidation in progress',
  message: 'An invalidation is being sent. Leave the page anyway?',
  detail:
    'Its outcome is still read back and recorded in the audit trail; the document page says how it ended when you open it again.',
};

/** Asks before `contents` unloads while its page refuses to; `window()` is the question's parent. */
export function askBeforeLeaving(
  contents: WebContents,
  dialog: LeaveDialog,
  window: () => BrowserWindow | undefined,
): void {
  contents.on('will-prevent-unload', (event) => {
    const parent = window();
    const choice = parent
      ? dialog.showMessageBoxSync(parent, question)
      : dialog.showMessageBoxSync(question);
    // preventDefault here overrides the page's refusal: the page unloads.
    if (choice === 1) event.preventDefault();
  });
}
