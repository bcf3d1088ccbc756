import { Button, Group, Text } from "@mantine/core";
import { errorMessage } from "~/lib/errors";
import { Notice } from "./Notice";

/**
 * Error state of a view: what failed, why, and a retry (a callback in client views, a link where
 * the page is rendered on the server).
 */
export function ErrorState({
  title,
  error,
  onRetry,
  retryHref,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retryHref?: string;
}) {
  return (
    <Notice color="red" title={title} role="alert">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
        {retryHref && (
          <Button size="xs" variant="white" color="red" component="a" href={retryHref}>
            Try again
          </Button>
        )}
      </Group>
    </Notice>
  );
}
