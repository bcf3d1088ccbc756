/** Deliveries per page; shared by the server prefetch and the client view so their query keys match. */
export const INBOX_PAGE_SIZE = 25;
