/**
 * What the compare page keeps for the session, so a comparison that fails still shows its two
 * sides and a sane profile menu (issue 7 review: a non-XML local file left only the error and
 * Retry, and the menu read "auto: auto"): the sides of comparisons already made, the names and
 * sizes of the files picked, and the profile menu's entries.
 */
import type {
  CompareSideInfo,
  ComparedDocuments,
  CompareSideRef,
  PickedFile,
} from '../../../shared/ipc/compare-types';
import { formatByteSize } from './byte-size';
import { formatSide } from './compare-address';

/** Sides remembered at most: a session compares a few dozen documents, not thousands. */
const maxSides = 50;

const sides = new Map<string, CompareSideInfo>();
const files = new Map<string, PickedFile>();
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

/** Remembers a picked local file's name and size (the renderer holds its id, never its path). */
export function rememberFile(file: PickedFile): void {
  files.set(file.fileId, { fileId: file.fileId, name: file.name, byteSize: file.byteSize });
}

/** Whether the page knows a local file's name (picked, or asked of main, in this session). */
export function isFileKnown(fileId: string): boolean {
  return files.has(fileId);
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
    const file = files.get(side.fileId);
    return {
      label: file ? `file ${file.name} (${formatByteSize(file.byteSize)})` : 'a local file',
    };
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
