"use client";

import { Modal } from "@mantine/core";
import { CreateLeadForm } from "./CreateLeadForm";

/** The New lead dialog (loaded when first opened). */
export function CreateLeadModal({
  workspaceId,
  opened,
  onClose,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New lead" centered closeButtonProps={{ "aria-label": "Dismiss" }}>
      <CreateLeadForm workspaceId={workspaceId} onDone={onClose} />
    </Modal>
  );
}
