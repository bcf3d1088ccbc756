/** The route that starts "Connect with Calendly" for a workspace (a full page navigation). */
export const oauthStartUrl = (workspaceId: string) =>
  `/api/integrations/calendly/oauth/start?workspaceId=${encodeURIComponent(workspaceId)}`;
