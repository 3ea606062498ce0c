import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Vendor } from './routes.js';

interface Faults {
  latencyMs: number;
  jitterMs: number;
  serverErrorRate: number;
  rateLimitRate: number;
  retryAfterSeconds: number;
  tokenExpiresAfterRequests: number | null;
  insertEvery: number | null;
  deleteEvery: number | null;
}
type Key = keyof Faults;

const NONE: Faults = {
  latencyMs: 0,
  jitterMs: 0,
  serverErrorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  tokenExpiresAfterRequests: null,
  insertEvery: null,
  deleteEvery: null,
};

interface Field {
  key: Key;
  label: string;
  step: number;
  min: number;
  max: number;
  /** Only where the vendor has tokens that expire. */
  tokens?: true;
}

const FIELDS: readonly Field[] = [
  { key: 'latencyMs', label: 'Latency (ms)', step: 50, min: 0, max: 60_000 },
  { key: 'jitterMs', label: 'Jitter (ms)', step: 50, min: 0, max: 60_000 },
  { key: 'serverErrorRate', label: '5xx rate (0–1)', step: 0.05, min: 0, max: 1 },
  { key: 'rateLimitRate', label: '429 rate (0–1)', step: 0.05, min: 0, max: 1 },
  { key: 'retryAfterSeconds', label: 'Retry-After (s)', step: 1, min: 0, max: 3600 },
  {
    key: 'tokenExpiresAfterRequests',
    label: 'Token expires after N requests',
    step: 1,
    min: 1,
    max: 1_000_000,
    tokens: true,
  },
  { key: 'insertEvery', label: 'Insert an item every N list requests', step: 1, min: 1, max: 1e6 },
  { key: 'deleteEvery', label: 'Delete an item every N list requests', step: 1, min: 1, max: 1e6 },
];

/** How long typing pauses before a value is sent: each keystroke would apply the "1" of "1.5". */
const TYPING_PAUSE_MS = 500;

/**
 * Faults for the current vendor's simulator: latency, errors, 429s, token expiry, inserts and
 * deletes while you scroll. A value is sent once typing pauses (or on Enter, or when the field is
 * left), alone: the server checks it and either applies it or says why not, and the field then
 * shows what the server holds. An emptied field, left, means no such fault.
 */
export function FaultPanel({ vendor }: { vendor: Vendor }) {
  // What the server holds, and the text of fields being typed in.
  const [faults, setFaults] = useState<Faults>(NONE);
  const [drafts, setDrafts] = useState<Partial<Record<Key, string>>>({});
  const [said, setSaid] = useState<string>('');
  const timers = useRef(new Map<Key, ReturnType<typeof setTimeout>>());
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    void fetch(`/api/_faults/${vendor}`)
      .then((r) => r.json())
      .then((f: Faults) => live.current && setFaults({ ...NONE, ...f }));
    const pending = timers.current;
    return () => {
      live.current = false;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, [vendor]);

  const send = async (change: Partial<Faults>, field?: Field) => {
    const answer = await fetch(`/api/_faults/${vendor}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...change, mutationAt: 'head' }),
    });
    const body = (await answer.json()) as Faults & { error?: string };
    if (!live.current) return;
    if (answer.ok) {
      setFaults({ ...NONE, ...body });
      setSaid('');
      return;
    }
    // The server checks every value and says why it refuses one; nothing of it was applied.
    const text = field ? `${field.label} ${String(change[field.key])}` : 'The change';
    setSaid(`${text} not applied: ${body.error ?? `HTTP ${answer.status}`}.`);
  };
  /** Sends a field's text now, if it has a value waiting to be sent; `true` when it had. */
  const flush = async (field: Field, text: string | undefined) => {
    const waiting = timers.current.has(field.key);
    clearTimeout(timers.current.get(field.key));
    timers.current.delete(field.key);
    if (waiting && text !== undefined && text !== '')
      await send({ [field.key]: Number(text) }, field);
  };
  const leave = async (field: Field) => {
    const text = drafts[field.key];
    if (text === '') {
      await flush(field, undefined);
      await send({ [field.key]: NONE[field.key] }, field);
    } else await flush(field, text);
    // Then the field shows what the server holds (a refused value stays only in the message).
    if (live.current) setDrafts((d) => ({ ...d, [field.key]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    for (const field of FIELDS) void flush(field, drafts[field.key]);
  };
  const input = (field: Field) => {
    const id = `fault-${field.key}`;
    return (
      <label key={field.key} htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {field.label}{' '}
        <input
          id={id}
          type="number"
          min={field.min}
          max={field.max}
          step={field.step}
          value={drafts[field.key] ?? faults[field.key] ?? ''}
          onChange={(e) => {
            const text = e.target.value;
            setDrafts((d) => ({ ...d, [field.key]: text }));
            clearTimeout(timers.current.get(field.key));
            timers.current.set(
              field.key,
              setTimeout(() => void flush(field, text), TYPING_PAUSE_MS),
            );
          }}
          onBlur={() => void leave(field)}
          aria-describedby="faults-said"
          style={{ width: 80 }}
        />
      </label>
    );
  };
  const tokens = vendor === 'dingtalk' || vendor === 'lineworks';
  return (
    <section aria-labelledby="faults-title" style={{ marginBottom: 16 }}>
      <h2 id="faults-title" style={{ fontSize: 16 }}>
        Faults ({vendor})
      </h2>
      <form onSubmit={submit} style={{ fontSize: 13 }}>
        {FIELDS.filter((f) => tokens || !f.tokens).map(input)}
        <button
          type="button"
          onClick={() => {
            for (const timer of timers.current.values()) clearTimeout(timer);
            timers.current.clear();
            setDrafts({});
            void send(NONE);
          }}
        >
          No faults
        </button>
        <p id="faults-said" role="status" style={{ color: '#a00', minHeight: '1em' }}>
          {said}
        </p>
      </form>
    </section>
  );
}
