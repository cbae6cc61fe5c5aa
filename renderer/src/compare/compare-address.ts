/**
 * How a compared side is written in the address (`#/compare?left=env:sandbox:doc-1&right=file:file-…`),
 * so a reload keeps the comparison: `env:PROFILE:RESOURCE` for a document of an environment,
 * `file:ID` for a local file chosen in this session (the path stays in main).
 */
import type { CompareSideRef } from '../../../shared/ipc/compare-types';

/** How the view shows the comparison: the content diff in two layouts, or the narrative diff. */
export const compareModes = ['side-by-side', 'inline', 'narrative'] as const;
export type CompareMode = (typeof compareModes)[number];

const profilePattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const resourcePattern = /^[A-Za-z0-9.-]{1,64}$/;
const filePattern = /^file-[A-Za-z0-9_-]{8,58}$/;

export function formatSide(side: CompareSideRef): string {
  return 'fileId' in side ? `file:${side.fileId}` : `env:${side.profileId}:${side.resourceId}`;
}

/** The side an address names, or undefined when it names none (a mistyped or truncated link). */
export function parseSide(text: string | undefined): CompareSideRef | undefined {
  if (!text) return undefined;
  const [kind, first, second, ...rest] = text.split(':');
  if (kind === 'file' && first && second === undefined && filePattern.test(first))
    return { fileId: first };
  if (
    kind === 'env' &&
    first &&
    second &&
    rest.length === 0 &&
    profilePattern.test(first) &&
    resourcePattern.test(second)
  )
    return { profileId: first, resourceId: second };
  return undefined;
}

/** The address of a comparison. */
export function compareHash(
  left: CompareSideRef,
  right: CompareSideRef,
  options: { ignore?: string; mode?: CompareMode } = {},
): string {
  const params = new URLSearchParams({ left: formatSide(left), right: formatSide(right) });
  if (options.ignore && options.ignore !== 'auto') params.set('ignore', options.ignore);
  if (options.mode && options.mode !== 'side-by-side') params.set('mode', options.mode);
  return `#/compare?${params.toString()}`;
}
