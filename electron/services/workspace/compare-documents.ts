/**
 * Comparing two documents for the compare view (issue 7, item 5): fetch both sides (each from
 * its own environment, so AT against TK works, or from a local file), compare them in the
 * compare worker, record both reads durable in the journal before anything is returned (the
 * write-ahead rule, as in open-document.ts), and add the canonical lines the view needs to expand
 * unchanged regions (the worker returns them with the comparison, so main never canonicalises). A comparison can be cancelled by its id when the user leaves the view.
 *
 * The answer carries the result only; main keeps the last `maxRemembered` comparisons (lines and
 * narrative diff included) and the view asks for line ranges and the narrative as it shows them.
 * They are patient data: they stay in main's memory, the oldest is dropped when a newer comparison
 * goes beyond the limit, and all are dropped when the workspace closes (the window closes).
 */
import { readEvent } from '../../../shared/audit/builders';
import type {
  CompareLinesRequest,
  CompareLinesResult,
  CompareNarrativeRequest,
  CompareNarrativeResult,
  CompareRequest,
  ComparedDocuments,
  ExportResult,
} from '../../../shared/ipc/compare-types';
import type { ComparePhase, CompareProgressEvent } from '../../../shared/ipc/compare-progress';
import type { NarrativeComparison } from '../../../shared/narrative-diff/narrative-diff';
import { err, ok, type Result } from '../../../shared/result';
import { compareInWorker } from '../compare/compare-in-worker';
import { withSideNames } from '../compare/side-message';
import { recordAll } from './audit-trail';
import {
  byDocumentTypeProfileId,
  ignoreProfileChoices,
  profileFor,
} from './compare-profile-choice';
import { exportComparison, type ExportOptions, type RememberedComparison } from './compare-export';
import { indexedLines, lineRange, narrativePage, type IndexedLines } from './compare-line-ranges';
import { fetchingPhases } from './compare-fetch-phases';
import type { ChooseFile, LocalFiles } from './compare-local-files';
import { describeSide, fetchSide, type SideSources } from './compare-sides';

/** The comparer needs nothing beyond where its sides come from (compare-sides.ts). */
export type ComparerDeps = SideSources;

export interface Comparer {
  /** Compares; `onProgress` is told each phase as it starts (shared/ipc/compare-progress.ts). */
  readonly compare: (
    request: CompareRequest,
    onProgress?: (progress: CompareProgressEvent) => void,
  ) => Promise<Result<ComparedDocuments>>;
  readonly cancel: (compareId: string) => { readonly wasRunning: boolean };
  readonly pickFile: ChooseFileRequest;
  /** A picked file's name and size now, for the view to name it before the comparison answers. */
  readonly fileInfo: LocalFiles['describe'];
  /** A report of a comparison made here (see compare-export.ts). */
  readonly exportReport: (
    compareId: string,
    options: ExportOptions,
  ) => Promise<Result<ExportResult>>;
  /** A range of a kept comparison's canonical lines (see compare-line-ranges.ts). */
  readonly lines: (request: CompareLinesRequest) => Result<CompareLinesResult>;
  readonly narrative: (request: CompareNarrativeRequest) => Result<CompareNarrativeResult>;
  readonly close: () => void;
}

/** What main keeps of a comparison: what a report needs, and what the view fetches later. */
interface KeptComparison extends RememberedComparison {
  readonly indexed?: IndexedLines;
  readonly narrative?: NarrativeComparison;
}
type ChooseFileRequest = LocalFiles['pick'];

/** Canonical lines are sent only up to this size per side; beyond it the view shows changes only. */
export const maxLinesBytes = 4 * 1024 * 1024;

/** Comparisons kept for Export and the view's line and narrative requests (documents up to 50 MB each, so only a few). */
export const maxRemembered = 4;

const cancelled = err('compare-cancelled', 'The comparison was cancelled.');
const forgotten = (then: string) =>
  err(
    'compare-unknown',
    `That comparison is no longer in memory (the app restarted, or newer ones replaced it); compare again, then ${then}.`,
  );

