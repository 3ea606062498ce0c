import type { RequestRunner, Source } from '@pagewise/core';
import { FeedList } from './feed-list.js';

/**
 * Items of a generic REST API paged by `Link: <…>; rel="next"` (GitHub style):
 *
 *   linkHeaderSource<Item>({ path: '/repos/items', key: (x) => String(x.id) })
 */
interface Item {
  id: number;
  title: string;
  owner: string;
}

export function ItemsFeed({
  source,
  runner,
  label,
  pageSize,
}: {
  source: Source<Item>;
  runner?: RequestRunner;
  label: string;
  pageSize?: number;
}) {
  return (
    <FeedList
      source={source}
      runner={runner}
      pageSize={pageSize}
      label={label}
      render={(x) => `${x.title} · ${x.owner}`}
    />
  );
}
