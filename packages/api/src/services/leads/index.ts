export { type BookingLink, bookingLinkForLead } from "./booking-link.ts";
export { type CreateLeadInput, createLead } from "./create-lead.ts";
export { getLead, leadWorkspaceId } from "./get-lead.ts";
export { type LeadListItem, type LeadView, leadListSelect, leadSelect } from "./lead-view.ts";
export { type ListLeadsInput, listLeads } from "./list-leads.ts";
