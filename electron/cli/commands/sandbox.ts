/** `archivist sandbox`: runs the embedded Kanta-style FHIR test environment until Ctrl+C. */
import path from 'node:path';
import { parseFaultSpec } from '../../sandbox/faults';
import { startSandbox, type SandboxOptions } from '../../sandbox/server';
import { generateSeedCatalog } from '../../sandbox/seed/generate-seed';
import {
  isStandInEnvironment,
  standInEnvironments,
  type StandInEnvironment,
} from '../../sandbox/seed/stand-in';
import type { SandboxTlsFiles } from '../../sandbox/tls-files';
import { CommandFailure, ExitCode, UsageError, parseCommandArgs, type Command } from '../command';

const help = `Usage: archivist sandbox [--port N] [--data DIR] [--patients N] [--documents N] [--seed N]
                         [--environment at|tk] [--faults SPEC] [--calendar] [--now ISO] [--tls]
                         [--json]

Serves a local FHIR R4 test environment on 127.0.0.1 and prints "listening on <base-url>"
once ready. Ctrl+C stops it.

Options:
  --port N        port to listen on (default: a free port)
  --data DIR      keep stored documents and invalidations in DIR across restarts
                  (default: in memory only)
  --patients N    number of seeded test patients (default 25)
  --documents N   number of seeded documents (default 500)
  --seed N        seed for the generated data and the fault pattern (default 1)
  --environment at|tk
                  stand in for Kanta's AT or TK: the same documents as without it, but
                  as that environment's archive stores them, with its own storage times
                  (copyTime, declaredTime, retentionPeriod) and its own resource ids
                  (at-doc-1, tk-doc-1, …); find the same document in the other one by
                  its document id
  --faults SPEC   misbehave on purpose; SPEC is a comma-separated list of:
                    latency=200ms      delay every response
                    error=5%:503       answer 5% of requests with a 5xx status
                    throttle=2%        answer 2% with 429 and Retry-After: 1
                    reset=1%           drop 1% of connections without an answer
                    blackhole=/Binary  never answer paths starting with /Binary
                    drip=64B/100ms     send responses 64 bytes every 100 ms
  --calendar      follow the Kanta test service calendar (Europe/Helsinki): during the
                  fault-testing window (first Monday 12:00–15:00) every request gets 503
  --now ISO       start the sandbox clock at this instant (to stand inside a window)
  --tls           serve HTTPS and require client certificates: creates once (openssl) a local
                  CA, a server certificate for 127.0.0.1/localhost and a client certificate
                  (PEM and PKCS#12) in DIR/tls (or a temp folder) and prints where they are
  --json          print {"baseUrl": ...} as JSON instead of the "listening on" line

Exit codes: 0 stopped (Ctrl+C), 1 it could not start (one line on stderr says why), 2 bad usage.

Examples:
  archivist sandbox --port 8080
  archivist sandbox --data ./sandbox-data --faults latency=200ms,error=5%:503 --seed 42
  archivist sandbox --calendar --now 2026-12-07T11:00:00Z
  archivist sandbox --environment at --port 8081    (and --environment tk --port 8082)
`;

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number, not '${value}'.`);
  return Number(value);
}

function environmentOf(value: string | undefined): StandInEnvironment | undefined {
  if (value === undefined || isStandInEnvironment(value)) return value;
  throw new UsageError(
    `--environment must be one of ${standInEnvironments.join(', ')}, not '${value}'.`,
  );
}

function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

interface SandboxFlags {
  readonly port?: string;
  readonly data?: string;
  readonly patients?: string;
  readonly documents?: string;
  readonly seed?: string;
  readonly environment?: string;
  readonly faults?: string;
  readonly calendar?: boolean;
  readonly now?: string;
  readonly tls?: boolean;
}

/** Turns the flags into sandbox options; every bad value is a UsageError (exit 2). */
function sandboxOptions(values: SandboxFlags, cwd: string): SandboxOptions {
  const port = count('port', values.port, 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}.`);
  const seed = count('seed', values.seed, 1);
  const patients = count('patients', values.patients, 25);
  // The generator would quietly make one patient anyway: every document needs one.
  if (patients < 1)
    throw new UsageError('--patients must be at least 1: every document needs a patient.');
  const environment = environmentOf(values.environment);
  const catalog = generateSeedCatalog({
    seed,
    patients,
    documents: count('documents', values.documents, 500),
    ...(environment ? { environment } : {}),
  });
  const faults = parseFaultSpec(values.faults ?? '');
  if (!faults.ok) throw new UsageError(`--faults: ${faults.error.message}`);
  const now = values.now === undefined ? undefined : new Date(values.now);
  if (now && Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO date and time, not '${values.now}'.`);
  return {
    port,
    seed,
    faults: faults.value,
    catalog,
    calendar: values.calendar === true,
    tls: values.tls === true,
    ...(now ? { now } : {}),
    ...(values.data !== undefined ? { dataDir: path.resolve(cwd, values.data) } : {}),
  };
}

function certificateLines(tls: SandboxTlsFiles): string {
  return [
    `certificates in ${tls.directory}:`,
    `  CA               ${tls.caCertificate}`,
    `  client (PEM)     ${tls.clientCertificate} + ${tls.clientKey}`,
    `  client (PKCS#12) ${tls.clientPkcs12} (passphrase '${tls.clientPkcs12Passphrase}')`,
    '',
  ].join('\n');
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'run the local FHIR test environment (sandbox)',
  help,
  run: async (args, io) => {
    const { values } = parseCommandArgs(
      args,
      {
        port: { type: 'string' },
        data: { type: 'string' },
        patients: { type: 'string' },
        documents: { type: 'string' },
        seed: { type: 'string' },
        environment: { type: 'string' },
        faults: { type: 'string' },
        calendar: { type: 'boolean' },
        now: { type: 'string' },
        json: { type: 'boolean' },
        tls: { type: 'boolean' },
      },
      false,
    );
    const started = await startSandbox(sandboxOptions(values, io.cwd));
    if (!started.ok) throw new CommandFailure(started.error.message);
    const { baseUrl, tls } = started.value;
    if (tls && !values.json) io.stdout(certificateLines(tls));
    io.stdout(
      values.json
        ? `${JSON.stringify({ baseUrl, ...(tls ? { tls } : {}) })}\n`
        : `listening on ${baseUrl}\n`,
    );
    await waitForStop();
    await started.value.close();
    return ExitCode.ok;
  },
};
