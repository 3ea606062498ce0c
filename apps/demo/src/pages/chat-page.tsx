import { ChatView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

const CONVERSATION = '/conversations/1160406004324630614/parts';

/** The simulator's side of a visitor writing: a new message arrives in the conversation. */
async function arrive() {
  await fetch('/api/_arrive/dashly', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: CONVERSATION, count: 1 }),
  });
}

/**
 * Dashly positions: a live, virtualized chat — older messages as you scroll up, new ones every
 * 3 s with one small request, a jump to any message (`around`). Ids stay exact beyond 2^53.
 */
export function ChatPage() {
  return <ChatView source={sources.parts} runner={runners.dashly} onArrive={arrive} />;
}
