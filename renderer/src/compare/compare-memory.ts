/**
 * What the compare page keeps for the session, so a comparison that fails still shows its two
 * sides and a sane profile menu (issue 7 review: a non-XML local file left only the error and
 * Retry, and the menu read "auto: auto"): the sides of comparisons already made, the names of
 * the files picked, and the profile menu's entries.
 */
import type {
  CompareSideInfo,
  ComparedDocuments,
  CompareSideRef,
} from '../../../shared/ipc/compare-types';
import { formatSide } from './compare-address';

/** Sides remembered at most: a session compares a few dozen documents, not thousands. */
const maxSides = 50;

const sides = new Map<string, CompareSideInfo>();
const fileNames = new Map<string, string>();
let profileChoices: ComparedDocuments['ignoreProfiles'] | undefined;

/** The menu's entries before any comparison answered: the two ids every session knows. */
const fallbackTitles: Readonly<Record<string, string>> = {
  auto: "The document type's profile",
  none: 'Hide nothing',
};

function keep(side: CompareSideRef, info: CompareSideInfo): void {
  const key = formatSide(side);
  sides.delete(key);
  sides.set(key, info);
  if (sides.size > maxSides) sides.delete(sides.keys().next().value!);
}

/** Remembers the sides and the profile menu of a comparison that answered. */
export function rememberComparison(
  left: CompareSideRef,
  right: CompareSideRef,
  compared: ComparedDocuments,
): void {
  keep(left, compared.left);
  keep(right, compared.right);
  profileChoices = compared.ignoreProfiles;
}

/** Remembers the name of a picked local file (the renderer holds its id, never its path). */
export function rememberFileName(fileId: string, name: string): void {
  fileNames.set(fileId, name);
}

/**
 * A side as the page last saw it, or a label made of what the address and picker tell, with the
 * environment's display name when `environmentNames` has it.
 */
export function knownSide(
  side: CompareSideRef,
  environmentNames?: ReadonlyMap<string, string>,
): CompareSideInfo | { readonly label: string } {
  const seen = sides.get(formatSide(side));
  if (seen) return seen;
  if ('fileId' in side) {
    const name = fileNames.get(side.fileId);
    return { label: name === undefined ? 'a local file' : `file ${name}` };
  }
  return {
    label: `${environmentNames?.get(side.profileId) ?? side.profileId} · ${side.resourceId}`,
  };
}

/** The profile menu's entries: the last comparison's, else the profile asked for by its id. */
export function knownProfileChoices(ignore: string): ComparedDocuments['ignoreProfiles'] {
  if (profileChoices?.some((choice) => choice.id === ignore)) return profileChoices;
  return [{ id: ignore, title: fallbackTitles[ignore] ?? ignore }, ...(profileChoices ?? [])];
}
