"use client";

import { Button, CopyButton, TextInput } from "@mantine/core";

export function WebhookUrlField({ url }: { url: string }) {
  return (
    <TextInput
      label="Webhook URL"
      description="Calendly posts invitee events for this workspace here. Ensure the subscription below to register it."
      value={url}
      readOnly
      onFocus={(e) => e.currentTarget.select()}
      styles={{
        input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: "var(--mantine-font-size-xs)" },
      }}
      rightSectionWidth={84}
      rightSection={
        <CopyButton value={url} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant={copied ? "light" : "default"}
              color={copied ? "green" : undefined}
              onClick={copy}
              aria-label={copied ? "Webhook URL copied" : "Copy webhook URL"}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          )}
        </CopyButton>
      }
      data-testid="webhook-url"
    />
  );
}
