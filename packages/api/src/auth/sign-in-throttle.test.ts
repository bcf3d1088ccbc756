// The throttle's policy on its PostgreSQL store (real PostgreSQL): per account and per client
// address, never one bucket for everyone.
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { createSignInThrottle, type SignInPolicy, type SignInThrottle } from "./sign-in-throttle.ts";

const POLICY: SignInPolicy = {
  client: { failures: 3, windowSeconds: 60 },
  account: { failures: 3, windowSeconds: 60 },
  device: { failures: 3, windowSeconds: 60 },
  blockSeconds: 60,
  maxBlockSeconds: 600,
  strikeWindowSeconds: 3600,
};

let t: TestDatabase;
let throttle: SignInThrottle;
beforeAll(async () => {
  t = await createTestDatabase();
  throttle = createSignInThrottle(t.url, POLICY);
});
afterAll(async () => {
  await throttle.close();
  await t.drop();
});

async function failTimes(n: number, attempt: { email: string; client: string }) {
  for (let i = 0; i < n; i++) await throttle.failed(attempt);
}

it("blocks the account and the address that failed, and no other", async () => {
  await failTimes(4, { email: "a@t.test", client: "203.0.113.1" });
  expect(await throttle.blockedFor({ email: "a@t.test", client: "203.0.113.2" })).toBeGreaterThan(0);
  expect(await throttle.blockedFor({ email: "b@t.test", client: "203.0.113.1" })).toBeGreaterThan(0);
  expect(await throttle.blockedFor({ email: "b@t.test", client: "203.0.113.2" })).toBe(0);
});

it("an address the server could not tell does not put every client in one bucket", async () => {
  await failTimes(4, { email: "c@t.test", client: "unknown" });
  expect(await throttle.blockedFor({ email: "c@t.test", client: "unknown" })).toBeGreaterThan(0);
  expect(await throttle.blockedFor({ email: "d@t.test", client: "unknown" })).toBe(0);
});
