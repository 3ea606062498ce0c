import type { RequestRunner, Source } from '@pagewise/core';
import { FeedList } from './feed-list.js';

/** DingTalk calendar events (`dingtalkTokenList`: maxResults + nextToken). */
interface CalendarEvent {
  id: string;
  summary: string;
  start: { dateTime: string };
}

export function EventsFeed({
  source,
  runner,
  pageSize = 50,
  maxPages,
}: {
  source: Source<CalendarEvent>;
  runner?: RequestRunner;
  pageSize?: number;
  maxPages?: number;
}) {
  return (
    <FeedList
      source={source}
      runner={runner}
      pageSize={pageSize}
      maxPages={maxPages}
      label="DingTalk calendar events"
      render={(e) => `${e.start.dateTime.slice(0, 16).replace('T', ' ')} · ${e.summary}`}
    />
  );
}
