/**
 * The browser harness (a development and test tool, never shipped): serves the built renderer on
 * 127.0.0.1 and the same handler registry as Electron's main process over a loopback HTTP bridge.
 * Callers must present the per-run token in a header (which also forces a CORS preflight that we
 * never answer, so other web pages cannot call in), and the Host header must be ours (DNS
 * rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, Events } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/result';
import { securityHeaders } from '../services/content-security-policy';
import { dispatch, isChannel } from '../services/dispatch';
import type { Handlers } from '../services/handlers';
import { contentTypeFor, resolveStaticPath } from '../services/static-files';

export interface HarnessOptions {
  readonly handlers: Handlers;
  readonly rendererRoot: string;
  readonly port?: number;
}

export interface Harness {
  /** The address to open, token included. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly publish: <E extends EventName>(name: E, payload: Events[E]) => void;
  readonly close: () => Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

async function readBody(request: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return err('request-too-large', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return {
      ok: true,
      value: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown,
    };
  } catch {
    return err('invalid-request', 'The request is not valid JSON.');
  }
}

async function serveStatic(
  rendererRoot: string,
  pathname: string,
  response: ServerResponse,
): Promise<void> {
  const file = resolveStaticPath(rendererRoot, pathname);
  if (!file) return send(response, 404, 'text/plain', 'Not found');
  try {
    send(response, 200, contentTypeFor(file), await readFile(file));
  } catch {
    send(response, 404, 'text/plain', 'Not found');
  }
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('base64url');
  const subscribers = new Set<ServerResponse>();
  let host = '';

  const server = createServer((request, response) => {
    void (async () => {
      if (request.headers.host !== host) return send(response, 421, 'text/plain', 'Wrong host');
      const url = new URL(request.url ?? '/', `http://${host}`);
      if (url.pathname === '/bridge/events' && request.method === 'GET') {
        if (!sameToken(url.searchParams.get('token'), token))
          return sendResult(response, 403, err('bad-token', 'Wrong bridge token.'));
        response.writeHead(200, {
          ...securityHeaders,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
        });
        response.write(': connected\n\n');
        subscribers.add(response);
        request.on('close', () => subscribers.delete(response));
        return;
      }
      if (url.pathname.startsWith('/bridge/')) {
        if (request.method !== 'POST')
          return sendResult(response, 405, err('invalid-request', 'Use POST.'));
        if (!sameToken(request.headers['x-archivist-token'] as string | undefined, token)) {
          return sendResult(response, 403, err('bad-token', 'Wrong bridge token.'));
        }
        const channel = url.pathname.slice('/bridge/'.length);
        if (!isChannel(channel))
          return sendResult(response, 404, err('unknown-channel', 'No such channel.'));
        const body = await readBody(request);
        if (!body.ok) {
          // The rest of an oversize body is never read: close the connection instead of reusing it.
          response.setHeader('Connection', 'close');
          return sendResult(response, body.error.code === 'request-too-large' ? 413 : 400, body);
        }
        return sendResult(response, 200, await dispatch(options.handlers, channel, body.value));
      }
      if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
      return serveStatic(options.rendererRoot, url.pathname, response);
    })().catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    publish: (name, payload) => {
      for (const subscriber of subscribers)
        subscriber.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const subscriber of subscribers) subscriber.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
