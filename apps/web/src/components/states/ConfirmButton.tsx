"use client";

import { Button, Group, Paper, Text } from "@mantine/core";
import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A destructive action that asks first, inline (no modal): the button turns into a short
 * explanation with Confirm and Cancel; focus moves to Cancel, Escape cancels.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  pending,
  onConfirm,
  size = "compact-sm",
}: {
  label: string;
  confirmLabel: string;
  question: ReactNode;
  pending: boolean;
  onConfirm: () => void;
  size?: "compact-sm" | "sm";
}) {
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (!pending) setAsking(false);
  }, [pending]);

  if (!asking) {
    return (
      <Button size={size} variant="light" color="red" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !pending) setAsking(false);
      }}
      w="100%"
    >
      <Text size="sm" mb={6}>
        {question}
      </Text>
      <Group gap="xs" justify="flex-end">
        <Button ref={cancelRef} size="compact-sm" variant="default" onClick={() => setAsking(false)} disabled={pending}>
          Cancel
        </Button>
        <Button size="compact-sm" color="red" loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Paper>
  );
}
