import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A small term/description list (`<dl>`), e.g. "User: …", "Last delivery: …". */
export function DetailList({ items }: { items: Array<{ term: string; value: ReactNode; testId?: string }> }) {
  return (
    <dl
      style={{
        display: "grid",
        gridTemplateColumns: "minmax(96px, max-content) 1fr",
        columnGap: 16,
        rowGap: 4,
        margin: 0,
      }}
    >
      {items.map((item) => (
        <div key={item.term} style={{ display: "contents" }}>
          <Text component="dt" size="sm" c="dimmed" fw={500}>
            {item.term}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }} data-testid={item.testId}>
            {item.value}
          </Text>
        </div>
      ))}
    </dl>
  );
}
