// The workspace's booking message: what a setter copies to send a lead its link. One zod rule for
// the API and the Integrations page (the web imports this file through "@booking/api/message-template",
// so it depends on zod and nothing else).
import { z } from "zod";

export const MESSAGE_PLACEHOLDERS = ["firstName", "name", "link"] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

export const DEFAULT_BOOKING_MESSAGE_TEMPLATE =
  "Hi {{firstName}}, thanks for your interest! Pick a time that suits you for our call: {{link}}";

export const MESSAGE_TEMPLATE_MAX_LENGTH = 1000;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Problems of a template, as messages for its field (empty when it is valid). */
export function messageTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  if (template.trim().length === 0) return ["Write the message, or reset it to the default"];
  if (template.length > MESSAGE_TEMPLATE_MAX_LENGTH)
    problems.push(`The message is at most ${MESSAGE_TEMPLATE_MAX_LENGTH} characters`);
  const unknown = new Set<string>();
  let hasLink = false;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? "";
    if (name === "link") hasLink = true;
    else if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name)) unknown.add(`{{${name}}}`);
  }
  if (!hasLink) problems.push("The message must contain {{link}}");
  if (unknown.size > 0)
    problems.push(`Unknown placeholder ${[...unknown].join(", ")}: use {{firstName}}, {{name}} or {{link}}`);
  const rest = template.replace(PLACEHOLDER, "");
  if (rest.includes("{{") || rest.includes("}}"))
    problems.push("A placeholder is not closed: write it as {{firstName}}, {{name}} or {{link}}");
  return problems;
}

/** The template field: trimmed, then checked (each problem is its own message). */
export const bookingMessageTemplate = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    for (const message of messageTemplateProblems(value)) ctx.addIssue({ code: "custom", message });
  });

/** The lead's first name for {{firstName}}: the first word of the name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** The message for one lead: placeholders replaced (the default template when the workspace has none). */
export function renderBookingMessage(template: string | null, values: { name: string; link: string }): string {
  const fill: Record<MessagePlaceholder, string> = {
    firstName: firstNameOf(values.name) || values.name,
    name: values.name.trim(),
    link: values.link,
  };
  return (template ?? DEFAULT_BOOKING_MESSAGE_TEMPLATE).replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(fill, name) ? fill[name as MessagePlaceholder] : whole,
  );
}
