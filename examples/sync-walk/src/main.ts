import { runSyncWalk } from './sync-walk.js';

console.log(
  'Pagewise sync walk: every vendor through paginate(), against the simulators on 127.0.0.1\n',
);
const reports = await runSyncWalk({
  faults: {
    serverErrorRate: 0.05,
    rateLimitRate: 0.02,
    retryAfterSeconds: 0,
    tokenExpiresAfterRequests: 50,
  },
});
console.table(
  reports.map((r) => ({
    walk: r.name,
    items: r.items,
    pages: r.pages,
    requests: r.requests,
    'faults met': r.faults,
    ms: r.ms,
  })),
);
