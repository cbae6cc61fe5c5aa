/**
 * `startSandbox`: the embedded Kanta-style FHIR test environment on 127.0.0.1, with optional
 * persistence, fault injection and the real service calendar (ARCHITECTURE.md, "Environments").
 */
import http from 'node:http';
import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { defaultCalendar, outageAt } from '../../shared/environments/calendar';
import { err, ok, type Result } from '../../shared/result';
import { generateSeedCatalog } from './seed/generate-seed';
import { findSigningKey } from './seed/signature';
import type { SeedCatalog } from './seed/seed-types';
import { seededRandom } from '../../shared/seeded-random';
import { decideFault, noFaults, type FaultSpec } from './faults';
import { outcome, type SandboxResponse } from './outcome';
import { listenProblem } from './listen-problem';
import { loadState, saveState } from './persistence';
import { primeFirstPages, type PrimingOutcome } from './prime-first-pages';
import { route } from './router';
import { emptyStore, seedStore, type SandboxStore } from './store';
import { ensureTlsFiles, serverTlsOptions, type SandboxTlsFiles } from './tls-files';
import type { WriteContext } from './writes';

/** How to start a sandbox. */
export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Keep state across restarts in this folder; in memory when absent. */
  readonly dataDir?: string;
  /** The documents to serve; by default the realistic generated catalogue (25 patients, 500 documents). */
  readonly catalog?: SeedCatalog;
  readonly faults?: FaultSpec;
  /** Seeds the fault RNG. */
  readonly seed?: number;
  /** Apply the Kanta service calendar (fault-testing disconnection → 503). */
  readonly calendar?: boolean;
  /** The sandbox's clock starts at this instant and runs on from there. */
  readonly now?: Date;
  /** Serve HTTPS and require client certificates (made once in `<dataDir>/tls` or a temp folder). */
  readonly tls?: boolean;
}

/** A running sandbox. */
export interface RunningSandbox {
  readonly baseUrl: string;
  readonly port: number;
  readonly store: SandboxStore;
  /** The CA, server and client certificates when started with `tls`. */
  readonly tls?: SandboxTlsFiles;
  /**
   * Settles when every patient's first pages are primed (prime-first-pages.ts), in the
   * background after listening; requests are answered meanwhile, a first page just costs more.
   */
  readonly primed: Promise<PrimingOutcome>;
  readonly close: () => Promise<void>;
}

