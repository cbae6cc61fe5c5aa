/**
 * The compare view's keyboard shortcuts: F7 / Shift+F7 and n / p step through the changes, r marks
 * the current one reviewed. Letters are left alone while the tester types (a text field, a select's
 * type-ahead, editable text) but not on a checkbox or button, where a letter types nothing; no
 * shortcut reaches the view behind a modal dialog (About, environments, invalidation).
 */

export type CompareShortcut = 'next' | 'previous' | 'review';

/** The parts of a focused element the shortcuts look at (an HTMLElement has them all). */
export interface ShortcutTarget {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  readonly closest?: (selector: string) => unknown;
}

export interface ShortcutKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** Input types whose field takes no typed letters: a shortcut letter there types nothing. */
const nonTextInputs = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** Whether a letter typed on `target` is text the tester is entering. */
export function isTypingTarget(target: ShortcutTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !nonTextInputs.has((target.type ?? 'text').toLowerCase());
}

/**
 * The shortcut a key press means in the compare view, or undefined. `isModalOpen` is whether a
 * modal dialog covers the page: its keys belong to it, even when it let focus reach the body.
 */
export function compareShortcut(
  event: ShortcutKey,
  target: ShortcutTarget | null,
  isModalOpen: boolean,
): CompareShortcut | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || isModalOpen) return undefined;
  if (target?.closest?.('dialog')) return undefined;
  if (event.key === 'F7') return event.shiftKey ? 'previous' : 'next';
  if (isTypingTarget(target)) return undefined;
  if (event.key === 'n') return 'next';
  if (event.key === 'p') return 'previous';
  if (event.key === 'r') return 'review';
  return undefined;
}
