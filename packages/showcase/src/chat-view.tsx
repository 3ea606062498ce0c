import type { RequestRunner, Source } from '@pagewise/core';
import { LiveChat } from './examples/live-chat.js';

export interface ChatMessage {
  id: string;
  author: string;
  body: string;
}

/**
 * The demo's chat: the `LiveChat` example (a virtualized feed over `useVirtualFeed`, with a
 * live newest edge), with a button that makes a new message arrive at the simulator.
 */
export function ChatView<T extends ChatMessage>({
  source,
  runner,
  liveInterval,
  onArrive,
}: {
  source: Source<T>;
  runner: RequestRunner;
  liveInterval?: number;
  onArrive?: () => Promise<void>;
}) {
  return (
    <LiveChat
      source={source as unknown as Source<ChatMessage>}
      runner={runner}
      {...(liveInterval === undefined ? {} : { liveInterval })}
      {...(onArrive === undefined ? {} : { onArrive })}
    />
  );
}
