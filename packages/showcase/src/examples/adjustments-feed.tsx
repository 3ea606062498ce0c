import type { RequestRunner, Source } from '@pagewise/core';
import { FeedList } from './feed-list.js';

/** DingTalk attendance adjustments (`dingtalkPageList`): the page number grows by one per load. */
interface Adjustment {
  id: number;
  userName: string;
  adjustmentType: string;
  workDate: string;
}

export function AdjustmentsFeed({
  source,
  runner,
  pageSize = 30,
}: {
  source: Source<Adjustment>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <FeedList
      source={source}
      runner={runner}
      pageSize={pageSize}
      label="DingTalk adjustments"
      render={(a) => `${a.workDate} · ${a.userName} · ${a.adjustmentType}`}
    />
  );
}