function clockFrom(start: Date | undefined): () => Date {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** The Kanta client test service's published calendar, fault testing included (`--calendar`). */
const serviceCalendar = defaultCalendar({ faultTesting: true });

function calendarOutage(now: Date): SandboxResponse | undefined {
  const window = outageAt(serviceCalendar, now);
  if (!window) return undefined;
  const retryAfter = Math.max(1, Math.ceil((Date.parse(window.endsAt) - now.getTime()) / 1000));
  return outcome(
    503,
    'transient',
    `Scheduled ${window.kind} window until ${window.endsAt}: ${window.description}`,
    undefined,
    { 'retry-after': String(retryAfter) },
  );
}

function send(
  response: http.ServerResponse,
  result: SandboxResponse,
  drip: FaultSpec['drip'],
  isHead: boolean,
): void {
  const body =
    typeof result.body === 'string' ? Buffer.from(result.body) : Buffer.from(result.body);
  response.writeHead(result.status, { ...result.headers, 'content-length': String(body.length) });
  if (isHead) return void response.end();
  if (!drip) return void response.end(body);
  let offset = 0;
  const timer = setInterval(() => {
    if (response.destroyed) return clearInterval(timer);
    response.write(body.subarray(offset, offset + drip.bytes));
    offset += drip.bytes;
    if (offset >= body.length) {
      clearInterval(timer);
      response.end();
    }
  }, drip.everyMs);
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Handling {
  readonly context: WriteContext;
  readonly faults: FaultSpec;
  readonly random: () => number;
  readonly isCalendarOn: boolean;
}

async function handle(
  handling: Handling,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', handling.context.baseUrl);
  const fault = decideFault(handling.faults, url.pathname, handling.random);
  if (fault.kind === 'blackhole') return;
  if (fault.kind === 'reset') return void request.socket.destroy();
  if (handling.faults.latencyMs > 0)
    await new Promise((resolve) => setTimeout(resolve, handling.faults.latencyMs));
  const body = await readBody(request);
  const outage = handling.isCalendarOn ? calendarOutage(handling.context.now()) : undefined;
  const result =
    outage ??
    (fault.kind === 'error'
      ? outcome(
          fault.status,
          'transient',
          `Injected fault: the sandbox answers ${fault.status} to some requests (--faults).`,
        )
      : fault.kind === 'throttle'
        ? outcome(
            429,
            'throttled',
            'Injected fault: too many requests; retry after 1 second (--faults).',
            undefined,
            { 'retry-after': '1' },
          )
        : await route(handling.context, {
            method: request.method ?? 'GET',
            url,
            headers: request.headers as Record<string, string | undefined>,
            body,
          }));
  send(response, result, handling.faults.drip, request.method === 'HEAD');
}

/**
 * Runs saves one after another: two concurrent writes would share the temp file and one could
 * rename the other's half-written state into place.
 */
function serialised(save: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    last = last.catch(() => undefined).then(save);
    return last;
  };
}

/** Makes (or reuses) the certificates: in `<dataDir>/tls`, or a temp folder removed on close. */
async function prepareTls(
  isWanted: boolean,
  dataDir: string | undefined,
): Promise<Result<{ files?: SandboxTlsFiles; temporary?: string }>> {
  if (!isWanted) return ok({});
  const temporary =
    dataDir === undefined
      ? await mkdtemp(path.join(tmpdir(), 'archivist-sandbox-tls-'))
      : undefined;
  const made = await ensureTlsFiles(temporary ?? path.join(dataDir ?? '', 'tls'));
  if (!made.ok) return made;
  return ok({ files: made.value, ...(temporary ? { temporary } : {}) });
}

/** The sandbox serves this machine only (ARCHITECTURE.md; its TLS certificate names 127.0.0.1). */
const host = '127.0.0.1';

function listen(server: http.Server, port: number): Promise<Result<number>> {
  return new Promise((resolve) => {
    server.once('error', (error) =>
      resolve(err('listen-failed', listenProblem(error, host, port))),
    );
    server.listen(port, host, () => resolve(ok((server.address() as AddressInfo).port)));
  });
}

/** The HTTP(S) server, tracking its sockets so close() can end blackholed connections. */
async function createServer(handling: Handling, tls: SandboxTlsFiles | undefined) {
  const listener: http.RequestListener = (request, response) => {
    handle(handling, request, response).catch(() => {
      if (response.headersSent) return void response.destroy();
      const failure = outcome(500, 'exception', 'The sandbox failed to handle this request.');
      send(response, failure, undefined, false);
    });
  };
  const server = tls
    ? https.createServer(await serverTlsOptions(tls), listener)
    : http.createServer(listener);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { server, sockets };
}

/** Starts the sandbox; resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Result<RunningSandbox>> {
  // Without the key no seed document can be written: refuse to start instead of answering 500.
  const key = findSigningKey();
  if (!key.ok) return key;
  const now = clockFrom(options.now);
  const store = emptyStore();
  const catalog =
    options.catalog ??
    generateSeedCatalog({ seed: options.seed ?? 1, patients: 25, documents: 500 });
  seedStore(store, catalog, now());
  const { dataDir } = options;
  if (dataDir !== undefined) {
    const loaded = await loadState(dataDir, store, catalog.environment);
    if (!loaded.ok) return loaded;
  }
  const context: { -readonly [K in keyof WriteContext]: WriteContext[K] } = {
    store,
    baseUrl: '',
    now,
    onChange:
      dataDir === undefined
        ? async () => undefined
        : serialised(() => saveState(dataDir, store, catalog.environment)),
  };
  const handling: Handling = {
    context,
    faults: options.faults ?? noFaults,
    random: seededRandom(options.seed ?? 1),
    isCalendarOn: options.calendar === true,
  };
  const prepared = await prepareTls(options.tls === true, dataDir);
  if (!prepared.ok) return prepared;
  const { files: tls, temporary: temporaryTls } = prepared.value;
  const { server, sockets } = await createServer(handling, tls);
  const listened = await listen(server, options.port ?? 0);
  if (!listened.ok) return listened;
  context.baseUrl = `${tls ? 'https' : 'http'}://${host}:${listened.value}`;
  let isClosing = false;
  const primed = primeFirstPages(store, () => isClosing);
  const close = () =>
    new Promise<void>((resolve) => {
      isClosing = true;
      // Blackholed and dripping connections would otherwise keep close() waiting forever.
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    })
      // The few signatures still in flight finish first, so nothing runs after close.
      .then(() => primed)
      .then(() =>
        // Certificates made for an in-memory sandbox go with it; a data folder keeps them.
        temporaryTls === undefined ? undefined : rm(temporaryTls, { recursive: true, force: true }),
      );
  return ok({
    baseUrl: context.baseUrl,
    port: listened.value,
    store,
    ...(tls ? { tls } : {}),
    primed,
    close,
  });
}
