import { createRequestRunner, type RequestEvent } from '@pagewise/core';
import { vendorSources } from '@pagewise/testkit';

/**
 * The browser talks to the demo's own server, which adds every credential (see
 * server/vendor-proxy.ts): no token, secret or key is in this bundle.
 */

/** Requests as the browser's runners see them (the inspector shows the vendor side). */
export const clientEvents = new EventTarget();
const onRequest = (event: RequestEvent) =>
  clientEvents.dispatchEvent(new CustomEvent('request', { detail: event }));

export const runners = {
  dingtalk: createRequestRunner({ baseUrl: '/api/dingtalk', onRequest }),
  lineworks: createRequestRunner({ baseUrl: '/api/lineworks', onRequest }),
  dashly: createRequestRunner({ baseUrl: '/api/dashly', onRequest }),
  mews: createRequestRunner({ baseUrl: '/api/mews', onRequest }),
  generic: createRequestRunner({ baseUrl: '/api/generic', onRequest }),
};

/** The simulated endpoints, as the testkit defines them (Mews credentials are left out: the server adds them). */
export const sources = vendorSources({
  gradeId: 'grade-7',
  calendarUserId: 'demo-user',
  conversationId: '1160406004324630614',
});
