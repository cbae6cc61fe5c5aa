import { describe, expect, it } from 'vitest';
import {
  compareShortcut,
  isTypingTarget,
  type ShortcutKey,
  type ShortcutTarget,
} from '../../../../../renderer/src/compare/compare-shortcuts';

const press = (key: string, more: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});
const input = (type?: string): ShortcutTarget => ({ tagName: 'INPUT', ...(type ? { type } : {}) });
const pane: ShortcutTarget = { tagName: 'DIV', closest: () => null };
const inDialog: ShortcutTarget = {
  tagName: 'BUTTON',
  closest: (selector) => (selector === 'dialog' ? { tagName: 'DIALOG' } : null),
};

describe('compare shortcuts', () => {
  it('steps with F7 / Shift+F7 and n / p, and marks with r', () => {
    expect(compareShortcut(press('F7'), pane, false)).toBe('next');
    expect(compareShortcut(press('F7', { shiftKey: true }), pane, false)).toBe('previous');
    expect(compareShortcut(press('n'), pane, false)).toBe('next');
    expect(compareShortcut(press('p'), pane, false)).toBe('previous');
    expect(compareShortcut(press('r'), pane, false)).toBe('review');
    expect(compareShortcut(press('x'), pane, false)).toBeUndefined();
    expect(compareShortcut(press('N'), pane, false)).toBeUndefined();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser and the app', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(compareShortcut(press('n', { [modifier]: true }), pane, false)).toBeUndefined();
      expect(compareShortcut(press('F7', { [modifier]: true }), pane, false)).toBeUndefined();
    }
  });

  it('types letters into text fields, selects and editable text, but F7 still steps', () => {
    for (const target of [
      input(),
      input('text'),
      input('search'),
      input('NUMBER'),
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(compareShortcut(press('n'), target, false)).toBeUndefined();
      expect(compareShortcut(press('r'), target, false)).toBeUndefined();
      expect(compareShortcut(press('F7'), target, false)).toBe('next');
    }
  });

  it('takes letters on a checkbox or a button, where they type nothing', () => {
    for (const target of [
      input('checkbox'),
      input('radio'),
      input('submit'),
      { tagName: 'BUTTON' },
    ]) {
      expect(isTypingTarget(target)).toBe(false);
      expect(compareShortcut(press('n'), target, false)).toBe('next');
    }
    expect(isTypingTarget(null)).toBe(false);
    expect(compareShortcut(press('p'), null, false)).toBe('previous');
  });

  it('does nothing behind a modal dialog or from inside a dialog', () => {
    expect(compareShortcut(press('n'), pane, true)).toBeUndefined();
    expect(compareShortcut(press('F7'), null, true)).toBeUndefined();
    expect(compareShortcut(press('n'), inDialog, false)).toBeUndefined();
    expect(compareShortcut(press('F7'), inDialog, false)).toBeUndefined();
  });
});
