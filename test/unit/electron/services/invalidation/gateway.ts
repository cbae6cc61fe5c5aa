/**
 * A tiny HTTP gateway for the fault test: passes requests on to the sandbox, or answers a write
 * with a 5xx: 503 without passing it on (nothing done), or 500/504 after the sandbox has done the
 * work (the answer lies or is lost), as a real load balancer in front of a test service can.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type GatewayMode = 'pass' | '503-before' | '500-after' | '504-after';

export interface Gateway {
  readonly port: number;
  setMode(mode: GatewayMode): void;
  close(): Promise<void>;
}

const agent = new http.Agent({ keepAlive: false });

function forward(
  target: { host: string; port: number },
  request: http.IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      {
        host: target.host,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: `${target.host}:${target.port}` },
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

function outcome(status: number, text: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'transient', diagnostics: text }],
    }),
  );
}

/** Starts a gateway on 127.0.0.1 in front of `target`, in `pass` mode. */
export async function startGateway(target: { host: string; port: number }): Promise<Gateway> {
  let mode: GatewayMode = 'pass';
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const isWrite = request.method === 'POST';
      const current = isWrite ? mode : 'pass';
      const answer = (status: number, body: Buffer, headers: http.OutgoingHttpHeaders = {}) => {
        if (response.destroyed) return;
        response.writeHead(status, {
          ...headers,
          'content-type': 'application/fhir+json',
          'content-length': String(body.length),
        });
        response.end(body);
      };
      if (current === '503-before') return answer(503, outcome(503, 'Gateway: service busy.'));
      forward(target, request, Buffer.concat(chunks)).then(
        (upstream) => {
          if (current === 'pass')
            return answer(upstream.status, upstream.body, {
              ...(upstream.headers.location ? { location: upstream.headers.location } : {}),
              ...(upstream.headers.etag ? { etag: upstream.headers.etag } : {}),
            });
          const status = current === '500-after' ? 500 : 504;
          answer(status, outcome(status, 'Gateway: the upstream answer was lost.'));
        },
        () => answer(502, outcome(502, 'Gateway: upstream failed.')),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    setMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
