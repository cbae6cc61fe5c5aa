/**
 * What the compare view exchanges with the workspace (issue 7, item 5): which two documents to
 * compare (each a document in an environment, or a local file the user chose in main's open
 * dialog, named only by an opaque id so the renderer never passes a path), and the comparison
 * with the canonical lines the view needs to expand unchanged regions. Plain JSON only.
 */
import type { CompareResult, ComparedDocument } from '../compare/compare-documents';
import type { NarrativeComparison } from '../narrative-diff/narrative-diff';

/** One side: a document of an environment, or a file chosen through `documents:pick-file`. */
export type CompareSideRef =
  { readonly profileId: string; readonly resourceId: string } | { readonly fileId: string };

export interface CompareRequest {
  /** Chosen by the renderer, so it can cancel the comparison when the user leaves. */
  readonly compareId: string;
  readonly left: CompareSideRef;
  readonly right: CompareSideRef;
  /** A shipped ignore profile's id (`default`, `prescription`), or `none`. */
  readonly ignoreProfile: string;
}

/** Where a compared side came from, for headings. */
export interface CompareSideInfo {
  /** "Local sandbox · doc-17" or "file v2.xml". */
  readonly label: string;
  readonly profileId?: string;
  readonly resourceId?: string;
  readonly fileName?: string;
  readonly document: ComparedDocument;
}

/** The canonical XML lines of both sides, when they are small enough to send. */
export interface CanonicalLines {
  readonly left: readonly string[];
  readonly right: readonly string[];
}

/**
 * Both sides' canonical lines as they cross IPC: each side's lines joined with "\n" (a canonical
 * line never holds one; the canonical form writes it as a character reference). One string per
 * side is copied and parsed in a fraction of the time 100,000 separate strings take, which on a
 * 2 MB pair was a long task on the UI thread.
 */
export interface JoinedLines {
  readonly left: string;
  readonly right: string;
}

export interface ComparedDocuments {
  readonly compareId: string;
  readonly left: CompareSideInfo;
  readonly right: CompareSideInfo;
  readonly result: CompareResult;
  /** Absent for very large documents: the view then shows the changed lines only, and says so. */
  readonly lines?: JoinedLines;
  readonly linesNote?: string;
  /** The word diff of both sides' rendered narrative, section by section (the Narrative mode). */
  readonly narrative?: NarrativeComparison;
  /** Ignore profiles the view can switch to. */
  readonly ignoreProfiles: readonly { readonly id: string; readonly title: string }[];
}

/** A local file registered for comparison (its path stays in main). */
export interface PickedFile {
  readonly fileId: string;
  readonly name: string;
  readonly byteSize: number;
}

/** The answer of `documents:pick-file`: a file, or the user closed the dialog. */
export type PickFileResult =
  | ({ readonly picked: true } & PickedFile)
  | { readonly picked: false; readonly reason: 'cancelled' };

/** Report formats the Export action offers (electron/services/report). */
export const exportFormats = ['html', 'pdf', 'json', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportRequest {
  /** The comparison to report on: one this window made (kept in main's memory). */
  readonly compareId: string;
  /** Chosen by the renderer, so it can follow the progress events. */
  readonly exportId: string;
  readonly format: ExportFormat;
  /** Mask identity codes and person names in the report. */
  readonly redact: boolean;
}

/** Saved through main's save dialog, cancelled there, or (browser harness) handed over as a download. */
export type ExportResult =
  | { readonly kind: 'saved'; readonly fileName: string; readonly byteSize: number }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'download';
      readonly fileName: string;
      readonly mediaType: string;
      readonly base64: string;
    };

export interface ExportProgressEvent {
  readonly exportId: string;
  readonly phase: string;
  /** 0..1 */
  readonly fraction: number;
}
