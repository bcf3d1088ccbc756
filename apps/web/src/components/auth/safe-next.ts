/**
 * Where to go after signing in: `next` only when it resolves (with the browser's own URL parser,
 * which is what navigation uses) to a path on `origin`; "/" otherwise. Tabs, backslashes and
 * protocol-relative tricks (`/%5Cevil.example/`, `/%09/evil.example/`, `//evil.example`) resolve
 * to another origin and are refused.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  // "/.//evil.example" normalizes to the path "//evil.example", which a router would read as a host.
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
