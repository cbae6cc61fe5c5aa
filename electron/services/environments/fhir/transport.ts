/**
 * One HTTP(S) exchange under an AbortSignal that covers everything: connecting, the headers and
 * the whole body (TOOLCHAIN.md: Node's `timeout` option is an idle timer, so a slow drip would
 * never end; the signal is a real deadline). It never throws and never retries: it reports what
 * happened, including whether the request may have reached the server, which decides whether a
 * failed write is ambiguous.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export interface ExchangeRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  readonly agent: http.Agent;
  readonly signal: AbortSignal;
  readonly maxResponseBytes: number;
}

export type ExchangeOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: http.IncomingHttpHeaders;
      readonly body: Buffer;
    }
  | {
      readonly kind: 'failure';
      /** `aborted`: the signal fired; `too-large`: the body passed `maxResponseBytes`. */
      readonly reason: 'network' | 'aborted' | 'too-large';
      /**
       * True once a connection was established (TLS: handshake done), so request bytes may have
       * reached the server; false for refused connections, DNS and handshake failures.
       */
      readonly mayHaveReachedServer: boolean;
      readonly error?: Error;
    };

function watchConnection(socket: Socket, onConnected: () => void): void {
  if (!socket.connecting && (!(socket instanceof TLSSocket) || socket.encrypted))
    return onConnected();
  socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', onConnected);
}

/** Sends one request and reads the whole answer, or reports why not. */
export function exchange(request: ExchangeRequest): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    let isSettled = false;
    let mayHaveReachedServer = false;
    let clientRequest: http.ClientRequest | undefined;
    const settle = (outcome: ExchangeOutcome) => {
      if (isSettled) return;
      isSettled = true;
      request.signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const fail = (reason: 'network' | 'aborted' | 'too-large', error?: Error) => {
      settle({ kind: 'failure', reason, mayHaveReachedServer, ...(error ? { error } : {}) });
      clientRequest?.destroy();
    };
    const onAbort = () => fail('aborted');
    if (request.signal.aborted) return onAbort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const transport = request.url.protocol === 'https:' ? https : http;
      clientRequest = transport.request(request.url, {
        method: request.method,
        headers: request.headers,
        agent: request.agent,
      });
    } catch (error) {
      // A wrong PKCS#12 passphrase throws synchronously (TOOLCHAIN.md).
      return fail('network', error instanceof Error ? error : new Error(String(error)));
    }
    clientRequest.on('socket', (socket: Socket) =>
      watchConnection(socket, () => {
        mayHaveReachedServer = true;
      }),
    );
    clientRequest.on('error', (error) => fail('network', error));
    clientRequest.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxResponseBytes) return fail('too-large');
        chunks.push(chunk);
      });
      response.on('error', (error) => fail('network', error));
      response.on('end', () =>
        settle({
          kind: 'response',
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('close', () => {
        if (!response.complete) fail('network', new Error('The connection closed mid-answer.'));
      });
    });
    clientRequest.end(request.body);
  });
}
