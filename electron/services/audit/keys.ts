/**
 * The installation's Ed25519 key pair that signs checkpoints. Made on first use; the private key
 * file is 0600 so only this user can sign.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CheckpointKeys {
  readonly sign: (payload: string) => string;
  readonly verify: (payload: string, signature: string) => boolean;
}

function verifier(publicKey: KeyObject): CheckpointKeys['verify'] {
  return (payload, signature) => {
    // Buffer's Base64 decoder skips stray characters; demand the exact canonical encoding.
    const bytes = Buffer.from(signature, 'base64');
    if (bytes.toString('base64') !== signature) return false;
    try {
      return verify(null, Buffer.from(payload), publicKey, bytes);
    } catch {
      return false;
    }
  };
}

/** Loads the key pair, making one if there is none yet. */
export function loadOrCreateKeys(auditDir: string): CheckpointKeys {
  const dir = path.join(auditDir, 'keys');
  const privateFile = path.join(dir, 'checkpoint-ed25519.key');
  const publicFile = path.join(dir, 'checkpoint-ed25519.pub');
  if (!existsSync(privateFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(publicFile, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(privateFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
  }
  const privateKey = createPrivateKey(readFileSync(privateFile));
  const publicKey = createPublicKey(readFileSync(publicFile));
  return {
    sign: (payload) => sign(null, Buffer.from(payload), privateKey).toString('base64'),
    verify: verifier(publicKey),
  };
}

/** Only the public key, for verifying; null when the installation never signed anything. */
export function loadVerifier(auditDir: string): CheckpointKeys['verify'] | null {
  const publicFile = path.join(auditDir, 'keys', 'checkpoint-ed25519.pub');
  if (!existsSync(publicFile)) return null;
  return verifier(createPublicKey(readFileSync(publicFile)));
}
