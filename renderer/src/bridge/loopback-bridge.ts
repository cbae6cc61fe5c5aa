/**
 * The browser harness's bridge: the same ArchivistApi as the Electron preload, carried over HTTP
 * to the harness on 127.0.0.1. Every request carries the per-run token the harness printed in
 * its URL; the token is moved from the address bar to session storage so it is not left in
 * history or screenshots.
 */
import {
  bridgeEvents,
  bridgeMethods,
  type ArchivistApi,
  type Channel,
  type EventName,
  type Events,
} from '../../../shared/ipc/contract';
import { err, type Result } from '../../../shared/result';

const tokenKey = 'archivist-bridge-token';

/** Takes the token from `?token=` (first load) or session storage (reloads). */
export function takeBridgeToken(
  location: Location,
  storage: Storage,
  history: History,
): string | undefined {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(tokenKey, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
    );
    return fromUrl;
  }
  return storage.getItem(tokenKey) ?? undefined;
}

async function post(channel: Channel, token: string, request: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`./bridge/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Archivist-Token': token },
      body: JSON.stringify(request ?? {}),
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return err(
      'bridge-unreachable',
      'The Archivist service is not answering. Is `npm run dev:browser` still running?',
    );
  }
}

function subscribe<E extends EventName>(
  token: string,
  name: E,
  listener: (payload: Events[E]) => void,
): () => void {
  const source = new EventSource(`./bridge/events?token=${encodeURIComponent(token)}`);
  const onMessage = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as Events[E]);
  source.addEventListener(name, onMessage);
  return () => source.close();
}

export function createLoopbackBridge(token: string): ArchivistApi {
  const methods = Object.fromEntries(
    Object.entries(bridgeMethods).map(([method, channel]) => [
      method,
      (request?: unknown) => post(channel, token, request),
    ]),
  );
  const events = Object.fromEntries(
    Object.entries(bridgeEvents).map(([method, name]) => [
      method,
      (listener: (payload: Events[EventName]) => void) => subscribe(token, name, listener),
    ]),
  );
  return { ...methods, ...events } as unknown as ArchivistApi;
}
