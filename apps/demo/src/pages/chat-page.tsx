import { ChatView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** Dashly positions: older and newer messages, and a jump to any message (`around`). Ids stay exact beyond 2^53. */
export function ChatPage() {
  return <ChatView source={sources.parts} runner={runners.dashly} />;
}
