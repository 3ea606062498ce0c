import { liveEdge, type RequestRunner, type Source } from '@pagewise/core';
import { useInfiniteList } from '@pagewise/react';
import { useVirtualFeed } from '@pagewise/react/virtual';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorBanner } from '../error-banner.js';

/** A Dashly conversation part (`dashlyList` with `position: ['id']`; ids beyond 2^53 as strings). */
interface Message {
  id: string;
  author: string;
  body: string;
}

/**
 * A live support chat over a newest-first positions API, virtualized: only the messages in view
 * are in the DOM; it opens at the newest message, loads older ones as the view nears the top
 * (the message in view stays where it is), keeps a live edge — every few seconds one small
 * request for what is newer than the newest message — and follows new messages while the user
 * is at the bottom (scrolled up, the view stays put). A jump opens the conversation around a
 * typed id and focuses that message. The history is a labelled feed: nothing is read out as it
 * grows; a status region says what landed.
 */
export function LiveChat({
  source,
  runner,
  liveInterval = 3000,
  onArrive,
}: {
  source: Source<Message>;
  runner?: RequestRunner;
  /** How often the newest edge is refreshed, in ms. */
  liveInterval?: number;
  /** Makes a new message arrive at the server (a simulator's button in a demo). */
  onArrive?: () => Promise<void>;
}) {
  const [jumpTo, setJumpTo] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const jumpField = useRef<HTMLInputElement>(null);
  const list = useInfiniteList({
    source,
    runner,
    pageSize: 20,
    aroundKey: jumpTo,
    live: liveEdge({ interval: liveInterval }),
  });
  const scroller = useRef<HTMLDivElement>(null);
  const chat = useVirtualFeed({
    list,
    label: 'Conversation',
    scrollElement: scroller,
    chat: true,
    estimateSize: 48,
    messages: {
      arrived: (n) => `${n} new ${n === 1 ? 'message' : 'messages'}`,
      more: (n) => `${n} newer ${n === 1 ? 'message' : 'messages'}`,
      earlier: (n) => `${n} older ${n === 1 ? 'message' : 'messages'}`,
      loaded: (n) => `${n} ${n === 1 ? 'message' : 'messages'} loaded`,
      end: 'Start of the conversation',
      // A failure is said by the alert below the conversation (with its Retry), once.
      failed: () => '',
    },
  });
  // The message nearest the edge that failed (older ones load at the top), else the newest in
  // view; the jump field while there is no message (the first page failed).
  const nearestMessage = () => {
    const view = scroller.current?.getBoundingClientRect();
    const shown = [...(scroller.current?.querySelectorAll<HTMLElement>('article') ?? [])].filter(
      (a) => {
        const r = a.getBoundingClientRect();
        return view && r.bottom > view.top && r.top < view.bottom;
      },
    );
    return (list.isFetchNextPageError ? shown[0] : shown[shown.length - 1]) ?? jumpField.current;
  };
  // A jump: the focus on the message once it is shown, or a sentence when the conversation has
  // no such message. `around`: the list's `aroundKey` once it took the jump (it takes new options
  // in an effect, a render late; a live refresh may change the items meanwhile). `id` undefined:
  // the newest message, once the list is back at the latest.
  const jumped = useRef<{ id: string | undefined; around: string | undefined } | undefined>(
    undefined,
  );
  // A jump to no message: its id, and whether the view moved to the messages nearest it.
  const [missing, setMissing] = useState<{ id: string; nearest: boolean } | undefined>(undefined);
  const [, lookNow] = useState(0);
  useEffect(() => {
    const jump = jumped.current;
    // Not while pages load or failed (the error is said; the jump waits for Retry).
    if (!jump || list.isFetching || list.isPlaceholderData || list.error) return;
    if (list.aroundKey !== jump.around) return; // not taken yet
    jumped.current = undefined;
    setReturning(false);
    const target = jump.id ?? list.items[0]?.id;
    if (target !== undefined && list.items.some((m) => m.id === target)) chat.focusItem(target);
    else if (jump.id !== undefined) setMissing({ id: jump.id, nearest: list.items.length > 0 });
  });
  // Scrolled up from the newest message (or jumped into the history): offer the way back.
  const [away, setAway] = useState(false);
  // On the way back from a jump: the button stays (and keeps focus) until the newest message has it.
  const [returning, setReturning] = useState(false);
  const ids = useId();
  const jumpToLatest = () => {
    if (returning) return;
    setMissing(undefined); // the jump that found nothing is over
    setReturning(jumpTo !== undefined);
    jumped.current = {
      id: jumpTo === undefined ? list.items[0]?.id : undefined,
      around: undefined,
    };
    setAway(false);
    setJumpTo(undefined);
    lookNow((n) => n + 1);
    if (jumpTo === undefined)
      chat.virtualizer.scrollToIndex(chat.shown.length - 1, { align: 'end' });
  };
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 560 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const id = draft.trim() || undefined;
          setMissing(undefined);
          // No id: the newest messages, as "Back to the newest messages" does.
          if (id === undefined) return jumpToLatest();
          // Dashly ids are numbers: any other text names no message (and asks the vendor nothing).
          if (!/^\d{1,20}$/.test(id)) {
            jumped.current = undefined;
            setMissing({ id, nearest: false });
            return;
          }
          // The same id again: the list has it open already (look now, after a render).
          jumped.current = { id, around: id };
          setJumpTo(id);
          lookNow((n) => n + 1);
        }}
      >
        <label>
          Jump to message id{' '}
          <input
            ref={jumpField}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            size={24}
          />
        </label>{' '}
        <button type="submit">Jump</button>{' '}
        {missing !== undefined && (
          <span role="alert">
            No message #{missing.id} in this conversation
            {missing.nearest ? ': these are the messages nearest to it.' : '.'}
          </span>
        )}
      </form>
      <p style={{ margin: '8px 0 4px' }}>
        <button {...chat.getLoadProps('start')}>
          {list.isFetchingNextPage
            ? 'Loading older…'
            : list.hasNextPage
              ? 'Load older'
              : 'Start of conversation'}
        </button>
      </p>
      <div
        ref={scroller}
        onScroll={(e) => {
          const element = e.currentTarget;
          setAway(element.scrollHeight - element.scrollTop - element.clientHeight > 48);
        }}
        style={{ height: 360, overflowY: 'auto', border: '1px solid #888', overflowAnchor: 'none' }}
      >
        <div {...chat.getFeedProps()} style={{ height: chat.totalSize, position: 'relative' }}>
          {chat.rows.map(({ item: m, key, virtual, props }) => (
            <article
              key={key}
              {...props}
              data-id={m.id}
              aria-labelledby={`${ids}-${m.id}-by`}
              aria-describedby={`${ids}-${m.id}-text`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${virtual.start}px)`,
                padding: '4px 8px',
                fontWeight: m.id === jumpTo ? 700 : 400,
              }}
            >
              <small id={`${ids}-${m.id}-by`}>
                {m.author} · #{m.id}
              </small>
              <br />
              <span id={`${ids}-${m.id}-text`}>{m.body}</span>
            </article>
          ))}
        </div>
      </div>
      <p style={{ margin: '4px 0' }}>
        {/* Shown from a jump on, so that the focus stays on it once the newest message is loaded. */}
        {(jumpTo !== undefined || list.hasPreviousPage) && (
          <button {...chat.getLoadProps('end')}>
            {list.isFetchingPreviousPage
              ? 'Loading newer…'
              : list.hasPreviousPage
                ? 'Load newer'
                : 'Newest message loaded'}
          </button>
        )}{' '}
        {(jumpTo !== undefined || away || returning) && (
          <button type="button" onClick={jumpToLatest} aria-disabled={returning || undefined}>
            {returning ? 'Loading the newest messages…' : 'Back to the newest messages'}
          </button>
        )}{' '}
        {onArrive && (
          <button type="button" onClick={() => void onArrive()}>
            A new message arrives
          </button>
        )}{' '}
        <span data-chat-info>
          {list.items.length} {list.items.length === 1 ? 'message' : 'messages'}
        </span>
      </p>
      <ErrorBanner
        error={list.error}
        onRetry={() => {
          // Focus goes to the message nearest the edge it reloads (older ones load at the top),
          // not to the page: the button goes away with the error.
          nearestMessage()?.focus({ preventScroll: true });
          list.retry();
        }}
        // The error went away by itself (a live refresh that worked, another try that did):
        // focus on its Retry goes to a message, not to the page.
        focusAfter={nearestMessage}
      />
      <div role="status" style={{ minHeight: '1.2em', color: '#444' }}>
        {chat.announcement}
      </div>
    </div>
  );
}
