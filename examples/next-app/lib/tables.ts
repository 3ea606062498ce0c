import { defineTableState } from '@pagewise/core';

/**
 * The customers table's state, defined once for the server component (which prefetches the page
 * the URL names) and the client component (which keeps it in the URL): both read `?page=…&size=…`
 * the same way, so they cannot disagree about which page is shown.
 */
export const customersTable = defineTableState({ url: true, pageSizes: [10, 20, 50] });
