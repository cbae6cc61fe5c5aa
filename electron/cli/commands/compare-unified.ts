/**
 * The fast path of `archivist compare --format unified` (issue 7: "within 3× of git"). The patch
 * is a line diff of the raw text (shared/compare/unified-patch.ts) and is never filtered by an
 * ignore profile, so nothing here parses a body, maps metadata or compares documents: both files
 * are decoded, each is identified from its header for the audit journal (identify-document.ts),
 * both reads are made durable (issue 5, write-ahead), and only then is the patch made and
 * returned. The bytes are the same as the compare worker's unified output used to give.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import path from 'node:path';
import { readEvent, type AuditContext } from '../../../shared/audit/builders';
import { withResourceReference } from '../../../shared/audit/resource-reference';
import { unifiedPatchLatin1 } from '../../../shared/compare/unified-patch';
import { openJournal } from '../../services/audit/journal';
import {
  identifyDocument,
  type DocumentIdentity,
} from '../../services/documents/identify-document';
import { sideMessage, withSideNames } from '../../services/compare/side-message';
import { tooLarge } from '../../services/xml/decode-xml-bytes';
import { defaultXmlLimits } from '../../services/xml/xml-limits';
import { parseEnvironmentReference } from '../environment-reference';
import { CommandFailure, UsageError, printable } from '../command';

/** One side: its bytes, its name on the command line, and the source an unreadable file is named by. */
export interface UnifiedSide {
  readonly bytes: Uint8Array;
  /** As given on the command line (the patch's headers name the left one by it: patchPathOf). */
  readonly name: string;
  /** An absolute file path or the env: reference, for the journal when the file is no document. */
  readonly source: string;
  /** Who read it where: an env: document's profile operator and environment (compare-sides.ts). */
  readonly context: AuditContext;
  /** An env: document's DocumentReference id, recorded beside its document id. */
  readonly resourceId?: string;
}

/** Bytes as characters one to one: Buffer's latin1 (TextDecoder's "latin1" is windows-1252). */
function rawText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Both files as byte strings. The line diff only tests lines for equality, and two UTF-8 lines
 * are equal exactly when their bytes are, so diffing the bytes gives the same patch as diffing
 * decoded text while skipping a decode that took 190 ms for a 20 MB pair.
 */
function decodeRaw(left: Uint8Array, right: Uint8Array): { left: string; right: string } {
  return { left: rawText(left), right: rawText(right) };
}

/** The same byte cap as every document read: the diff runs in this process, not a capped worker. */
function checkSizes(left: UnifiedSide, right: UnifiedSide): void {
  const max = defaultXmlLimits.maxBytes;
  const names = { left: printable(left.name), right: printable(right.name) };
  for (const [which, side] of [
    ['left', left],
    ['right', right],
  ] as const)
    if (side.bytes.byteLength > max) {
      const message = sideMessage(which, tooLarge(side.bytes.byteLength, max).message);
      throw new CommandFailure(withSideNames(message, names));
    }
}

/** Write-ahead: one read event per document, each in its side's context, before the patch exists. */
async function recordReads(
  home: string,
  reads: readonly {
    readonly identity: DocumentIdentity;
    readonly context: AuditContext;
    readonly resourceId?: string;
  }[],
): Promise<void> {
  const journal = await openJournal(home);
  if (!journal.ok) throw new CommandFailure(journal.error.message);
  try {
    for (const { identity, context, resourceId } of reads) {
      const event = withResourceReference(
        readEvent(context, identity.id, identity.patientHetu),
        resourceId,
      );
      const recorded = await journal.value.recordBefore(event, 'nothing was shown');
      if (!recorded.ok) throw new CommandFailure(recorded.error.message);
    }
  } finally {
    journal.value.close();
  }
}

/** Where the patch's headers say the left file is, and what to tell when tools cannot find it. */
export interface PatchPath {
  readonly path: string;
  /** Set when `git apply` and `patch -p1` cannot apply the patch from the current folder. */
  readonly note?: string;
}

/**
 * The left file's path in the patch headers, as `git diff --no-index` names it: the path as
 * given, relative paths staying relative (normalised, since `git apply` refuses `./docs/x`),
 * an absolute path without its leading slash (git's `a/tmp/x.xml`). `git apply` and `patch -p1`
 * refuse a path that leaves the folder (`..`), and find an absolute one only from `/`: the note
 * says how to apply such a patch (issue 7, review finding A).
 */
export function patchPathOf(name: string, platform: NodeJS.Platform = process.platform): PatchPath {
  const slashed = platform === 'win32' ? name.replace(/\\/g, '/') : name;
  const normal = path.posix.normalize(slashed);
  const apply = `apply the patch with \`patch ${name} < PATCH\``;
  if (platform === 'win32' && path.win32.isAbsolute(name) && !path.posix.isAbsolute(normal))
    return {
      path: normal, // C:/x/y.xml: git for Windows' spelling is not checked here
      note: `The left file is given by its absolute path, which git apply and patch -p1 do not find from here; ${apply}.`,
    };
  if (path.posix.isAbsolute(normal))
    return {
      path: normal.replace(/^\/+/, ''),
      note: `The left file is given by its absolute path, which git apply and patch -p1 find only when run in /; here ${apply}.`,
    };
  if (normal === '..' || normal.startsWith('../'))
    return {
      path: normal,
      note: `The left file is outside this folder, which git apply and patch -p1 refuse; ${apply}.`,
    };
  return { path: normal };
}

/**
 * The unified patch turning the left file into the right one, as the bytes to write (none when
 * they are equal), and notes for stderr. `isBytesOutput` false (stdout is a terminal, or takes
 * text only) refuses files that are not UTF-8, whose patch must reach a file byte for byte.
 * Throws CommandFailure with one clear line, or UsageError for that refusal.
 */
export async function unifiedPatchBytes(
  left: UnifiedSide,
  right: UnifiedSide,
  options: { readonly home: string; readonly isBytesOutput: boolean },
): Promise<{ readonly bytes: Uint8Array; readonly notes: readonly string[] }> {
  checkSizes(left, right);
  // A file or a pipe (`> fix.patch`, `| git apply`) takes any bytes; a terminal shows them
  // garbled and a copy from it is no longer the patch.
  if (!options.isBytesOutput && !(isUtf8(left.bytes) && isUtf8(right.bytes)))
    throw new UsageError(
      'The files are not UTF-8: redirect the patch to a file (> fix.patch) or give --out FILE, so that its bytes stay exact.',
    );
  const raw = decodeRaw(left.bytes, right.bytes);
  const [leftIdentity, rightIdentity] = await Promise.all([
    identifyDocument(left.bytes, left.source),
    identifyDocument(right.bytes, right.source),
  ]);
  await recordReads(options.home, [
    { identity: leftIdentity, context: left.context, resourceId: left.resourceId },
    { identity: rightIdentity, context: right.context, resourceId: right.resourceId },
  ]);
  // An env: reference is no file to apply to: the patch names it as it was given.
  const where = parseEnvironmentReference(left.name) ? { path: left.name } : patchPathOf(left.name);
  // The lines are bytes; the header is ASCII (a non-ASCII path is quoted as UTF-8 octets).
  const { patch } = unifiedPatchLatin1(raw.left, raw.right, where.path);
  const notes =
    patch === ''
      ? ['The files are identical: the patch is empty.']
      : where.note !== undefined
        ? [where.note]
        : [];
  return { bytes: Buffer.from(patch, 'latin1'), notes };
}
