export { type ChatMessage, ChatView } from './chat-view.js';
export { ErrorBanner } from './error-banner.js';
export { ListView } from './list-view.js';
export { type Order, OrdersAdmin } from './orders-admin.js';
export { PageRangeNav } from './page-range-nav.js';
export { type Column, TableView } from './table-view.js';
export { VirtualListView } from './virtual-list-view.js';
