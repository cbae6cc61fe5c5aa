/**
 * A small TCP fault proxy for tests (TOOLCHAIN.md: toxiproxy is not available here): put it
 * between a client and a real server and make the network misbehave on purpose: latency,
 * a blackhole, resets before or after the request, a slow drip of the answer, or a refused
 * connection. The mode is read when a connection is accepted, so switching it affects new
 * connections only. `connections` counts accepted connections, which tests use to count attempts.
 */
import net from 'node:net';

export type FaultMode =
  | { readonly kind: 'pass' }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'blackhole' }
  /** Accept the connection, then reset it when the request arrives, forwarding nothing. */
  | { readonly kind: 'reset-before-request' }
  /** Forward the request to the server, then reset the client socket before the answer. */
  | { readonly kind: 'reset-after-request' }
  /** Forward the answer `bytes` at a time every `everyMs`. */
  | { readonly kind: 'drip'; readonly bytes: number; readonly everyMs: number }
  /** Stop listening, so connecting fails with ECONNREFUSED. */
  | { readonly kind: 'refuse' };

export interface FaultProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  setMode(mode: FaultMode): void;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Resolves once a mode change has taken effect (leaving `refuse` listens again). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/** Sends what `from` receives to `to`, delayed by `ms` (order kept: equal delays fire in order). */
function forwardDelayed(from: net.Socket, to: net.Socket, ms: number): void {
  from.on('data', (chunk) =>
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, ms),
  );
  from.on('end', () => setTimeout(() => to.end(), ms));
}

/** Sends what `from` receives to `to` in `bytes`-sized pieces, one every `everyMs`. */
function forwardDripping(from: net.Socket, to: net.Socket, bytes: number, everyMs: number): void {
  let pending = Buffer.alloc(0);
  let ended = false;
  const timer = setInterval(() => {
    if (to.destroyed) return clearInterval(timer);
    if (pending.length > 0) {
      to.write(pending.subarray(0, bytes));
      pending = pending.subarray(bytes);
    } else if (ended) {
      clearInterval(timer);
      to.end();
    }
  }, everyMs);
  from.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
  });
  from.on('end', () => {
    ended = true;
  });
  to.on('close', () => clearInterval(timer));
}

function handle(client: net.Socket, mode: FaultMode, target: { host: string; port: number }) {
  if (mode.kind === 'blackhole') return void client.resume();
  if (mode.kind === 'reset-before-request') {
    client.once('data', () => client.resetAndDestroy());
    return;
  }
  const upstream = net.connect(target.port, target.host);
  const closeBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', closeBoth);
  upstream.on('error', closeBoth);
  client.on('close', () => upstream.destroy());
  // A server that ends cleanly is passed on by each mode (after its delay or drip); one that
  // vanishes without ending takes the client connection with it.
  let hasUpstreamEnded = false;
  upstream.on('end', () => (hasUpstreamEnded = true));
  upstream.on('close', () => {
    if (!hasUpstreamEnded) client.destroy();
  });
  switch (mode.kind) {
    case 'latency':
      forwardDelayed(client, upstream, mode.ms);
      forwardDelayed(upstream, client, mode.ms);
      return;
    case 'reset-after-request':
      client.pipe(upstream);
      // The server has handled the request once it starts answering: cut the client off then.
      upstream.once('data', () => {
        client.resetAndDestroy();
        upstream.destroy();
      });
      return;
    case 'drip':
      client.pipe(upstream);
      forwardDripping(upstream, client, Math.max(1, mode.bytes), mode.everyMs);
      return;
    default:
      client.pipe(upstream);
      upstream.pipe(client);
  }
}

/** Starts a proxy on a free 127.0.0.1 port in front of `target`, in `pass` mode. */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: FaultMode = { kind: 'pass' };
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    handle(client, mode, target);
  });
  const port = await listen(server, 0);
  let transition: Promise<void> = Promise.resolve();
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    setMode(next: FaultMode) {
      const wasRefusing = mode.kind === 'refuse';
      mode = next;
      if (next.kind === 'refuse' && !wasRefusing) {
        // close() stops accepting at once; open connections keep their own mode.
        server.close();
      } else if (next.kind !== 'refuse' && wasRefusing)
        transition = transition.then(() => listen(server, port).then(() => undefined));
    },
    settled: () => transition,
    async close() {
      await transition;
      for (const socket of sockets) socket.destroy();
      await stopListening();
    },
  };
}
