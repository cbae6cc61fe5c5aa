import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../../electron/harness/harness-server';
import { createHandlers } from '../../../../electron/services/handlers';
import { err } from '../../../../shared/result';

const base = mkdtempSync(path.join(tmpdir(), 'archivist-harness-'));
const rendererRoot = path.join(base, 'renderer');
mkdirSync(rendererRoot);
writeFileSync(path.join(rendererRoot, 'index.html'), '<html>ui</html>');
writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');

let harness: Harness;

beforeAll(async () => {
  const handlers = createHandlers({
    home: base,
    openLink: async () => err('not-available', 'desktop only'),
  });
  harness = await startHarness({ handlers, rendererRoot });
});
afterAll(() => harness.close());

/** A raw request, so tests can send headers fetch() would not allow (Host). */
function raw(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const { port } = new URL(harness.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method, path: pathname, headers },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

const bridge = (channel: string, token: string | undefined, body = '{}') =>
  raw(
    'POST',
    `/bridge/${channel}`,
    { 'Content-Type': 'application/json', ...(token ? { 'X-Archivist-Token': token } : {}) },
    body,
  );

describe('browser harness', () => {
  it('prints a loopback address with a random token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('serves the renderer with the CSP header', async () => {
    const response = await raw('GET', '/');
    expect(response.status).toBe(200);
    expect(response.body).toBe('<html>ui</html>');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers a bridge call with the right token through the shared handlers', async () => {
    const response = await bridge('app:info', harness.token);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: true,
      value: { dataFolder: base, profiles: [] },
    });
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'x'.repeat(32)],
    ['a token of another length', 'short'],
  ])('refuses a bridge call with %s', async (_label, token) => {
    const response = await bridge('app:info', token);
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'bad-token' } });
  });

  it('refuses a request for another Host (DNS rebinding)', async () => {
    const response = await raw('POST', '/bridge/app:info', {
      Host: 'evil.example',
      'X-Archivist-Token': harness.token,
    });
    expect(response.status).toBe(421);
  });

  it('validates payloads exactly as IPC does', async () => {
    const response = await bridge('app:info', harness.token, '{"extra":1}');
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const broken = await bridge('app:info', harness.token, '{not json');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'The request is not valid JSON.' },
    });
  });

  it('refuses unknown channels, GET on the bridge and oversize bodies', async () => {
    expect((await bridge('fs:read', harness.token)).status).toBe(404);
    expect(
      (await raw('GET', '/bridge/app:info', { 'X-Archivist-Token': harness.token })).status,
    ).toBe(405);
    const huge = await bridge(
      'app:info',
      harness.token,
      JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({
      ok: false,
      error: { code: 'request-too-large', message: 'The request is too large.' },
    });
  });

  it('keeps openExternal a desktop-only capability', async () => {
    const response = await bridge(
      'app:open-external',
      harness.token,
      '{"url":"https://www.kanta.fi/"}',
    );
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'not-available' },
    });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt'])(
    'does not serve %s',
    async (pathname) => {
      const response = await raw('GET', pathname);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('SECRET');
    },
  );

  it('streams published events to subscribers with the token only', async () => {
    expect((await raw('GET', '/bridge/events?token=wrong')).status).toBe(403);
    const received = new Promise<string>((resolve) => {
      const { port } = new URL(harness.origin);
      httpRequest(
        { host: '127.0.0.1', port, path: `/bridge/events?token=${harness.token}` },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('show-about')) resolve(text);
            else harness.publish('app:menu-command', { command: 'show-about' });
          });
        },
      ).end();
    });
    expect(await received).toContain('event: app:menu-command\ndata: {"command":"show-about"}');
  });
});
