/**
 * Which documents this window was sending an invalidation for, kept in sessionStorage (it
 * survives a reload of the same window, review 11 finding 4): a run goes on in the Node side
 * when the page is reloaded, and the reloaded document page says how it ended.
 */
const key = 'archivist.invalidation.sending';

export interface SendingRun {
  readonly profileId: string;
  readonly resourceIds: readonly string[];
  /** When the run began (ISO): its outcome records are newer. */
  readonly startedAt: string;
}

function isSendingRun(value: unknown): value is SendingRun {
  const run = value as Partial<SendingRun> | null;
  return (
    typeof run?.profileId === 'string' &&
    typeof run.startedAt === 'string' &&
    Array.isArray(run.resourceIds) &&
    run.resourceIds.every((id) => typeof id === 'string')
  );
}

export function rememberSending(storage: Storage, run: SendingRun): void {
  storage.setItem(key, JSON.stringify(run));
}

/** The run this window left sending for `resourceId` in `profileId`, if any. */
export function sendingRunFor(
  storage: Storage,
  profileId: string,
  resourceId: string,
): SendingRun | undefined {
  let run: unknown;
  try {
    run = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return undefined; // a damaged entry is as good as none
  }
  return isSendingRun(run) && run.profileId === profileId && run.resourceIds.includes(resourceId)
    ? run
    : undefined;
}

/** Forgets `resourceId` (its outcome was seen), or the whole run when no id is given. */
export function forgetSending(storage: Storage, resourceId?: string): void {
  const run = JSON.parse(storage.getItem(key) ?? 'null') as unknown;
  const rest = isSendingRun(run) ? run.resourceIds.filter((id) => id !== resourceId) : [];
  if (resourceId === undefined || !isSendingRun(run) || rest.length === 0) storage.removeItem(key);
  else rememberSending(storage, { ...run, resourceIds: rest });
}