export function createComparer(deps: ComparerDeps): Comparer {
  const running = new Map<string, AbortController>();
  /** The last few comparisons, for Export; the oldest is forgotten first. */
  const remembered = new Map<string, KeptComparison>();
  const remember = (compareId: string, comparison: KeptComparison): void => {
    remembered.delete(compareId);
    remembered.set(compareId, comparison);
    for (const oldest of remembered.keys()) {
      if (remembered.size <= maxRemembered) break;
      remembered.delete(oldest);
    }
  };

  async function run(
    request: CompareRequest,
    signal: AbortSignal,
    onPhase: (phase: ComparePhase) => void,
  ): Promise<Result<ComparedDocuments>> {
    const profile = profileFor(request.ignoreProfile);
    if (!profile.ok) return profile;
    const fetching = fetchingPhases(request, onPhase);
    const [left, right] = await Promise.all([
      fetchSide(deps, 'left', request.left, signal).finally(() => fetching.done('left')),
      fetchSide(deps, 'right', request.right, signal).finally(() => fetching.done('right')),
    ]);
    if (signal.aborted) return cancelled;
    if (!left.ok) return left;
    if (!right.ok) return right;
    const sizes = { left: left.value.bytes.byteLength, right: right.value.bytes.byteLength };
    const wantsLines = sizes.left <= maxLinesBytes && sizes.right <= maxLinesBytes;
    const compared = await compareInWorker(left.value.bytes, right.value.bytes, {
      profile: profile.value,
      profileByDocumentType: request.ignoreProfile === byDocumentTypeProfileId,
      keepLines: wantsLines,
      narrative: true,
      onPhase,
      storedStatus: {
        ...(left.value.storedStatus ? { left: left.value.storedStatus } : {}),
        ...(right.value.storedStatus ? { right: right.value.storedStatus } : {}),
      },
    });
    if (signal.aborted) return cancelled;
    if (!compared.ok) {
      const failures = [left.value, right.value].map((side) =>
        readEvent(side.context, side.fallbackKey, undefined, {
          code: '8',
          description: compared.error.message,
        }),
      );
      await recordAll(deps.home, failures, 'the failure was not recorded');
      // The worker has only the bytes: the message names the side, here also its file or place.
      const names = { left: left.value.label, right: right.value.label };
      const message = withSideNames(compared.error.message, names);
      return { ok: false, error: { ...compared.error, message } };
    }
    const { result, lines } = compared.value;
    const recorded = await recordAll(
      deps.home,
      [
        readEvent(left.value.context, result.left.id, result.left.patientHetu),
        readEvent(right.value.context, result.right.id, result.right.patientHetu),
      ],
      'the comparison is not shown',
    );
    if (!recorded.ok) return recorded;
    const linesNote = !wantsLines
      ? 'The documents are too large to send every line: only the changed lines are shown.'
      : !lines
        ? 'Unchanged lines cannot be shown for these documents: only the changed lines are shown.'
        : undefined;
    const { narrative } = compared.value;
    const counts = { left: result.content.leftLines, right: result.content.rightLines };
    remember(request.compareId, {
      result,
      left: left.value,
      right: right.value,
      ...(lines ? { lines, indexed: indexedLines(lines, counts) } : {}),
      ...(narrative ? { narrative } : {}),
    });
    return ok({
      compareId: request.compareId,
      left: describeSide(deps.localFiles, request.left, left.value, result.left),
      right: describeSide(deps.localFiles, request.right, right.value, result.right),
      result,
      hasLines: lines !== undefined,
      ...(linesNote ? { linesNote } : {}),
      hasNarrative: narrative !== undefined,
      ignoreProfiles: ignoreProfileChoices(
        request.ignoreProfile === byDocumentTypeProfileId ? result.profile.id : undefined,
      ),
    });
  }

  return {
    async compare(request, onProgress) {
      if (running.has(request.compareId))
        return err('compare-duplicate', 'A comparison with this id is already running.');
      const controller = new AbortController();
      running.set(request.compareId, controller);
      const onPhase = (phase: ComparePhase): void => {
        if (!controller.signal.aborted) onProgress?.({ compareId: request.compareId, phase });
      };
      try {
        return await run(request, controller.signal, onPhase);
      } finally {
        running.delete(request.compareId);
      }
    },
    cancel(compareId) {
      const controller = running.get(compareId);
      controller?.abort();
      return { wasRunning: controller !== undefined };
    },
    pickFile: (name, chooseFile?: ChooseFile) => deps.localFiles.pick(name, chooseFile),
    fileInfo: (fileId) => deps.localFiles.describe(fileId),
    async exportReport(compareId, options) {
      const comparison = remembered.get(compareId);
      if (!comparison) return forgotten('export');
      return exportComparison(deps.home, comparison, options);
    },
    lines({ compareId, side, start, count }) {
      const comparison = remembered.get(compareId);
      if (!comparison) return forgotten('show the lines');
      if (!comparison.indexed)
        return err(
          'compare-no-lines',
          'The lines of this comparison were not kept (documents too large).',
        );
      return lineRange(comparison.indexed[side], start, count);
    },
    narrative({ compareId, start, count }) {
      const comparison = remembered.get(compareId);
      if (!comparison) return forgotten('open the Narrative mode');
      if (!comparison.narrative) return ok({});
      return narrativePage(comparison.narrative, start, count);
    },
    close() {
      remembered.clear();
      for (const controller of running.values()) controller.abort();
    },
  };
}
