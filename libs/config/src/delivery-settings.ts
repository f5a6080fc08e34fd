import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The delivery service's own knobs; other services keep the defaults. */
export interface DeliverySettings {
  /**
   * CERT_SIGNING_KEY_FILE: a PEM file holding the Ed25519 private key (PKCS#8, `openssl genpkey -algorithm ed25519`)
   * every certificate's payload is signed with; the public key is derived from it and published. Unset: required in
   * production (NODE_ENV=production refuses to start); elsewhere the delivery service makes an ephemeral key at start
   * (a warning says so), which signs as well but is gone at the next start. `npm start` keeps one in .data/.
   */
  certSigningKeyFile?: string;
}

export const DELIVERY_DEFAULTS: DeliverySettings = { certSigningKeyFile: undefined };

export function readDeliverySettings(env: NodeJS.ProcessEnv, problems: string[]): DeliverySettings {
  const certSigningKeyFile = env.CERT_SIGNING_KEY_FILE?.trim() || undefined;
  if (certSigningKeyFile === undefined) {
    if (env.NODE_ENV === 'production') problems.push('CERT_SIGNING_KEY_FILE must name an Ed25519 private key (PEM) in production');
  } else {
    const problem = signingKeyProblem(certSigningKeyFile);
    if (problem) problems.push(`CERT_SIGNING_KEY_FILE ${problem}`);
  }
  return { certSigningKeyFile };
}

/** Why the file cannot sign certificates, or undefined when it holds an Ed25519 private key. Never echoes the key. */
function signingKeyProblem(file: string): string | undefined {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${file}`;
  }
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? undefined : `must hold an Ed25519 private key, not ${key.asymmetricKeyType}: ${file}`;
  } catch {
    return `is not a PEM private key: ${file}`;
  }
}
