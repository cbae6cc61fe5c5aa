/**
 * What a comparison under way is doing, sent as `documents:compare-progress` events: a comparison
 * of two 20 MB documents takes tens of seconds, and the issue 7 review read a view that only
 * counted seconds as a hang. Coarse and honest: each phase is sent when it starts, with no
 * percentage (nothing here can tell how far into a phase the work is).
 */
import type { CompareLineSide } from './compare-types';

/** A side being fetched from its environment (the view names the environment from its id). */
export interface FetchedSide {
  readonly side: CompareLineSide;
  readonly profileId: string;
  readonly resourceId: string;
}

/** A side being read (parsed) in the compare worker or its helper, and its size. */
export interface ReadSide {
  readonly side: CompareLineSide;
  readonly byteSize: number;
}

/**
 * The steps of comparing two read documents, in order: the metadata diff, the canonical forms,
 * the line diff, the change list by section and entry, and the rendered narratives' word diff.
 */
export const compareSteps = ['metadata', 'canonical', 'lines', 'change-list', 'narrative'] as const;
export type CompareStep = (typeof compareSteps)[number];

/** One phase; `sides` lists every side in that phase at the same time (both read in parallel). */
export type ComparePhase =
  | { readonly kind: 'fetching'; readonly sides: readonly FetchedSide[] }
  | { readonly kind: 'reading'; readonly sides: readonly ReadSide[] }
  | { readonly kind: 'comparing'; readonly step: CompareStep };

export interface CompareProgressEvent {
  readonly compareId: string;
  readonly phase: ComparePhase;
}
