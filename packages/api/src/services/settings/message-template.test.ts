import {
  bookingMessageTemplate,
  DEFAULT_BOOKING_MESSAGE_TEMPLATE,
  messageTemplateProblems,
  renderBookingMessage,
} from "./message-template.ts";

describe("booking message template", () => {
  it("the default is valid and fills every placeholder", () => {
    expect(messageTemplateProblems(DEFAULT_BOOKING_MESSAGE_TEMPLATE)).toEqual([]);
    expect(renderBookingMessage(null, { name: "Maria Lopez", link: "https://calendly.com/x" })).toBe(
      "Hi Maria, thanks for your interest! Pick a time that suits you for our call: https://calendly.com/x",
    );
  });

  it("fills {{firstName}}, {{name}} and {{link}} with or without inner spaces, every time they appear", () => {
    const message = renderBookingMessage("{{ name }}|{{firstName}}|{{link}}|{{link}}", {
      name: " Ada  King ",
      link: "L",
    });
    expect(message).toBe("Ada  King|Ada|L|L");
  });

  it("does not interpret $ patterns or prototype names in values or placeholders", () => {
    expect(renderBookingMessage("{{name}} {{link}}", { name: "$& $1", link: "x" })).toBe("$& $1 x");
    expect(renderBookingMessage("{{constructor}} {{link}}", { name: "A", link: "x" })).toBe("{{constructor}} x");
  });

  it("the zod rule trims and reports every problem", () => {
    expect(bookingMessageTemplate.parse("  {{link}} ")).toBe("{{link}}");
    const result = bookingMessageTemplate.safeParse("{{nope}}");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "The message must contain {{link}}",
      "Unknown placeholder {{nope}}: use {{firstName}}, {{name}} or {{link}}",
    ]);
  });
});
