/** Leads per page; shared by the server prefetch and the client view so their query keys match. */
export const LEADS_PAGE_SIZE = 20;
