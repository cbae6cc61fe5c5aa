/**
 * The open dialog of the Environments screen: a profile's certificate file or its folder. Main
 * owns file choice (the window never sends paths); the chosen path goes to the profile editor,
 * which hands the window only an id for it.
 */
import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions } from 'electron';
import type { PickPurpose } from '../../shared/ipc/profile-editor-types';

const certificateFilters: Readonly<Record<Exclude<PickPurpose, 'folder'>, FileFilter[]>> = {
  pkcs12: [{ name: 'PKCS#12', extensions: ['p12', 'pfx'] }],
  certificate: [{ name: 'PEM certificate', extensions: ['pem', 'crt', 'cer'] }],
  key: [{ name: 'PEM key', extensions: ['pem', 'key'] }],
  caFile: [{ name: 'PEM CA certificate', extensions: ['pem', 'crt', 'cer'] }],
};

/** The dialog's options: a folder for folder profiles, else a file with its usual extensions. */
export function profileDialogOptions(purpose: PickPurpose): OpenDialogOptions {
  if (purpose === 'folder') return { properties: ['openDirectory'] };
  return {
    properties: ['openFile'],
    filters: [...certificateFilters[purpose], { name: 'All files', extensions: ['*'] }],
  };
}

/** Opens the dialog (attached to the window when there is one); undefined when cancelled. */
export function chooseProfilePath(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BrowserWindow | undefined,
) {
  return async (purpose: PickPurpose): Promise<string | undefined> => {
    const options = profileDialogOptions(purpose);
    const parent = window();
    const chosen = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return chosen.canceled ? undefined : chosen.filePaths[0];
  };
}
