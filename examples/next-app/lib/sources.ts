import { mewsGetAll } from '@pagewise/core';

/** A Mews customer, as the table shows it. */
export interface Customer {
  Id: string;
  FirstName: string;
  LastName: string;
  Email: string;
  Nationality: string;
}

/** A Mews reservation, as the feed shows it. */
export interface Reservation {
  Id: string;
  Number: string;
  State: string;
  StartUtc: string;
  EndUtc: string;
}

/**
 * The sources, shared by the server and the browser: no credentials here. The server adds them
 * to the sources it uses (see `lib/server-sources.ts`); the browser's requests get them from the
 * route handler. A source's identity (its query key) leaves credentials out, so both sides share
 * one cache key.
 */
const client = 'Pagewise Next.js example 0.1.0';
export const customerOptions = { entity: 'customers', items: 'Customers', client } as const;
export const reservationOptions = {
  entity: 'reservations',
  operation: 'reservations/getAll/2023-06-06',
  items: 'Reservations',
  client,
} as const;

export const customers = mewsGetAll<Customer>(customerOptions);
export const reservations = mewsGetAll<Reservation>(reservationOptions);

/** Rows per table page and items per feed page, the same on both sides (part of the key). */
export const TABLE_PAGE_SIZE = 10;
export const FEED_PAGE_SIZE = 20;
