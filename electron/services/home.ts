/**
 * The home folder (ARCHITECTURE.md, "State on disk"): `--home DIR`, else `ARCHIVIST_HOME`, else
 * the per-user data folder Electron uses for a product named Archivist, so the desktop app and
 * the command line share one profiles.json and one audit journal.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export interface HomeInputs {
  readonly explicitHome?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly userHome: string;
}

/** Mirrors Electron's `app.getPath('userData')` so the command line finds the app's data. */
export function defaultUserDataFolder(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  userHome: string,
): string {
  if (platform === 'win32')
    return path.win32.join(
      env.APPDATA ?? path.win32.join(userHome, 'AppData', 'Roaming'),
      'Archivist',
    );
  if (platform === 'darwin')
    return path.posix.join(userHome, 'Library', 'Application Support', 'Archivist');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(userHome, '.config'), 'Archivist');
}

export function resolveHome(inputs: HomeInputs): string {
  const chosen = inputs.explicitHome || inputs.env.ARCHIVIST_HOME;
  if (chosen) return path.resolve(chosen);
  return defaultUserDataFolder(inputs.platform, inputs.env, inputs.userHome);
}

/** The home folder of this process, from its own environment. */
export function homeForProcess(explicitHome?: string): string {
  return resolveHome({
    explicitHome,
    env: process.env,
    platform: process.platform,
    userHome: homedir(),
  });
}
