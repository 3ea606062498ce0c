import type { CursorSource, RequestRunner } from '@pagewise/core';
import { useInfiniteList, useKeepScrollOnPrepend } from '@pagewise/react';
import { useEffect, useRef, useState } from 'react';
import { ErrorBanner } from './error-banner.js';

export interface ChatMessage {
  id: string;
  author: string;
  body: string;
}

/**
 * A chat over a newest-first Dashly list: newest at the bottom, "Load older" above (the list's
 * next pages), "Load newer" below (its previous pages), and a jump to any message by id (`around`).
 */
export function ChatView<T extends ChatMessage>({
  source,
  runner,
  pageSize = 20,
}: {
  source: CursorSource<T>;
  runner: RequestRunner;
  pageSize?: number;
}) {
  const [jumpTo, setJumpTo] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const list = useInfiniteList({ source, runner, pageSize, aroundKey: jumpTo });
  const scroller = useRef<HTMLDivElement>(null);
  const messages = [...list.items].reverse();
  useKeepScrollOnPrepend(scroller, messages[0]?.id);
  const pinToBottom = useRef(true);
  useEffect(() => {
    if (pinToBottom.current && messages.length > 0 && scroller.current) {
      const target = jumpTo ? scroller.current.querySelector(`[data-id="${jumpTo}"]`) : null;
      if (target) target.scrollIntoView({ block: 'center' });
      else scroller.current.scrollTop = scroller.current.scrollHeight;
      pinToBottom.current = false;
    }
  });
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 560 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          pinToBottom.current = true;
          setJumpTo(draft.trim() || undefined);
        }}
      >
        <label>
          Jump to message id{' '}
          <input value={draft} onChange={(e) => setDraft(e.target.value)} size={24} />
        </label>{' '}
        <button type="submit">Jump</button>
      </form>
      <div
        ref={scroller}
        role="log"
        aria-label="Conversation"
        tabIndex={0}
        style={{ height: 360, overflowY: 'auto', border: '1px solid #ccc', marginTop: 8 }}
      >
        <p>
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={!list.hasNextPage || list.isFetching}
          >
            {list.isFetchingNextPage
              ? 'Loading older…'
              : list.hasNextPage
                ? 'Load older'
                : 'Start of conversation'}
          </button>
        </p>
        {messages.map((m) => (
          <p
            key={m.id}
            data-id={m.id}
            style={{ margin: '4px 8px', fontWeight: m.id === jumpTo ? 700 : 400 }}
          >
            <small>
              {m.author} · #{m.id}
            </small>
            <br />
            {m.body}
          </p>
        ))}
        <p>
          <button
            type="button"
            onClick={() => void list.fetchPreviousPage()}
            disabled={!list.hasPreviousPage || list.isFetching}
          >
            {list.isFetchingPreviousPage
              ? 'Loading newer…'
              : list.hasPreviousPage
                ? 'Load newer'
                : 'Latest'}
          </button>
        </p>
      </div>
      <ErrorBanner error={list.error} onRetry={list.retry} />
      <output aria-live="polite">{list.items.length} messages</output>
    </div>
  );
}
