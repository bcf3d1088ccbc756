import { router } from "../../trpc.ts";
import { calendlyRouter } from "./calendly/index.ts";

export const integrationsRouter = router({ calendly: calendlyRouter });
