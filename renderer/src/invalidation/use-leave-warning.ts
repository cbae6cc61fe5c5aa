/**
 * Asks before the page is reloaded or closed while `isActive` (review 11, finding 4): a run
 * that is sending goes on in main, but a reloaded page would not show its result. Chromium shows
 * its own "Leave site?" question; Electron shows nothing by itself and cancels the unload unless
 * main handles `will-prevent-unload`
 * (https://www.electronjs.org/docs/latest/api/web-contents#event-will-prevent-unload).
 */
import { useEffect } from 'react';

export function useLeaveWarning(isActive: boolean): void {
  useEffect(() => {
    if (!isActive) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set (the HTML standard's legacy path).
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isActive]);
}
