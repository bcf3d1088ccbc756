export { listLeads, type ListLeadsInput } from "./list-leads.ts";
export { getLead, leadWorkspaceId } from "./get-lead.ts";
export { createLead, type CreateLeadInput } from "./create-lead.ts";
export { bookingLinkForLead, type BookingLink } from "./booking-link.ts";
export { leadSelect, leadListSelect, type LeadView, type LeadListItem } from "./lead-view.ts";
