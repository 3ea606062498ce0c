import { OrdersAdmin } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** An admin table over a `?page=&per_page=` API: sort, filter, search, selection, all in the URL. */
export function OrdersPage() {
  return <OrdersAdmin source={sources.orders} runner={runners.generic} />;
}
