import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronMock } from '../../support/electron-mock';

vi.mock('electron', () => electronMock);

const { serveAppRequest } = await import('../../../../electron/main/app-protocol');
const { contentSecurityPolicy } =
  await import('../../../../electron/services/content-security-policy');

const base = mkdtempSync(path.join(tmpdir(), 'archivist-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<html>app</html>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
mkdirSync(path.join(base, 'renderer-evil'));
writeFileSync(path.join(base, 'renderer-evil', 'x.txt'), 'TOP SECRET');

describe('app:// protocol', () => {
  it('serves the entry page with the security headers', async () => {
    const response = await serveAppRequest(root, 'app://archivist/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<html>app</html>');
    expect(response.headers.get('content-security-policy')).toContain(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const response = await serveAppRequest(root, 'app://archivist/assets/app.js');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://archivist/../secret.txt',
    'app://archivist/%2e%2e/secret.txt',
    'app://archivist/%2E%2E%2Fsecret.txt',
    'app://archivist/assets/..%2f..%2fsecret.txt',
    'app://archivist/..%5csecret.txt',
    'app://archivist/%252e%252e/secret.txt',
    'app://archivist/..%00/secret.txt',
    'app://archivist/%ZZ',
    'app://archivist/../renderer-evil/x.txt',
    'app://archivist//etc/passwd',
    'app://archivist/C:%5cWindows%5cwin.ini',
    'app://other-host/index.html',
    'app://archivist/missing.html',
  ])('refuses %s without leaking anything', async (url) => {
    const response = await serveAppRequest(root, url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });
});
