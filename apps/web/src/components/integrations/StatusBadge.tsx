import { Badge } from "@mantine/core";

const TONES = {
  ok: "green",
  warn: "orange",
  error: "red",
  neutral: "gray",
} as const;

export function StatusBadge({
  tone,
  children,
  testId,
}: {
  tone: keyof typeof TONES;
  children: string;
  testId?: string;
}) {
  return (
    <Badge color={TONES[tone]} variant="light" className="status-badge" data-testid={testId}>
      {children}
    </Badge>
  );
}
