/**
 * The classifier on errors real sockets produce outside the mTLS matrix: deadlines,
 * cancellation, a plain HTTP server behind an https:// address, `localhost` (Node tries both
 * address families and reports an AggregateError), and values that are not errors at all.
 */
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentErrorCodes as codes } from '../../../../../electron/services/environments/connection';
import { networkReason } from '../../../../../electron/services/environments/fhir/network-errors';
import {
  classifyConnectionError,
  classifyTlsFailure,
} from '../../../../../electron/services/tls/classify-tls-error';

const context = { host: 'test-env', usedClientCertificate: false };
let blackhole: net.Server;
let plain: http.Server;
const heldSockets: net.Socket[] = [];

function portOf(server: net.Server): number {
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  blackhole = net.createServer((socket) => heldSockets.push(socket));
  plain = http.createServer((_request, response) => response.end('plain'));
  await Promise.all([
    new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve)),
  ]);
});

afterAll(async () => {
  for (const socket of heldSockets) socket.destroy();
  await Promise.all([
    new Promise((resolve) => blackhole.close(resolve)),
    new Promise((resolve) => plain.close(resolve)),
  ]);
});

function failureOf(url: string, signal?: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    const request = https.get(url, { agent: false, ...(signal ? { signal } : {}) }, (response) => {
      response.resume();
      resolve(new Error(`unexpected answer ${response.statusCode}`));
    });
    request.on('error', resolve);
  });
}

describe('classifyConnectionError', () => {
  it('a passed deadline (AbortSignal.timeout) is a timeout', async () => {
    const error = await failureOf(
      `https://127.0.0.1:${portOf(blackhole)}/`,
      AbortSignal.timeout(150),
    );
    expect(classifyConnectionError(error, context)).toEqual({
      code: codes.timeout,
      message: 'test-env did not answer in time.',
    });
  });

  it('a cancelled request is cancelled', async () => {
    const controller = new AbortController();
    const pending = failureOf(`https://127.0.0.1:${portOf(blackhole)}/`, controller.signal);
    controller.abort();
    expect(classifyConnectionError(await pending, context).code).toBe(codes.cancelled);
  });

  it('a plain HTTP server behind an https:// address does not speak TLS', async () => {
    const error = await failureOf(`https://127.0.0.1:${portOf(plain)}/`);
    const failure = classifyTlsFailure(error, context);
    expect(failure.reason).toBe('not-tls');
    expect(failure.error.code).toBe(codes.unreachable);
    expect(failure.error.message).toMatch(/does not speak TLS on that port/);
  });

  it('localhost on a closed port is refused, whichever address family answered', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(`https://localhost:${port}/`);
    expect(classifyConnectionError(error, { ...context, host: `localhost:${port}` })).toEqual({
      code: codes.unreachable,
      message: `Cannot reach localhost:${port}: the connection was refused (nothing listens on that port).`,
    });
  });

  it("a system error without words of its own is told in libuv's words, not its code", async () => {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: binding to it fails locally
    const error = await new Promise<unknown>((resolve) => {
      const request = https.get(`https://127.0.0.1:${portOf(blackhole)}/`, {
        agent: false,
        localAddress: '192.0.2.1',
      });
      request.on('error', resolve);
    });
    expect((error as NodeJS.ErrnoException).code).toBe('EADDRNOTAVAIL');
    const classified = classifyConnectionError(error, context);
    expect(classified).toEqual({
      code: codes.unreachable,
      message: 'Cannot reach test-env: address not available.',
    });
    expect(classified.message).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(networkReason(error as Error)).toBe('address not available');
  });

  it('a reset without a client certificate is only a reset', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyConnectionError(reset, context)).toEqual({
      code: codes.unreachable,
      message: 'Cannot reach test-env: the connection was reset.',
    });
    expect(classifyConnectionError(reset, { ...context, usedClientCertificate: true }).code).toBe(
      codes.clientCertificateRejected,
    );
  });

  it('values that are not errors still get a sentence', () => {
    expect(classifyConnectionError('boom', context)).toEqual({
      code: codes.unreachable,
      message: 'Cannot reach test-env: boom.',
    });
    expect(classifyConnectionError(undefined, context).code).toBe(codes.unreachable);
  });
});
