export default async function globalTeardown() {
  await globalThis.__bookingPg?.stop();
}
