import type { RequestRunner, Source } from '@pagewise/core';
import { useFeed, useInfiniteList, useKeepScrollOnPrepend } from '@pagewise/react';
import { useEffect, useRef, useState } from 'react';

/** A Dashly conversation part (`dashlyList` with `position: ['id']`; ids beyond 2^53 as strings). */
interface Message {
  id: string;
  author: string;
  body: string;
}

/**
 * A chat over a newest-first list: newest at the bottom, Load older above, Load newer below, and
 * a jump to any message (`aroundKey`). The history is a labelled feed, not a live region: older
 * messages that land are not read out; a status region says how many came. A jump moves focus to
 * the message once it is on screen.
 */
export function Chat({ source, runner }: { source: Source<Message>; runner?: RequestRunner }) {
  const [jumpTo, setJumpTo] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const list = useInfiniteList({ source, runner, pageSize: 20, aroundKey: jumpTo });
  const feed = useFeed({
    list,
    label: 'Conversation',
    reversed: true, // newest-first data, shown newest at the bottom
    messages: {
      // Each sentence names the new length, so two pages of the same size are two announcements.
      more: (n) => `${n} newer messages, ${list.items.length} in all`,
      earlier: (n) => `${n} older messages, ${list.items.length} in all`,
      loaded: (n) => `${n} messages loaded`,
      end: 'Start of the conversation',
    },
  });
  const messages = [...list.items].reverse();

  // Keep the message in view where it was when older ones land above it.
  const scroller = useRef<HTMLElement | null>(null);
  useKeepScrollOnPrepend(scroller, list, { reversed: true });

  // After a jump: once the list was read around it (`aroundKey`), focus the message — or say
  // there is none such, rather than leave the reader on another part of the conversation.
  const pendingJump = useRef<string | undefined>(undefined);
  const [missing, setMissing] = useState<string | undefined>(undefined);
  useEffect(() => {
    const jump = pendingJump.current;
    if (!jump || list.isFetching || list.isPlaceholderData || list.error) return;
    if (list.aroundKey !== jump) return; // not taken yet
    pendingJump.current = undefined;
    if (!feed.focusItem(jump)) setMissing(jump);
  });

  const feedProps = feed.getFeedProps();
  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          pendingJump.current = draft.trim() || undefined;
          setMissing(undefined);
          setJumpTo(pendingJump.current);
        }}
      >
        <label>
          Jump to message id <input value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>{' '}
        <button type="submit">Jump</button>{' '}
        {missing !== undefined && (
          <span role="alert">No message #{missing} in this conversation.</span>
        )}
      </form>
      <button {...feed.getLoadProps('start')}>
        {list.isFetchingNextPage ? 'Loading older…' : list.hasNextPage ? 'Load older' : 'Start'}
      </button>
      <div
        {...feedProps}
        ref={(element: HTMLDivElement | null) => {
          feedProps.ref(element);
          scroller.current = element;
        }}
        style={{ height: 360, overflowY: 'auto' }}
      >
        {messages.map((m, i) => (
          <article key={m.id} {...feed.getItemProps(m, i)} aria-label={`${m.author}, #${m.id}`}>
            <small>
              {m.author} · #{m.id}
            </small>
            <p>{m.body}</p>
          </article>
        ))}
      </div>
      <button {...feed.getLoadProps('end')}>
        {list.isFetchingPreviousPage
          ? 'Loading newer…'
          : list.hasPreviousPage
            ? 'Load newer'
            : 'Latest'}
      </button>{' '}
      {list.items.length} messages
      <div role="status">{feed.announcement}</div>
    </div>
  );
}
