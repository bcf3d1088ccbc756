import { Button, Group, Text } from "@mantine/core";

/** Previous / Next under a keyset-paged list, with the page number. */
export function Pager({
  label,
  page,
  hasNext,
  busy,
  announceLoading = false,
  onPrevious,
  onNext,
}: {
  label: string;
  page: number;
  hasNext: boolean;
  /** A page is loading: the buttons wait. */
  busy: boolean;
  /** Also say so next to the page number (to screen readers too). */
  announceLoading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <Group justify="space-between" component="nav" aria-label={label}>
      <Text size="sm" c="dimmed" aria-live={announceLoading ? "polite" : undefined}>
        Page {page}
        {announceLoading && busy ? " · loading…" : ""}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="sm" disabled={page <= 1 || busy} onClick={onPrevious}>
          Previous
        </Button>
        <Button variant="default" size="sm" disabled={!hasNext || busy} onClick={onNext}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
