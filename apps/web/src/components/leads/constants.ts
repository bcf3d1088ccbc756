/** Leads per page; shared by the server prefetch and the client view so their query keys match. */
export const LEADS_PAGE_SIZE = 20;

/** How long the search box waits after the last keystroke before it asks the server. */
export const SEARCH_DEBOUNCE_MS = 250;
