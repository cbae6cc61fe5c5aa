/**
 * The comparison of the page's address, and a chosen local file tried as its right side while
 * the current comparison stays on screen: the address moves to the file only once it compared.
 * A file that fails (not XML, not a document Archivist reads, gone, cancelled) leaves the current
 * comparison as it was, with the error beside the picker, as a too-large file always did, since
 * the picker refuses it before comparing (issue 7 review, item 11: a not-XML file replaced the
 * comparison with an error page).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { ComparePhase } from '../../../shared/ipc/compare-progress';
import type { CompareSideRef, ComparedDocuments } from '../../../shared/ipc/compare-types';
import type { AppError } from '../../../shared/result';
import { compareHash } from './compare-address';
import { useComparison, type ComparisonLoad } from './use-comparison';

export interface FileTrial {
  readonly load: ComparisonLoad;
  /** What the page shows: the answer, or while a file is tried, the comparison before it. */
  readonly shown: ComparedDocuments | undefined;
  /** The right side of what `load` compares (the tried file, while one is tried). */
  readonly comparedRight: CompareSideRef;
  readonly isTrying: boolean;
  /** What the comparison under way is doing (use-comparison.ts). */
  readonly phase: ComparePhase | undefined;
  /** Why the last tried file could not be compared, while the address is the same. */
  readonly fileProblem: AppError | undefined;
  readonly tryFile: (fileId: string) => void;
  readonly retry: () => void;
  readonly cancel: () => void;
}

export function useFileTrial(
  api: ArchivistApi,
  sides: { readonly left: CompareSideRef; readonly right: CompareSideRef },
  ignore: string,
  /** Moves the page's address to the left side and this right side. */
  moveTo: (right: CompareSideRef) => void,
): FileTrial {
  const { left, right } = sides;
  // Where the page was when the file was chosen: another address (Swap sides) ends the trial.
  const at = compareHash(left, right, { ignore });
  const [candidate, setCandidate] = useState<{ readonly fileId: string; readonly at: string }>();
  const [problem, setProblem] = useState<{ readonly at: string; readonly error: AppError }>();
  const isTrying = candidate?.at === at;
  const comparedRight = isTrying ? { fileId: candidate.fileId } : right;
  const { load, retry, cancel, held, phase } = useComparison(api, left, comparedRight, ignore);

  // A trial that ended is dropped during render, so no frame shows the failure as the page's: a
  // file that failed leaves its reason; another address (Swap sides) just ends it.
  if (candidate && (!isTrying || load.state === 'failed')) {
    if (isTrying && load.state === 'failed') setProblem({ at, error: load.error });
    setCandidate(undefined);
  }
  const comparedFile = isTrying && load.state === 'ready' ? candidate.fileId : undefined;
  useEffect(() => {
    if (comparedFile !== undefined) moveTo({ fileId: comparedFile });
  }, [comparedFile, moveTo]);

  const tryFile = useCallback(
    (fileId: string) => {
      setProblem(undefined);
      // With no comparison on screen there is nothing to keep: the address moves at once.
      if (load.state === 'ready') setCandidate({ fileId, at });
      else moveTo({ fileId });
    },
    [load.state, at, moveTo],
  );

  const shown = load.state === 'ready' ? load.compared : isTrying ? held : undefined;
  return {
    load,
    shown,
    comparedRight,
    isTrying,
    phase,
    fileProblem: problem?.at === at ? problem.error : undefined,
    tryFile,
    retry,
    cancel,
  };
}
