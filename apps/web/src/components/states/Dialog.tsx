"use client";

import { Modal } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A centred modal dialog, named by its title. Mantine's `<Modal>` puts its title bar in a `<header>`,
 * which assistive technology reads as a second page banner (axe: landmark-no-duplicate-banner);
 * here the title bar is a plain `<div>` and the close icon is named "Dismiss", so a dialog's own
 * Close button keeps its name unique.
 */
export function Dialog({
  title,
  opened,
  onClose,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal.Root opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Dismiss" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
