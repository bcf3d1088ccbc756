import { Skeleton, Stack } from "@mantine/core";

/** Loading placeholder announced to screen readers. */
export function LoadingState({ label, rows = 3, height = 36 }: { label: string; rows?: number; height?: number }) {
  return (
    <Stack gap="sm" aria-busy="true" aria-live="polite" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders that never reorder
        <Skeleton key={i} height={height} radius="sm" />
      ))}
    </Stack>
  );
}
