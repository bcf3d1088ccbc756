"use client";

import type { RouterOutputs } from "@booking/api";
import { Alert, Button, Group, List, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "~/components/states/Dialog";
import { errorMessage } from "~/lib/errors";
import { notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";

const WINDOWS = [
  { value: "1", label: "Last 24 hours" },
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
];

type Result = RouterOutputs["webhooks"]["reconcile"];

function ReconcileResult({ result }: { result: Result }) {
  return (
    <Alert
      color={result.failed ? "orange" : "green"}
      variant="light"
      title="Done"
      role="status"
      data-testid="reconcile-result"
    >
      <List size="sm" spacing={2}>
        <List.Item>
          {result.scannedEvents} scheduled events, {result.scannedInvitees} invitees read
        </List.Item>
        <List.Item>{result.imported} imported</List.Item>
        <List.Item>{result.alreadySeen} already in the inbox</List.Item>
        {result.failed > 0 && <List.Item>{result.failed} failed (see the inbox)</List.Item>}
      </List>
    </Alert>
  );
}

/** Reconcile with Calendly: choose how far back, run it, see what it imported. */
export function ReconcileDialog({
  workspaceId,
  opened,
  onClose,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [days, setDays] = useState("7");
  const reconcile = useMutation(
    trpc.webhooks.reconcile.mutationOptions({
      onSuccess: async (r) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() }),
        ]);
        notifySuccess(
          `${r.imported} imported, ${r.alreadySeen} already known${r.failed ? `, ${r.failed} failed` : ""}.`,
          "Reconcile finished",
        );
      },
    }),
  );

  const close = () => {
    onClose();
    reconcile.reset();
  };

  return (
    <Dialog opened={opened} onClose={close} title="Reconcile with Calendly">
      <Stack gap="md">
        <Text size="sm">
          Reads the scheduled events and invitees from Calendly and imports every one the inbox has not seen. Safe to
          run again.
        </Text>
        <NativeSelect
          label="Look back"
          data={WINDOWS}
          value={days}
          onChange={(e) => setDays(e.currentTarget.value)}
          disabled={reconcile.isPending}
        />
        {reconcile.isError && (
          <Alert color="red" variant="light" title="Reconcile failed" role="alert">
            {errorMessage(reconcile.error)}
          </Alert>
        )}
        {reconcile.data && <ReconcileResult result={reconcile.data} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={reconcile.isPending}>
            {reconcile.data ? "Close" : "Cancel"}
          </Button>
          <Button
            loading={reconcile.isPending}
            onClick={() =>
              reconcile.mutate({ workspaceId, since: new Date(Date.now() - Number(days) * 24 * 60 * 60 * 1000) })
            }
          >
            {reconcile.isPending ? "Reconciling…" : "Run reconcile"}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
