/**
 * `archivist sandbox --environment at|tk`: a sandbox that stands in for one Kanta test
 * environment. On the real services the same document, stored by a supplier's system in AT and in
 * TK, differs in what each archive fills in (DOMAIN.md §2: copyTime, declaredTime,
 * retentionPeriod) and in its resource ids, which each server assigns. Without this every sandbox
 * from one seed served byte-identical documents under the same ids, so an AT-against-TK comparison
 * could not show what the compare view must hide by default (issue 7; review 9, "Not tested").
 */

/** The environments a sandbox can stand in for. */
export const standInEnvironments = ['at', 'tk'] as const;
export type StandInEnvironment = (typeof standInEnvironments)[number];

/** What one environment's archive does differently when it stores a seeded document. */
export interface StandInArchive {
  /** Starts every resource id (`at-doc-50`, `at-binary-50`, `at-patient-3`). */
  readonly idPrefix: string;
  /** How long after the document's own time this archive stored it, the same for every document. */
  readonly storageDelaySeconds: number;
}

// Fixed and different per environment, so each storage time differs and stays the same for a
// given seed. TK's is over a day so that the dates differ too, and a document written on
// 31 December gets the next year's disposal date in TK (AT's minutes never reach midnight: seed
// documents are written between 08 and 16).
const archives: Readonly<Record<StandInEnvironment, StandInArchive>> = {
  at: { idPrefix: 'at', storageDelaySeconds: 3 * 60 + 7 },
  tk: { idPrefix: 'tk', storageDelaySeconds: 26 * 3600 + 41 * 60 + 19 },
};

/** The archive of an environment. */
export function standInArchive(environment: StandInEnvironment): StandInArchive {
  return archives[environment];
}

/** True for a name `--environment` accepts. */
export function isStandInEnvironment(name: string): name is StandInEnvironment {
  return (standInEnvironments as readonly string[]).includes(name);
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The storage time the archive writes for a document of CDA time `documentTime`
 * (YYYYMMDDHHMMSS+0200): the document's time itself in the plain seed, else that time plus the
 * archive's delay, in the same offset.
 */
export function storageTime(documentTime: string, archive: StandInArchive | undefined): string {
  if (!archive) return documentTime;
  const part = (from: number, length: number) => Number(documentTime.slice(from, from + length));
  const wallClock = Date.UTC(
    part(0, 4),
    part(4, 2) - 1,
    part(6, 2),
    part(8, 2),
    part(10, 2),
    part(12, 2),
  );
  const d = new Date(wallClock + archive.storageDelaySeconds * 1000);
  const date = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
  return `${date}${time}${documentTime.slice(14)}`;
}

/** The resource id prefix: `seed` for the plain seed, as always. */
export const idPrefixOf = (archive: StandInArchive | undefined): string =>
  archive?.idPrefix ?? 'seed';
