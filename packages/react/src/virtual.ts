/**
 * Virtualized feeds over @tanstack/react-virtual (an optional peer: install it to use this entry;
 * the main entry never imports it).
 *
 * @module @pagewise/react/virtual
 */
export {
  type UseVirtualFeedOptions,
  useVirtualFeed,
  type VirtualFeed,
  type VirtualFeedRow,
} from './use-virtual-feed.js';
