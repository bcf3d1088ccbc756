"use client";

import { Group, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { CalendlyIntegration } from "./types";
import { useSubscriptionScope } from "./use-subscription-scope";

/** User or organization scope; offered only when the connected user owns or administers its Calendly organization. */
export function SubscriptionScopeField({
  workspaceId,
  calendly,
}: {
  workspaceId: string;
  calendly: CalendlyIntegration;
}) {
  const save = useSubscriptionScope(workspaceId);
  // The choice shows at once (set in the same event as the click), until the saved value is back.
  const [chosen, setChosen] = useState<string | null>(null);
  if (!calendly.tokenConfigured || !calendly.organizationScopeAllowed) return null;
  const value = chosen ?? calendly.subscriptionScope;
  return (
    <Radio.Group
      label="Bookings to receive"
      description="Organization scope covers every host (round robin, collective events); it needs an owner or admin connection."
      value={value}
      onChange={(scope) => {
        setChosen(scope);
        save.mutate(
          { workspaceId, subscriptionScope: scope === "organization" ? "organization" : "user" },
          { onSettled: () => setChosen(null) },
        );
      }}
      data-testid="subscription-scope"
    >
      <Stack gap={6} mt={6}>
        <Group gap="lg">
          <Radio value="user" label="The connected user's" disabled={!calendly.canEdit || save.isPending} />
          <Radio
            value="organization"
            label="Every host in the organization"
            disabled={!calendly.canEdit || save.isPending}
          />
        </Group>
        {save.isPending && (
          <Text size="xs" c="dimmed" role="status">
            Recreating the subscription…
          </Text>
        )}
      </Stack>
    </Radio.Group>
  );
}
