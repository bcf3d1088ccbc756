// Secrets at rest: AES-256-GCM, a random 96-bit IV per value, and a key-id prefix so keys can rotate.
//
//   stored value = "v1:<kid>:<iv b64url>:<tag b64url>:<ciphertext b64url>"
//
// `kid` is the first 8 hex characters of SHA-256(key), so operators never number keys by hand:
// put the new key in CREDENTIALS_ENCRYPTION_KEY and the old ones (comma-separated) in
// CREDENTIALS_ENCRYPTION_PREVIOUS_KEYS; old values still decrypt and `reencrypt` moves them over.
// Every value is bound to a context string (e.g. "client:<id>:calendly.accessToken") through GCM's
// additional authenticated data, so a ciphertext copied to another row or field fails to decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const FORMAT = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class CredentialsKeyError extends Error {
  override name = "CredentialsKeyError";
}

export class DecryptionError extends Error {
  override name = "DecryptionError";
}

type Key = { kid: string; bytes: Buffer };

export function parseKey(value: string, label = "CREDENTIALS_ENCRYPTION_KEY"): Key {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new CredentialsKeyError(
      `${label} must be base64 (32 random bytes); generate one with: openssl rand -base64 32`,
    );
  }
  const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== KEY_BYTES) {
    throw new CredentialsKeyError(
      `${label} must decode to ${KEY_BYTES} bytes, got ${bytes.length}; generate one with: openssl rand -base64 32`,
    );
  }
  return { kid: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

export type SecretBox = {
  /** Key id of the key new values are written under. */
  readonly currentKid: string;
  encrypt(plaintext: string, context: string): string;
  decrypt(stored: string, context: string): string;
  /** True when the value was written under an older key. */
  needsReencrypt(stored: string): boolean;
  /** Decrypts under any known key and encrypts under the current one. */
  reencrypt(stored: string, context: string): string;
};

export function createSecretBox(current: string, previous: string[] = []): SecretBox {
  const primary = parseKey(current);
  const keys = new Map<string, Key>([[primary.kid, primary]]);
  previous.forEach((p, i) => {
    const k = parseKey(p, `CREDENTIALS_ENCRYPTION_PREVIOUS_KEYS[${i}]`);
    if (!keys.has(k.kid)) keys.set(k.kid, k);
  });

  const b64 = (b: Buffer) => b.toString("base64url");

  function encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", primary.bytes, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [FORMAT, primary.kid, b64(iv), b64(cipher.getAuthTag()), b64(ct)].join(":");
  }

  function split(stored: string) {
    const parts = stored.split(":");
    if (parts.length !== 5 || parts[0] !== FORMAT)
      throw new DecryptionError("not an encrypted value of a known format");
    const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
    return {
      kid,
      iv: Buffer.from(iv, "base64url"),
      tag: Buffer.from(tag, "base64url"),
      ct: Buffer.from(ct, "base64url"),
    };
  }

  function decrypt(stored: string, context: string): string {
    const { kid, iv, tag, ct } = split(stored);
    const key = keys.get(kid);
    if (!key)
      throw new DecryptionError(
        `encrypted under key ${kid}, which is not configured (add it to CREDENTIALS_ENCRYPTION_PREVIOUS_KEYS)`,
      );
    if (iv.length !== IV_BYTES || tag.length !== 16) throw new DecryptionError("malformed encrypted value");
    try {
      const decipher = createDecipheriv("aes-256-gcm", key.bytes, iv);
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
    } catch {
      throw new DecryptionError("encrypted value failed authentication (tampered, or bound to another record)");
    }
  }

  return {
    currentKid: primary.kid,
    encrypt,
    decrypt,
    needsReencrypt: (stored) => split(stored).kid !== primary.kid,
    reencrypt: (stored, context) => encrypt(decrypt(stored, context), context),
  };
}

export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

/** Walks up from `from` to the folder holding pnpm-workspace.yaml. */
export function findRepoRoot(from = process.cwd()): string | undefined {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The key ring from the environment. In production a missing or malformed key stops start-up.
 * Elsewhere a missing key is generated once into `<repo>/.local/credentials-key` (git-ignored).
 */
export function secretBoxFromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
  const previous = (env.CREDENTIALS_ENCRYPTION_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const configured = env.CREDENTIALS_ENCRYPTION_KEY?.trim();
  if (configured) return createSecretBox(configured, previous);
  if (env.NODE_ENV === "production") {
    throw new CredentialsKeyError(
      "CREDENTIALS_ENCRYPTION_KEY is required in production (32 random bytes, base64: openssl rand -base64 32)",
    );
  }
  return createSecretBox(localDevKey(), previous);
}

export function localDevKey(root = findRepoRoot() ?? process.cwd()): string {
  const file = join(root, ".local", "credentials-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = generateKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

/** Context strings, so every caller binds the same field the same way. */
export const secretContext = {
  calendlyAccessToken: (clientId: string) => `client:${clientId}:calendly.accessToken`,
  calendlySigningKey: (clientId: string) => `client:${clientId}:calendly.webhookSigningKey`,
  calendlyRefreshToken: (clientId: string) => `client:${clientId}:calendly.refreshToken`,
  /** PKCE code verifier of one "Connect with Calendly" attempt (CalendlyOAuthState row). */
  calendlyOAuthVerifier: (stateId: string) => `calendlyOAuthState:${stateId}:codeVerifier`,
};
