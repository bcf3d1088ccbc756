import { Badge, Group, Stack, Text } from "@mantine/core";
import { formatDateTime } from "~/lib/format";
import { EVENT_LABEL, FIELD_LABEL, formatChangeValue, OUTCOME_LABEL, REFERENCE_FIELDS } from "./labels";
import type { TimelineEntry } from "./types";

type Change = NonNullable<TimelineEntry["changes"]>[number];

function ChangeList({ changes, label }: { changes: Change[]; label: string }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }} aria-label={label}>
      {changes.map((c) => (
        <li key={c.field}>
          <Text size="sm" component="span" c="dimmed">
            {FIELD_LABEL[c.field] ?? c.field}:
          </Text>{" "}
          <Text size="sm" component="span" style={{ overflowWrap: "anywhere" }}>
            {c.before === null ? "" : `${formatChangeValue(c.field, c.before)} → `}
            {formatChangeValue(c.field, c.after)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** What a delivery changed: the lead's fields listed, Calendly's references folded under them. */
function Changes({ changes }: { changes: Change[] }) {
  const shown = changes.filter((c) => !REFERENCE_FIELDS.has(c.field));
  const references = changes.filter((c) => REFERENCE_FIELDS.has(c.field));
  return (
    <>
      {shown.length > 0 && <ChangeList changes={shown} label="Changes" />}
      {references.length > 0 && (
        <details>
          <summary style={{ cursor: "pointer", fontSize: "var(--mantine-font-size-xs)" }}>
            {references.length === 1 ? "1 Calendly reference" : `${references.length} Calendly references`}
          </summary>
          <ChangeList changes={references} label="Calendly references" />
        </details>
      )}
    </>
  );
}

/** Outcomes of a delivery that was applied to the lead (services/webhooks/decide.ts). */
const APPLIED = new Set(["booked", "rescheduled_booked", "canceled", "rescheduled", "no_show", "no_show_removed"]);

function verdict(entry: TimelineEntry): { label: string; color: string } {
  if (entry.status === "FAILED") return { label: "Failed", color: "red" };
  if (entry.status === "RECEIVED") return { label: "Waiting to be applied", color: "blue" };
  if (entry.status === "IGNORED" || !entry.outcome || !APPLIED.has(entry.outcome))
    return { label: "Ignored", color: "gray" };
  // Applied, but the lead already was that way (e.g. Calendly confirming a no-show marked here).
  if (entry.changes !== null && entry.changes.length === 0) return { label: "No change", color: "gray" };
  return { label: "Applied", color: "indigo" };
}

/** The lead's deliveries, oldest first: when, which event, what mapping did and what it changed. */
export function LeadTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol aria-label="Lead timeline" data-testid="lead-timeline" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {entries.map((entry, index) => {
        const { label, color } = verdict(entry);
        return (
          <li
            key={entry.id}
            data-testid="timeline-entry"
            style={{
              position: "relative",
              paddingLeft: 24,
              paddingBottom: index === entries.length - 1 ? 0 : 18,
              borderLeft: `2px solid var(--mantine-color-gray-3)`,
              marginLeft: 6,
            }}
          >
            <span
              aria-hidden
              style={{
                position: "absolute",
                left: -7,
                top: 3,
                width: 12,
                height: 12,
                borderRadius: 6,
                background: `var(--mantine-color-${color}-6)`,
                border: "2px solid var(--mantine-color-white)",
              }}
            />
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {EVENT_LABEL[entry.eventName] ?? entry.eventName}
                </Text>
                <Badge size="sm" variant="light" color={color}>
                  {label}
                </Badge>
                {entry.source === "RECONCILIATION" && (
                  <Badge size="sm" variant="outline" color="gray">
                    Recovered by reconcile
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                Received {formatDateTime(entry.receivedAt)}
                {entry.eventCreatedAt ? ` · sent by Calendly ${formatDateTime(entry.eventCreatedAt)}` : ""}
                {entry.deliveryCount > 1 ? ` · delivered ${entry.deliveryCount} times` : ""}
              </Text>
              {entry.outcome && (
                <Text size="sm">{OUTCOME_LABEL[entry.outcome] ?? entry.outcome.replaceAll("_", " ")}</Text>
              )}
              {entry.error && (
                <Text size="sm" c="red.8">
                  {entry.error}
                </Text>
              )}
              {entry.changes && entry.changes.length > 0 && <Changes changes={entry.changes} />}
              <Text size="xs" c="dimmed" ff="monospace" data-testid="timeline-event-id">
                Inbox event {entry.id}
              </Text>
            </Stack>
          </li>
        );
      })}
    </ol>
  );
}
