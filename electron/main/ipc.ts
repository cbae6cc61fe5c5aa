/**
 * IPC registration: the only place main touches `ipcMain`. Each channel goes through `handle()`:
 * trusted-sender check → validation → handler → Result value. A request from any other frame or
 * window is refused before its payload is even looked at (VS Code's sender validation).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, type Channel, type EventName, type Events } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/result';
import { dispatch } from '../services/dispatch';
import type { Handlers } from '../services/handlers';
import { isAppUrl } from './navigation';

/** True when the request comes from our window's main frame showing our own app:// page. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  trusted: WebContents | undefined,
): boolean {
  if (!trusted || trusted.isDestroyed() || event.sender.id !== trusted.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Runs one invocation; exported so tests can drive every channel without Electron. */
export async function handle(
  handlers: Handlers,
  channel: Channel,
  event: IpcMainInvokeEvent,
  raw: unknown,
  trusted: () => WebContents | undefined,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event, trusted())) {
    return err(
      'untrusted-sender',
      'This request did not come from the Archivist window and was refused.',
    );
  }
  return dispatch(handlers, channel, raw);
}

/** Registers every channel of the contract; `trusted` returns the main window's webContents. */
export function registerIpcHandlers(
  handlers: Handlers,
  trusted: () => WebContents | undefined,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, raw: unknown) =>
      handle(handlers, channel, event, raw, trusted),
    );
  }
}

/** Sends a typed main-to-renderer event. */
export function sendEvent<E extends EventName>(
  target: WebContents | undefined,
  name: E,
  payload: Events[E],
): void {
  if (target && !target.isDestroyed()) target.send(name, payload);
}
