/**
 * One request through the registry: validate the raw payload, run the handler, and turn anything
 * thrown into an error value. Both transports (IPC in main, HTTP in the harness) call this after
 * their own caller check, so validation can never be skipped by one of them.
 */
import { channels, requestValidators, type Channel } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/result';
import type { Handlers } from './handlers';

export function isChannel(name: string): name is Channel {
  return (channels as readonly string[]).includes(name);
}

export async function dispatch(
  handlers: Handlers,
  channel: Channel,
  raw: unknown,
): Promise<Result<unknown>> {
  const validate = requestValidators[channel] as (raw: unknown, path: string) => Result<unknown>;
  const request = validate(raw, 'request');
  if (!request.ok) return request;
  const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(request.value);
  } catch (error) {
    // A bug in a handler: the user gets a sentence, the details go to the log, not across IPC.
    console.error(`handler ${channel} failed:`, error);
    return err('internal-error', 'Archivist hit an internal error; the action was not completed.');
  }
}
