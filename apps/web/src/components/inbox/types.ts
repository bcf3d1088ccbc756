import type { RouterInputs, RouterOutputs } from "@booking/api";

export type WebhookDelivery = RouterOutputs["webhooks"]["list"]["items"][number];
export type DeliveryStatus = WebhookDelivery["status"];
export type DeliveryStatusFilter = NonNullable<RouterInputs["webhooks"]["list"]["status"]>;
