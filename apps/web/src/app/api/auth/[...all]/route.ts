import { serverDeps } from "../../../../server/deps.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = (req: Request) => serverDeps().authHandler(req);

export { handler as GET, handler as POST };
