/**
 * On the document page after a reload: an invalidation this window was sending for the document
 * went on in the Node side while no page watched it (review 11, finding 4). The notice waits for
 * its outcome record in the audit trail (listing records nothing) and says how it ended.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import { forgetSending, sendingRunFor } from './sending-run';

/** An attempt's outcome record starts with its state word (shared/invalidation/audit-records). */
const outcomePattern = /^(invalidated|not-invalidated|invalidated-by-other|unknown): /;
const pollMs = 1500;
// The window's clock and the journal's may differ a little; a run's records are never older.
const clockSlackMs = 60_000;

export interface UnwatchedRunNoticeProps {
  readonly api: ArchivistApi;
  readonly profileId: string;
  readonly resourceId: string;
  /** The outcome arrived: the page reads the document again. */
  readonly onEnded: () => void;
}

export function UnwatchedRunNotice({
  api,
  profileId,
  resourceId,
  onEnded,
}: UnwatchedRunNoticeProps) {
  const [run] = useState(() => sendingRunFor(window.sessionStorage, profileId, resourceId));
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  // The latest callback, so a new one from the page does not start the polling over.
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);

  useEffect(() => {
    if (!run) return;
    const from = new Date(Date.parse(run.startedAt) - clockSlackMs).toISOString();
    const document = `DocumentReference/${resourceId}`;
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const listed = await api.listAudit({ filter: { document, action: 'U', from } });
      if (!isCurrent) return;
      const closing = listed.ok
        ? listed.value.rows.find((row) => outcomePattern.test(row.detail))
        : undefined;
      if (!closing) {
        timer = setTimeout(() => void look(), pollMs);
        return;
      }
      forgetSending(window.sessionStorage, resourceId);
      // The outcome's message leads with the verdict; the record's reason and comment follow it.
      setOutcome(closing.detail.replace(outcomePattern, '').replace(/; reason=[\s\S]*$/, ''));
      ended.current();
    };
    void look();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, run, resourceId]);

  if (!run) return null;
  return (
    <p className="unwatched-run" role="status">
      {outcome
        ? `The invalidation that was sending when this page was left has ended (from the audit trail): ${outcome}`
        : 'An invalidation of this document was sending when this page was left; it goes on in the background. Waiting for its outcome…'}
    </p>
  );
}
