/**
 * The handler registry: one function per IPC channel. Electron's main process and the browser
 * harness register this same object, so a capability tested in the browser is the one the
 * desktop app runs.
 */
import { channels, type Channel, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { summariseProfile } from '../../shared/environments/profile';
import { ok, type Result } from '../../shared/result';
import { appVersion } from './app-version';
import { loadProfiles } from './profiles/profile-store';

/** What handlers may use: the home folder and the capabilities only the host can provide. */
export interface ServiceContext {
  readonly home: string;
  /** Opens a link outside the app after the user confirms (desktop), or explains why not. */
  readonly openLink: (url: string) => Promise<Result<{ readonly opened: boolean }>>;
}

export type Handlers = {
  readonly [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export function createHandlers(context: ServiceContext): Handlers {
  return {
    'app:info': async () => {
      const profiles = await loadProfiles(context.home);
      return ok({
        version: appVersion,
        dataFolder: context.home,
        profiles: profiles.ok ? profiles.value.map(summariseProfile) : [],
        ...(profiles.ok ? {} : { profilesProblem: profiles.error.message }),
      });
    },
    'app:open-external': async ({ url }) => context.openLink(url),
  };
}

/** Every channel has a handler: checked at start-up and by the tests. */
export function missingHandlers(handlers: Handlers): readonly Channel[] {
  return channels.filter((channel) => typeof handlers[channel] !== 'function');
}
