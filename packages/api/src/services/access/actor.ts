/** Who is calling: a signed-in member (by email) or a platform admin (internal bearer token). */
export type Actor = { kind: "user"; email: string; name?: string } | { kind: "platform" };
