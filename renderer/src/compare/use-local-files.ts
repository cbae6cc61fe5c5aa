/**
 * Asks main for the name and size of each local-file side the page does not know yet, so the side
 * boxes say which file at once: a file picked before a reload, or an address opened from a link,
 * left them saying "a local file" until the comparison answered (issue 7; 22 s on a 40 MB pair).
 * Main answers the name and size only, as the file picker did; the path stays in main.
 */
import { useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { CompareSideRef } from '../../../shared/ipc/compare-types';
import { isFileKnown, rememberFile } from './compare-memory';

export function useLocalFiles(api: ArchivistApi, sides: readonly CompareSideRef[]): void {
  const [, setAnswers] = useState(0);
  // A string, so the effect runs again only when the set of unknown files changes.
  const unknown = sides
    .flatMap((side) => ('fileId' in side && !isFileKnown(side.fileId) ? [side.fileId] : []))
    .join(' ');
  useEffect(() => {
    if (unknown === '') return;
    let isCurrent = true;
    for (const fileId of unknown.split(' '))
      void api.getCompareFile({ fileId }).then((result) => {
        // A file main no longer knows stays "a local file"; the comparison says why.
        if (!result.ok) return;
        rememberFile(result.value);
        if (isCurrent) setAnswers((count) => count + 1);
      });
    return () => {
      isCurrent = false;
    };
  }, [api, unknown]);
}
