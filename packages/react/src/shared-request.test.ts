import { describe, expect, it } from 'vitest';
import { sharedRequest } from './shared-request.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

function recorder() {
  const started: AbortSignal[] = [];
  const resolvers: Array<(v: string) => void> = [];
  const start = (signal: AbortSignal) => {
    started.push(signal);
    return new Promise<string>((resolve, reject) => {
      resolvers.push(resolve);
      signal.addEventListener('abort', () => reject(signal.reason));
    });
  };
  return { started, resolvers, start };
}

describe('sharedRequest', () => {
  it('starts one request for callers with the same key', async () => {
    const scope = {};
    const r = recorder();
    const a = sharedRequest(scope, 'k', new AbortController().signal, r.start);
    const b = sharedRequest(scope, 'k', new AbortController().signal, r.start);
    r.resolvers[0]!('page');
    expect(await a).toBe('page');
    expect(await b).toBe('page');
    expect(r.started).toHaveLength(1);
  });

  it('lets a request finish while a caller without a signal (a page fetched ahead) waits for it', async () => {
    const scope = {};
    const r = recorder();
    const step = new AbortController();
    void sharedRequest(scope, 'k', step.signal, r.start).catch(() => {});
    const ahead = sharedRequest(scope, 'k', undefined, r.start);
    step.abort();
    await tick();
    expect(r.started[0]!.aborted).toBe(false);
    r.resolvers[0]!('page');
    expect(await ahead).toBe('page');
    // Done: the next caller starts a new request.
    void sharedRequest(scope, 'k', undefined, r.start);
    expect(r.started).toHaveLength(2);
  });

  it('lets a caller that aborts and comes straight back (StrictMode remount) join the same request', async () => {
    const scope = {};
    const r = recorder();
    const first = new AbortController();
    void sharedRequest(scope, 'k', first.signal, r.start).catch(() => {});
    first.abort();
    const again = sharedRequest(scope, 'k', new AbortController().signal, r.start);
    await tick();
    expect(r.started).toHaveLength(1);
    expect(r.started[0]!.aborted).toBe(false);
    r.resolvers[0]!('page');
    expect(await again).toBe('page');
  });

  it('aborts the request when nobody comes back for it', async () => {
    const scope = {};
    const r = recorder();
    const only = new AbortController();
    const pending = sharedRequest(scope, 'k', only.signal, r.start);
    only.abort();
    await expect(pending).rejects.toBeDefined();
    await tick();
    expect(r.started[0]!.aborted).toBe(true);
    void sharedRequest(scope, 'k', new AbortController().signal, r.start).catch(() => {});
    expect(r.started).toHaveLength(2); // a later caller starts afresh
  });

  it('keeps scopes and keys apart', () => {
    const r = recorder();
    const s = new AbortController().signal;
    void sharedRequest({}, 'k', s, r.start);
    void sharedRequest({}, 'k', s, r.start);
    const scope = {};
    void sharedRequest(scope, 'a', s, r.start);
    void sharedRequest(scope, 'b', s, r.start);
    expect(r.started).toHaveLength(4);
  });
});
