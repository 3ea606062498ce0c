import type { CursorSource, RequestRunner } from '@pagewise/core';
import { useFeed, useInfiniteList, useKeepScrollOnPrepend } from '@pagewise/react';
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
 *
 * The history is a labelled feed (`useFeed`, reversed), not a live region: older messages that
 * land are not read out, a status region says how many came. Load older keeps focus in view (on
 * the newest of the older messages); a jump moves focus to the message once it is on screen.
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
  const feed = useFeed({
    list,
    itemKey: (m) => m.id,
    label: 'Conversation',
    reversed: true,
    messages: {
      // Each sentence names the new length, so two pages of the same size are two announcements.
      more: (n) => `${n} newer ${n === 1 ? 'message' : 'messages'}, ${list.items.length} in all`,
      earlier: (n) => `${n} older ${n === 1 ? 'message' : 'messages'}, ${list.items.length} in all`,
      end: 'Start of the conversation',
    },
  });
  const scroller = useRef<HTMLElement | null>(null);
  const newer = useRef<HTMLButtonElement>(null);
  const messages = [...list.items].reverse();
  useKeepScrollOnPrepend(scroller, messages[0]?.id);
  // Where to bring the view once messages are shown: the bottom at the start, a jumped-to message.
  const pending = useRef<{ jump?: string } | null>({});
  const feedProps = feed.getFeedProps();
  useEffect(() => {
    const want = pending.current;
    if (!want || list.isFetching || messages.length === 0 || !scroller.current) return;
    if (want.jump === undefined) {
      scroller.current.scrollTop = scroller.current.scrollHeight;
      pending.current = null;
    } else if (feed.focusItem(want.jump)) {
      scroller.current
        .querySelector(`[data-id="${CSS.escape(want.jump)}"]`)
        ?.scrollIntoView({ block: 'center' });
      pending.current = null;
    }
  });
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 560 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const id = draft.trim() || undefined;
          pending.current = id === undefined ? {} : { jump: id };
          setJumpTo(id);
        }}
      >
        <label>
          Jump to message id{' '}
          <input value={draft} onChange={(e) => setDraft(e.target.value)} size={24} />
        </label>{' '}
        <button type="submit">Jump</button>
      </form>
      <p style={{ margin: '8px 0 4px' }}>
        <button {...feed.getLoadProps('start')}>
          {list.isFetchingNextPage
            ? 'Loading older…'
            : list.hasNextPage
              ? 'Load older'
              : 'Start of conversation'}
        </button>
      </p>
      <div
        {...feedProps}
        ref={(element: HTMLDivElement | null) => {
          feedProps.ref(element);
          scroller.current = element;
        }}
        style={{ height: 360, overflowY: 'auto', border: '1px solid #888' }}
      >
        {messages.map((m, i) => (
          <article
            key={m.id}
            data-id={m.id}
            {...feed.getItemProps(m, i)}
            aria-label={`${m.author}, message ${m.id}`}
            style={{ margin: '4px 8px', fontWeight: m.id === jumpTo ? 700 : 400 }}
          >
            <small>
              {m.author} · #{m.id}
            </small>
            <br />
            {m.body}
          </article>
        ))}
      </div>
      <p style={{ margin: '4px 0' }}>
        <button ref={newer} {...feed.getLoadProps('end')}>
          {list.isFetchingPreviousPage
            ? 'Loading newer…'
            : list.hasPreviousPage
              ? 'Load newer'
              : 'Latest'}
        </button>{' '}
        <span data-chat-info>
          {list.items.length} {list.items.length === 1 ? 'message' : 'messages'}
        </span>
      </p>
      <ErrorBanner error={list.error} onRetry={list.retry} focusAfter={() => newer.current} />
      <div role="status" style={{ minHeight: '1.2em', color: '#444' }}>
        {feed.announcement}
      </div>
    </div>
  );
}
