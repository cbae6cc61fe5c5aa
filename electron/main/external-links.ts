/**
 * The single place that opens anything outside the app (lint forbids `openExternal` elsewhere).
 * The URL must pass the shared allowlist check, and the user must confirm the exact address.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { checkExternalUrl } from '../../shared/security/external-url';
import { ok, type Result } from '../../shared/result';

export async function safeOpenExternal(
  raw: string,
  parent: BrowserWindow | undefined,
): Promise<Result<{ readonly opened: boolean }>> {
  const checked = checkExternalUrl(raw);
  if (!checked.ok) return checked;
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this address in your web browser?',
    detail: checked.value,
  };
  const answer = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (answer.response !== 0) return ok({ opened: false });
  await shell.openExternal(checked.value);
  return ok({ opened: true });
}
