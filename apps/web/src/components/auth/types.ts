import type { RouterOutputs } from "@booking/api";

export type Invitation = RouterOutputs["members"]["invitation"];
