/**
 * `archivist search --env NAME --patient HETU`: one patient's documents in an environment
 * (FHIR or folder profile). The identity code must be a valid test code (the test service
 * only holds test patients). Searching is an access to patient data: the query event is durable
 * in the audit journal before any result is printed, and a failed search is recorded too.
 */
import { homedir } from 'node:os';
import { queryEvent } from '../../../shared/audit/builders';
import { parseHetu } from '../../../shared/identity/hetu';
import type { DocumentQuery } from '../../services/environments/connection';
import { resolveHome } from '../../services/home';
import { recordAll } from '../../services/workspace/audit-trail';
import { checkRows } from '../../services/workspace/check-document';
import { documentRow } from '../../services/workspace/document-rows';
import { cliContext } from '../audit-context';
import { openProfileConnection } from '../environment-document';
import { checkTextLines } from './search-check';
import { searchHeading, searchTextLines } from './search-text';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  shown,
  type CliIo,
  type Command,
  unexpectedArgument,
} from '../command';

const help = `Usage: archivist search --env NAME --patient HETU [--document ID] [--from DATE]
                        [--to DATE] [--type CODE] [--status STATUS] [--limit N] [--check]
                        [--json] [--home DIR]

Lists one patient's documents in an environment profile (archivist envs list), in the order the
environment answers them (a folder profile: newest first): date, status, version, title,
document id and resource id.

Options:
  --env NAME        the environment profile
  --patient HETU    the patient's identity code; must be a valid test code (individual number 900-999)
  --document ID     only the document with this document id (ClinicalDocument/id: root, or
                    root^extension), searched by identifier
  --from DATE       documents dated on or after DATE (YYYY-MM-DD)
  --to DATE         documents dated on or before DATE (YYYY-MM-DD)
  --type CODE       the document type (view) code, e.g. HOI
  --status STATUS   current, superseded or entered-in-error; also the words the table shows:
                    replaced (= superseded) and invalidated (= entered-in-error)
  --limit N         at most N documents (1-10000; default: all); when the patient has more, the
                    heading says they are the first N (--json: "moreExist": true)
  --check           also read each listed document's contents (each read audited) and list what
                    they show: identity codes that are not test codes, the findings \`archivist
                    show\` prints, versions of one setId used twice; a document that cannot be
                    read is noted and the check goes on (--json: each row's contentCheck)
  --json            the documents as JSON rows on stdout (the version is versionNumber)
  --home DIR        the home folder (profiles, audit journal)

The search is recorded in the audit journal before anything is printed; if the journal cannot
be written, nothing is printed. A progress line is written on stderr when it is a terminal.
Passphrases of client certificates: ARCHIVIST_PASSPHRASE_<NAME> or ARCHIVIST_PASSPHRASE, or
asked on the terminal.

Exit codes: 0 searched (also when nothing was found), 1 refused or failed (one line on stderr),
2 bad usage (missing option, malformed identity code or date).

Examples:
  archivist search --env sandbox --patient 010181-900C
  archivist search --env kanta-at --patient 010181-900C --from 2024-01-01 --status current --json
  archivist search --env kanta-at --patient 010181-900C --document 1.2.246.10.99990001.2026.52
`;

const options = {
  env: { type: 'string' },
  patient: { type: 'string' },
  document: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  home: { type: 'string' },
} as const;

type Status = NonNullable<DocumentQuery['status']>;
/**
 * --status words: FHIR's, and the ones the text table's status column shows (rowStatusOf in
 * document-rows.ts says replaced and invalidated), so a tester can type what was printed.
 */
const statusWords = new Map<string, Status>([
  ['current', 'current'],
  ['superseded', 'superseded'],
  ['entered-in-error', 'entered-in-error'],
  ['replaced', 'superseded'],
  ['invalidated', 'entered-in-error'],
]);
const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A document id as the app's "same document in another environment" takes it (same-document.ts). */
const documentIdPattern = /^[0-9A-Za-z.^:-]{1,128}$/;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function checkedDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!datePattern.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`${flag} must be a date YYYY-MM-DD, not '${value.slice(0, 40)}'.`);
  return value;
}

