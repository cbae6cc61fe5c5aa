/** `--tls`: HTTPS with a local CA that requires a client certificate. */
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../electron/sandbox/server';

function get(url: string, options: https.RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, options, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

describe('sandbox over TLS', () => {
  it('answers a client with the sandbox client certificate and refuses one without', async () => {
    const started = await startSandbox({ tls: true });
    if (!started.ok) throw new Error(started.error.message);
    const { baseUrl, tls, close } = started.value;
    try {
      expect(baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      if (!tls) throw new Error('no certificates');
      const ca = await readFile(tls.caCertificate);
      const pfx = await readFile(tls.clientPkcs12);
      expect(
        await get(`${baseUrl}/metadata`, { ca, pfx, passphrase: tls.clientPkcs12Passphrase }),
      ).toBe(200);
      await expect(get(`${baseUrl}/metadata`, { ca })).rejects.toThrow();
    } finally {
      await close();
    }
  }, 30_000);
});
