/** The one place the workspace's webhook URL is built (CONTRACT.md). */
export function workspaceWebhookUrl(publicWebhookBaseUrl: string, workspaceId: string): string {
  return `${publicWebhookBaseUrl.replace(/\/+$/, "")}/webhooks/calendly/${encodeURIComponent(workspaceId)}`;
}
