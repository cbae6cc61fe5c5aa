/** Which documents `archivist invalidate` is about: `--document ID` (repeated) and `--documents FILE`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileProblem } from '../../services/files/file-problem';
import { CommandFailure, UsageError } from '../command';

/** FHIR ids (R4 datatypes.html#id); anything else cannot name a DocumentReference. */
const fhirId = /^[A-Za-z0-9.-]{1,64}$/;
const maxDocuments = 1000;

async function idsFromFile(file: string, cwd: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CommandFailure(fileProblem(error, file, 'read'));
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** The ids of `--document` (repeated) and `--documents FILE`, checked and without repeats. */
export async function documentIds(
  values: { document?: string[]; documents?: string },
  cwd: string,
): Promise<string[]> {
  const ids = [
    ...(values.document ?? []),
    ...(values.documents === undefined ? [] : await idsFromFile(values.documents, cwd)),
  ];
  if (ids.length === 0)
    throw new UsageError('Name the documents: --document ID or --documents FILE.');
  const bad = ids.find((id) => !fhirId.test(id));
  if (bad !== undefined)
    throw new UsageError(`'${bad}' is not a DocumentReference id (1–64 of A–Z a–z 0–9 - .).`);
  const unique = [...new Set(ids)];
  if (unique.length > maxDocuments)
    throw new UsageError(`${unique.length} documents; a set may hold at most ${maxDocuments}.`);
  return unique;
}
