/**
 * `archivist report verify FILE`: recomputes a report's integrity manifest (issue 8) and answers
 * OK, or exactly what was altered (an embedded source, the report body, the manifest).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileProblem } from '../../services/files/file-problem';
import { verifyReport } from '../../services/report/verify-report';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
  unexpectedArgument,
} from '../command';

const help = `Usage: archivist report verify FILE [--json]

Checks a comparison report made by \`archivist compare --format json|html|pdf|csv\` (or
the app's Export): recomputes the sha256 of every embedded source document and of the report
itself, and compares them with the report's manifest.

Prints "OK" and exits 0 when nothing was altered; otherwise exits 1 with one line naming what
was altered: an embedded source (left or right, by name), the report body, or the manifest.
It also says when a report looks cut off (its end and manifest are missing: an incomplete
download or attachment), when a file is no report at all, and when only a report's line ends
were changed (CRLF by mail or Windows); such a file still does not verify.
This detects changes, not forgery: the manifest's audit checkpoint ties the report to the
journal that recorded its export (compare it with \`archivist audit list\`).

Options:
  --json   print {"ok": true, "format", "embeddedSources", "sources", "auditCheckpoint"} on
           success, or {"ok": false, "code", "message"} (still exit 1 and one line on stderr)

Exit codes: 0 untouched, 1 altered or unreadable, 2 bad usage.

Examples:
  archivist report verify report.html
  archivist report verify changes.csv --json
  for f in reports/*.pdf; do archivist report verify "$f" || echo "ALTERED: $f"; done
`;

const options = { json: { type: 'boolean' } } as const;

async function readReport(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path.resolve(cwd, file)));
  } catch (error) {
    throw new CommandFailure(fileProblem(error, file, 'read'));
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'verify a comparison report: OK, or exactly what was altered',
  help,
  run: async (args, io: CliIo) => {
    const { values, positionals } = parseCommandArgs(args, options, true);
    const [action, file, extra] = positionals;
    if (action !== 'verify')
      throw new UsageError(
        action === undefined ? 'Give an action: verify FILE.' : `Unknown action '${action}'.`,
      );
    if (file === undefined) throw new UsageError('Give the report file to verify.');
    if (extra !== undefined) throw unexpectedArgument(extra);
    const verified = verifyReport(await readReport(file, io.cwd));
    if (values.json) {
      io.stdout(
        `${JSON.stringify(
          verified.ok
            ? {
                ok: true,
                format: verified.value.format,
                embeddedSources: verified.value.embeddedSources,
                sources: verified.value.manifest.sources.map(
                  ({ base64: _base64, ...source }) => source,
                ),
                auditCheckpoint: verified.value.manifest.auditCheckpoint,
              }
            : { ok: false, ...verified.error },
          null,
          2,
        )}\n`,
      );
      // The JSON is for the pipeline; the one line on stderr is for whoever reads its log.
      if (verified.ok) return ExitCode.ok;
    }
    if (!verified.ok) throw new CommandFailure(`${file}: ${verified.error.message}`);
    io.stdout('OK\n');
    return ExitCode.ok;
  },
};
