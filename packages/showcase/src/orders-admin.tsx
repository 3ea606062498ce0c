// The admin recipe is written as an app writes it (public packages only): the story's "Show code"
// and the demo's Orders page are the same component.
export { type Order, OrdersAdmin } from './examples/orders-admin.js';
