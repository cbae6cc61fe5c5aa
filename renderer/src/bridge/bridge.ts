/**
 * Picks the bridge once at start-up: the Electron preload's `window.archivist` when it exists,
 * otherwise the loopback bridge of the browser harness. Components only ever see ArchivistApi.
 */
import type { ArchivistApi } from '../../../shared/ipc/contract';
import { createLoopbackBridge, takeBridgeToken } from './loopback-bridge';

declare global {
  interface Window {
    readonly archivist?: ArchivistApi;
  }
}

export type BridgeKind = 'electron' | 'browser';

export interface SelectedBridge {
  readonly kind: BridgeKind;
  readonly api: ArchivistApi;
}

/** Undefined when neither bridge is available (a browser opened without the harness token). */
export function selectBridge(): SelectedBridge | undefined {
  if (window.archivist) return { kind: 'electron', api: window.archivist };
  const token = takeBridgeToken(window.location, window.sessionStorage, window.history);
  return token ? { kind: 'browser', api: createLoopbackBridge(token) } : undefined;
}
