'use client';
import {
  type AnnouncedTable,
  announceTable,
  type TableAnnouncementMessages,
  type TableSeen,
} from '@pagewise/core/controllers';
import { useEffect, useRef } from 'react';
import { useAnnouncement } from './use-announcement.js';

/**
 * One sentence per landed change of a table, for a polite live region
 * (`<div role="status">{announcement}</div>`): "Page 3 of 20 loaded, 20 rows" once the rows of
 * page 3 are on screen — not when page 3 is requested, while page 2's rows still show —
 * "Page 3 could not be loaded: …" when it fails, and "Page 3 is delayed (too many requests):
 * trying again in 20 s" while it waits on a 429 or a 5xx. The first page is not announced (it is
 * what the user came to read). The sentences are `announceTable`'s, in `messages`' words.
 */
export function useTableAnnouncement(
  table: AnnouncedTable,
  messages?: TableAnnouncementMessages,
): string {
  const [announcement, setAnnouncement] = useAnnouncement();
  const seen = useRef<TableSeen | null>(null);
  useEffect(() => {
    const { seen: now, say } = announceTable(table, seen.current, messages);
    seen.current = now;
    if (say !== undefined) setAnnouncement(say);
  });
  return announcement;
}
