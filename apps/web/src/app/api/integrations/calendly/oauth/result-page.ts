// The page a Connect with Calendly route answers when it cannot go on (a refused state, a declined
// consent, a failed exchange): what happened, in words, and the way back. Plain HTML, no script.

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

export function resultPage(opts: {
  status: number;
  title: string;
  message: string;
  back: { href: string; label: string };
}): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8f9fa;color:#212529}
main{max-width:520px;margin:12vh auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:28px 32px}
h1{font-size:1.35rem;margin:0 0 12px}p{line-height:1.5;margin:0 0 20px}
a{display:inline-block;background:#1c7ed6;color:#fff;text-decoration:none;padding:9px 16px;border-radius:4px;font-weight:600}
a:focus-visible{outline:3px solid #74c0fc;outline-offset:2px}
</style></head>
<body><main role="alert" aria-labelledby="t"><h1 id="t">${escapeHtml(opts.title)}</h1>
<p data-testid="calendly-oauth-message">${escapeHtml(opts.message)}</p>
<a href="${escapeHtml(opts.back.href)}">${escapeHtml(opts.back.label)}</a></main></body></html>`;
  return new Response(html, {
    status: opts.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export const integrationsPath = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/settings/integrations`;

/** Back to the sign-in page, returning to this very URL afterwards. */
export function signInFirst(req: Request): Response {
  const url = new URL(req.url);
  const target = new URL("/sign-in", url);
  target.searchParams.set("next", `${url.pathname}${url.search}`);
  return new Response(null, { status: 303, headers: { location: `${target.pathname}${target.search}` } });
}
