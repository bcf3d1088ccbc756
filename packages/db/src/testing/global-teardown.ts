export default async function globalTeardown() {
  globalThis.__bookingPg?.stop();
}
