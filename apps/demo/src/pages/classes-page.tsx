import { useInfiniteList } from '@pagewise/react';
import { ListView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** DingTalk nextToken lists as infinite scroll: school classes and calendar events side by side. */
export function ClassesPage() {
  const classes = useInfiniteList({
    source: sources.classes,
    runner: runners.dingtalk,
    pageSize: 100,
    maxPages: 20,
  });
  const events = useInfiniteList({
    source: sources.events,
    runner: runners.dingtalk,
    pageSize: 50,
    maxPages: 20,
  });
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <div>
        <h3>School classes</h3>
        <ListView
          list={classes}
          label="School classes"
          render={(c) => `${c.name} · ${c.studentCount} students · ${c.headTeacher}`}
        />
      </div>
      <div>
        <h3>Calendar events</h3>
        <ListView
          list={events}
          label="Calendar events"
          render={(e) =>
            `${e.start.dateTime.slice(0, 16).replace('T', ' ')} · ${e.summary} · ${e.location.displayName}`
          }
        />
      </div>
    </div>
  );
}
