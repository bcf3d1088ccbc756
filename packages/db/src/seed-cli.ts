// `pnpm db:seed`: loads the demo data into $DATABASE_URL (idempotent).
import { createDb } from "./index.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
const db = createDb({ url, max: 1 });
try {
  const res = await seedDemo(db);
  console.log(res.created ? "Demo data created." : "Demo data already present.");
  console.log(`Sign in as ${res.users.join(", ")} with password "${DEMO_PASSWORD}".`);
} finally {
  await db.$disconnect();
}
