/** The lead page's path (reached from the Leads table). */
export const leadHref = (workspaceId: string, leadId: string) =>
  `/w/${encodeURIComponent(workspaceId)}/leads/${encodeURIComponent(leadId)}`;

export const leadsHref = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/leads`;
