export type Role = "ADMIN" | "SETTER" | "INBOX_MANAGER";

export const ROLE_OPTIONS: Array<{ value: Role; label: string }> = [
  { value: "SETTER", label: "Setter" },
  { value: "INBOX_MANAGER", label: "Inbox manager" },
  { value: "ADMIN", label: "Admin" },
];

export const roleLabel = (role: string) => ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;
