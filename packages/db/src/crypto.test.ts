import {
  CredentialsKeyError,
  createSecretBox,
  DecryptionError,
  generateKey,
  parseKey,
  secretBoxFromEnv,
} from "./crypto.ts";

const ctx = "client:c1:calendly.accessToken";

describe("secret box (AES-256-GCM)", () => {
  const key = generateKey();
  const box = createSecretBox(key);

  it("round-trips and never writes the plaintext", () => {
    const stored = box.encrypt("calendly-pat-123456", ctx);
    expect(stored).not.toContain("calendly-pat");
    expect(stored.startsWith(`v1:${box.currentKid}:`)).toBe(true);
    expect(box.decrypt(stored, ctx)).toBe("calendly-pat-123456");
  });

  it("uses a fresh IV per value", () => {
    expect(box.encrypt("same", ctx)).not.toBe(box.encrypt("same", ctx));
  });

  it.each([2, 3, 4])("detects a flipped byte in part %i", (part) => {
    const parts = box.encrypt("secret value", ctx).split(":");
    const bytes = Buffer.from(parts[part]!, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    parts[part] = bytes.toString("base64url");
    expect(() => box.decrypt(parts.join(":"), ctx)).toThrow(DecryptionError);
  });

  it("rejects a value moved to another record or field", () => {
    const stored = box.encrypt("secret", ctx);
    expect(() => box.decrypt(stored, "client:c2:calendly.accessToken")).toThrow(DecryptionError);
  });

  it("rotates: old values decrypt after a new key is added, and re-encrypt under it", () => {
    const old = box.encrypt("old secret", ctx);
    const rotated = createSecretBox(generateKey(), [key]);
    expect(rotated.decrypt(old, ctx)).toBe("old secret");
    expect(rotated.needsReencrypt(old)).toBe(true);
    const moved = rotated.reencrypt(old, ctx);
    expect(rotated.needsReencrypt(moved)).toBe(false);
    expect(createSecretBox(rotated.currentKid === box.currentKid ? key : generateKey()).currentKid).toBeDefined();
    expect(() => box.decrypt(moved, ctx)).toThrow(/not configured/);
  });

  it("names a missing key", () => {
    const other = createSecretBox(generateKey());
    expect(() => other.decrypt(box.encrypt("x", ctx), ctx)).toThrow(/CREDENTIALS_ENCRYPTION_PREVIOUS_KEYS/);
  });

  it.each([
    ["not base64", "***"],
    ["too short", Buffer.alloc(16).toString("base64")],
    ["too long", Buffer.alloc(33).toString("base64")],
  ])("rejects a malformed key (%s)", (_, value) => {
    expect(() => parseKey(value)).toThrow(CredentialsKeyError);
  });

  it("requires the key in production, with an actionable message", () => {
    expect(() => secretBoxFromEnv({ NODE_ENV: "production" })).toThrow(
      /CREDENTIALS_ENCRYPTION_KEY is required in production/,
    );
    expect(() => secretBoxFromEnv({ NODE_ENV: "production", CREDENTIALS_ENCRYPTION_KEY: "abc" })).toThrow(
      CredentialsKeyError,
    );
    expect(secretBoxFromEnv({ NODE_ENV: "production", CREDENTIALS_ENCRYPTION_KEY: key }).currentKid).toBe(
      box.currentKid,
    );
  });
});
