/**
 * What the compare view exchanges with the workspace (issue 7, item 5): which two documents to
 * compare (each a document in an environment, or a local file the user chose in main's open
 * dialog, named only by an opaque id so the renderer never passes a path), and the comparison
 * with the canonical lines the view needs to expand unchanged regions. Plain JSON only.
 */
import type { CompareResult } from '../compare/compare-result';
import type { ComparedDocument } from '../compare/compared-document';
import type { NarrativeComparison } from '../narrative-diff/narrative-diff';

/** One side: a document of an environment, or a file chosen through `documents:pick-file`. */
export type CompareSideRef =
  { readonly profileId: string; readonly resourceId: string } | { readonly fileId: string };

export interface CompareRequest {
  /** Chosen by the renderer, so it can cancel the comparison when the user leaves. */
  readonly compareId: string;
  readonly left: CompareSideRef;
  readonly right: CompareSideRef;
  /**
   * A shipped ignore profile's id (`default`, `prescription`), `none`, or `auto`: the documents'
   * type's own profile (`prescription` for two prescriptions, else `default`), the app's default.
   */
  readonly ignoreProfile: string;
}

/** Where a compared side came from, for headings. */
export interface CompareSideInfo {
  /**
   * "version 3 · Kanta TK" or "version 3 · file v2.xml" (electron/services/compare/side-label.ts);
   * without a version number "Local sandbox · doc-17" or "file v2.xml". The stored status is in
   * `document.storedStatus`.
   */
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
 * Both sides' canonical lines as the compare worker hands them to main: each side's lines joined
 * with "\n" (a canonical line never holds one; the canonical form writes it as a character
 * reference). One string per side crosses the worker boundary far faster than 100,000 strings.
 * Main keeps them and answers `documents:compare-lines` ranges out of them.
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
  /**
   * Whether main kept both sides' canonical lines (false for very large documents: the view then
   * shows the changed lines only, and says so). The lines themselves are fetched by range with
   * `documents:compare-lines`: sent whole, a 2 MB pair's answer was ~8 MB parsed in one long task
   * on the UI thread.
   */
  readonly hasLines: boolean;
  readonly linesNote?: string;
  /** Whether a narrative word diff exists; fetched with `documents:compare-narrative` when shown. */
  readonly hasNarrative: boolean;
  /** Ignore profiles the view can switch to. */
  readonly ignoreProfiles: readonly { readonly id: string; readonly title: string }[];
}

export const compareLineSides = ['left', 'right'] as const;
export type CompareLineSide = (typeof compareLineSides)[number];

/** Most lines one `documents:compare-lines` request may ask for (a few screens of rows). */
export const maxLinesPerRequest = 2000;

/** A range of one side's canonical lines (0-based `start`), of a comparison main still keeps. */
export interface CompareLinesRequest {
  readonly compareId: string;
  readonly side: CompareLineSide;
  readonly start: number;
  readonly count: number;
}

export interface CompareLinesResult {
  readonly start: number;
  /** The lines from `start`; fewer than asked for at the end of the document. */
  readonly lines: readonly string[];
  /** The side's line count. */
  readonly total: number;
}

/** Most narrative rows one `documents:compare-narrative` request may ask for. */
export const maxNarrativeRowsPerRequest = 500;

/** Rows from `start` of a kept comparison's narrative word diff. */
export interface CompareNarrativeRequest {
  readonly compareId: string;
  readonly start: number;
  readonly count: number;
}

/**
 * A page of the narrative word diff (absent: the documents have none). Main also stops a page at
 * about 256 KB of text, so that no answer is a long task to parse; ask again from
 * `start + rows.length` until `total`.
 */
export interface CompareNarrativeResult {
  readonly narrative?: Omit<NarrativeComparison, 'rows'> & {
    readonly start: number;
    readonly rows: NarrativeComparison['rows'];
    readonly total: number;
  };
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