/** The query the flags ask for; every malformed value is a usage error naming it. */
function queryOf(values: Values): { env: string; query: DocumentQuery & { patient: string } } {
  if (values.env === undefined) throw new UsageError('Give --env NAME (see archivist envs list).');
  if (values.patient === undefined) throw new UsageError('Give --patient HETU.');
  const hetu = parseHetu(values.patient);
  if (!hetu.valid)
    throw new UsageError(`--patient: ${hetu.message ?? 'the identity code is not valid.'}`);
  if (!hetu.isTestCode)
    throw new CommandFailure(
      `${values.patient} is not a test identity code (individual number 900-999); test environments may only be searched for test patients.`,
    );
  const from = checkedDate(values.from, '--from');
  const to = checkedDate(values.to, '--to');
  if (from && to && from > to) throw new UsageError('--from is after --to.');
  const status = values.status === undefined ? undefined : statusWords.get(values.status);
  if (values.status !== undefined && status === undefined)
    throw new UsageError(
      `--status must be one of ${[...statusWords.keys()].join(', ')}, not '${shown(values.status)}'.`,
    );
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || limit < 1 || limit > 10_000)
      throw new UsageError('--limit must be a whole number from 1 to 10000.');
  }
  if (values.type !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(values.type))
    throw new UsageError('--type must be a code such as HOI.');
  if (values.document !== undefined && !documentIdPattern.test(values.document))
    throw new UsageError(
      `--document must be a document id (an OID, optionally ^extension), not '${shown(values.document)}'.`,
    );
  return {
    env: values.env,
    query: {
      patient: values.patient,
      ...(values.document ? { documentId: values.document } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(values.type ? { type: values.type } : {}),
      ...(status ? { status } : {}),
      ...(limit ? { limit } : {}),
    },
  };
}

/** The query as the audit record keeps it. */
function describeQuery(query: DocumentQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) params.append(name, String(value));
  return `DocumentReference?${params.toString()}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+\s*/g, ' ');
}

async function run(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, options, true);
  if (positionals.length > 0) throw unexpectedArgument(positionals[0]);
  const { env, query } = queryOf(values);
  const home = resolveHome({
    explicitHome: values.home,
    env: io.env,
    platform: process.platform,
    userHome: homedir(),
  });
  const { profile, connection } = await openProfileConnection(home, env, io);
  const context = cliContext({
    ...(profile.operator ? { operator: profile.operator } : {}),
    environment: { name: profile.displayName, baseUrl: profile.baseUrl },
  });
  const described = describeQuery(query);
  // One more than the limit tells whether the patient has more, without a second request
  // (review 10: "8 documents of …" read like a total).
  const asked = query.limit === undefined ? query : { ...query, limit: query.limit + 1 };
  const found = await connection.search(asked, {
    onProgress: ({ fetched, total }) => {
      if (io.isStderrTty)
        io.stderr(
          `\rsearching ${env}: ${fetched}${total === undefined ? '' : ` of ${total}`} documents`,
        );
    },
  });
  if (io.isStderrTty) io.stderr('\r\u001b[K');
  if (!found.ok) {
    connection.close();
    // A failed search is still an attempt on the patient's data (outcome 8).
    await recordAll(
      home,
      [
        queryEvent(context, query.patient, described, {
          code: '8',
          description: found.error.message,
        }),
      ],
      'the failure was not recorded',
    );
    throw new CommandFailure(oneLine(found.error.message));
  }
  const recorded = await recordAll(
    home,
    [queryEvent(context, query.patient, described)],
    'nothing was printed',
  );
  if (!recorded.ok) {
    connection.close();
    throw new CommandFailure(oneLine(recorded.error.message));
  }
  const moreExist = query.limit !== undefined && found.value.length > query.limit;
  const listed = found.value.slice(0, query.limit).map(documentRow);
  const rows = values.check
    ? await checkRows(
        home,
        connection,
        context,
        { profileId: env, rows: listed },
        (done, total) => {
          if (io.isStderrTty) io.stderr(`\rchecking contents: ${done} of ${total}`);
        },
      )
    : listed;
  connection.close();
  if (values.check && io.isStderrTty) io.stderr('\r\u001b[K');
  if (values.json) {
    const answer = { environment: env, query, documents: rows, moreExist };
    io.stdout(`${JSON.stringify(answer, null, 2)}\n`);
    return ExitCode.ok;
  }
  const heading = searchHeading({ count: rows.length, patient: query.patient, env, moreExist });
  const checked = values.check ? checkTextLines(rows) : [];
  io.stdout(`${[...searchTextLines(heading, rows), ...checked].join('\n')}\n`);
  return ExitCode.ok;
}

export const searchCommand: Command = {
  name: 'search',
  summary: "search a patient's documents in an environment (audited)",
  help,
  run,
};
