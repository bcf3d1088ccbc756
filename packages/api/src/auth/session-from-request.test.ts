// Sessions verified once are answered from the cache for the same Cookie header; nothing else is.
import { createTtlCache } from "../lib/ttl-cache.ts";
import { createAccount, createHarness, type Harness, seedWorkspace } from "../testing/harness.ts";
import { createAuth } from "./create-auth.ts";
import { type SessionCache, sessionFromRequest } from "./session-from-request.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

it("reads a session once per Cookie header while cached, and never caches a refusal", async () => {
  const base = "http://app.test";
  const auth = createAuth({ db: h.db, secret: "test-secret-test-secret-test-secret-0123", baseURL: base });
  await createAccount(h.db, "cached@s.test", "password-0123", await seedWorkspace(h.db));
  const signIn = await auth.handler(
    new Request(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "cached@s.test", password: "password-0123" }),
    }),
  );
  expect(signIn.ok).toBe(true);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  // better-auth, counted.
  let reads = 0;
  const reader = {
    api: {
      getSession: (opts: { headers: Headers }) => {
        reads += 1;
        return auth.api.getSession(opts);
      },
    },
  };
  const cache: SessionCache = createTtlCache({ ttlMs: 30_000, max: 10 });
  const request = (c: string) => new Request(`${base}/api/trpc/x`, { headers: { cookie: c } });

  const first = await sessionFromRequest(request(cookie), { auth: reader, cache });
  const second = await sessionFromRequest(request(cookie), { auth: reader, cache });
  expect(first).toEqual({ kind: "user", email: "cached@s.test", name: "cached" });
  expect(second).toEqual(first);
  expect(reads).toBe(1);

  const forged = cookie.replace(/session_token=[^;]+/, "session_token=forged.signature");
  expect(await sessionFromRequest(request(forged), { auth: reader, cache })).toBeNull();
  expect(await sessionFromRequest(request(forged), { auth: reader, cache })).toBeNull();
  expect(reads).toBe(3);
});
