/**
 * A report's title: which documents, which versions, from where. "Comparison of <id> and <id>"
 * read the same for version 1 against 3 and for AT against TK (issue 7 review 9, defect 8).
 */

/** What the title says of one side. */
export interface TitleSide {
  readonly id: string;
  readonly versionNumber?: number;
  /** The environment's name; none for a local file. */
  readonly environment?: string;
  /** A file path or env:NAME:id. */
  readonly source: string;
}

function document(side: TitleSide): string {
  return side.versionNumber === undefined ? side.id : `${side.id} version ${side.versionNumber}`;
}

function origin(side: TitleSide): string {
  if (side.environment !== undefined) return side.environment;
  const name = side.source.split(/[\\/]/).pop() ?? side.source;
  return `local file ${name}`;
}

/** "Comparison of A version 1 and B version 3 (Local sandbox)", each side's origin when they differ. */
export function reportTitle(left: TitleSide, right: TitleSide): string {
  const [from, to] = [origin(left), origin(right)];
  if (from === to) return `Comparison of ${document(left)} and ${document(right)} (${from})`;
  return `Comparison of ${document(left)} (${from}) and ${document(right)} (${to})`;
}
