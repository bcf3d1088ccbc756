"use client";

import { Dialog } from "~/components/states/Dialog";
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
    <Dialog opened={opened} onClose={onClose} title="New lead">
      <CreateLeadForm workspaceId={workspaceId} onDone={onClose} />
    </Dialog>
  );
}
