/**
 * A listen that fails is one sentence naming host:port, the cause in words and what to do, never
 * an errno code: checked on the errors real listens give. The sandbox itself always listens on
 * 127.0.0.1, so a foreign address and an unknown host name are tried on a plain server.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenProblem } from '../../../../electron/sandbox/listen-problem';

const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** The error a plain server's listen gives (the test fails if it listens). */
function listenError(port: number, host: string): Promise<NodeJS.ErrnoException> {
  const server = net.createServer();
  return new Promise((resolve, reject) => {
    server.once('error', resolve);
    server.listen(port, host, () => {
      server.close();
      reject(new Error(`listening on ${host}:${port} did not fail`));
    });
  });
}

/** Linux's first port a user who is not root may listen on; undefined elsewhere. */
function firstUnprivilegedPort(): number | undefined {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
  } catch {
    return undefined;
  }
}

const isRoot = process.getuid?.() === 0;
const unprivilegedStart = firstUnprivilegedPort();

describe('listenProblem on real listen errors', () => {
  it('a port in use', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      expect(listenProblem(await listenError(port, '127.0.0.1'), '127.0.0.1', port)).toBe(
        `Cannot listen on 127.0.0.1:${port}: the port is in use (choose another --port, or leave it out for a free one).`,
      );
    } finally {
      taken.close();
    }
  });

  it('an address that is not this machine’s (TEST-NET-1)', async () => {
    const error = await listenError(8080, '192.0.2.1');
    expect(error.code).toBe('EADDRNOTAVAIL');
    expect(listenProblem(error, '192.0.2.1', 8080)).toBe(
      'Cannot listen on 192.0.2.1:8080: address not available: 192.0.2.1 is not an address of this machine (check its network settings).',
    );
  });

  it('a host name that does not exist (.invalid, RFC 2606)', async (context) => {
    const host = 'archivist-sandbox.invalid';
    const error = await listenError(8080, host);
    // Without a reachable name server the lookup fails as EAI_AGAIN before saying ENOTFOUND.
    if (error.code === 'EAI_AGAIN') return context.skip('no name server answers here');
    expect(error.code).toBe('ENOTFOUND');
    expect(listenProblem(error, host, 8080)).toBe(
      `Cannot listen on ${host}:8080: the host name ${host} is not known (check its spelling).`,
    );
  });
});

describe('listenProblem wording', () => {
  it('a free port that cannot be had names no --port', () => {
    expect(listenProblem({ code: 'EADDRINUSE', errno: -98 }, '127.0.0.1', 0)).toBe(
      'Cannot listen on a free port of 127.0.0.1: no free port is left (close some programs and try again).',
    );
    expect(listenProblem({ code: 'EACCES', errno: -13 }, '127.0.0.1', 0)).toBe(
      "Cannot listen on a free port of 127.0.0.1: permission denied by this machine's security settings (ask its administrator).",
    );
  });

  it("any other code is told in libuv's words, never as the code", () => {
    expect(listenProblem({ code: 'EMFILE', errno: -24 }, '127.0.0.1', 8080)).toBe(
      'Cannot listen on 127.0.0.1:8080: too many open files (choose another --port, or try again).',
    );
    expect(listenProblem({ code: 'ENOBUFS' }, '127.0.0.1', 0)).toBe(
      'Cannot listen on a free port of 127.0.0.1: no buffer space available (try again).',
    );
  });
});

// As root, the sandbox runs as `nobody` (uid 65534), the user a privileged port refuses, if it
// can read this checkout; a user who is not root is refused by itself, unless this machine lets
// everyone have port 80.
const canNobodyRead = (statSync(root).mode & 0o005) === 0o005;
const canBeRefusedPort80 =
  unprivilegedStart !== undefined && unprivilegedStart > 80 && (!isRoot || canNobodyRead);

describe.skipIf(!canBeRefusedPort80)('archivist sandbox --port 80 as a user, not root', () => {
  it('one line and exit 1', () => {
    const run = spawnSync(tsx, ['electron/cli/archivist.ts', 'sandbox', '--port', '80'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: '/tmp' },
      timeout: 30_000,
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'archivist sandbox: Cannot listen on 127.0.0.1:80: permission denied: ports below 1024 are reserved for the administrator (choose a --port of 1024 or above, or leave it out for a free one).\n',
    });
  }, 30_000);
});
