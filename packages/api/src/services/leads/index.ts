export { type BookingLink, type BookingLinkDeps, bookingLinkForLead } from "./booking-link.ts";
export { type CreateLeadInput, createLead } from "./create-lead.ts";
export { getLead, getLeadDetails, leadWorkspaceId } from "./get-lead.ts";
export type { BookingAnswer, HostMember, LeadDetails, LeadListItem, LeadView } from "./lead-view.ts";
export { leadSelect } from "./lead-view.ts";
export { type LeadPage, type ListLeadsInput, listLeads } from "./list-leads.ts";
export { markNoShow, unmarkNoShow } from "./no-show.ts";
export { leadTimeline, type TimelineChange, type TimelineEntry, type TimelinePage } from "./timeline.ts";
