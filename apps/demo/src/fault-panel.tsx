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
 * left), alone: the server changes that fault and keeps the others, or says why it refuses it
 * (the field is then marked invalid and described by the reason); the field then shows what the
 * server holds. An emptied field, left, means no such fault; "No faults" clears them all.
 */
export function FaultPanel({ vendor }: { vendor: Vendor }) {
  // What the server holds, and the text of fields being typed in.
  const [faults, setFaults] = useState<Faults>(NONE);
  const [drafts, setDrafts] = useState<Partial<Record<Key, string>>>({});
  const [refused, setRefused] = useState<{ key: Key | undefined; said: string }>();
  const timers = useRef(new Map<Key, ReturnType<typeof setTimeout>>());
  const sending = useRef(new Map<Key, Promise<void>>());
  // Answers may come back out of order: only the newest request's answer is shown.
  const asked = useRef(0);
  const shown = useRef(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    void fetch(`/api/_faults/${vendor}`)
      .then((r) => r.json())
      .then((f: Faults) => live.current && shown.current === 0 && setFaults({ ...NONE, ...f }));
    const pending = timers.current;
    return () => {
      live.current = false;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, [vendor]);

  const send = async (method: 'POST' | 'DELETE', change: Partial<Faults>, field?: Field) => {
    const n = ++asked.current;
    let answer: Response | undefined;
    let body: (Faults & { error?: string }) | undefined;
    try {
      answer = await fetch(`/api/_faults/${vendor}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ ...change, mutationAt: 'head' }) : undefined,
      });
      body = (await answer.json()) as Faults & { error?: string };
    } catch {
      // The demo server is gone (stopped, restarting): said like a refusal; later sends still go.
    }
    if (!live.current || n < shown.current) return;
    shown.current = n;
    if (answer?.ok && body) {
      setFaults({ ...NONE, ...body });
      setRefused(undefined);
      return;
    }
    // The server checks every value and says why it refuses one; nothing of it was applied.
    const what = field ? `${field.label} ${String(change[field.key])}` : 'The change';
    const why =
      body?.error ?? (answer ? `HTTP ${answer.status}` : 'the demo server did not answer');
    setRefused({ key: field?.key, said: `${what} not applied: ${why}.` });
  };
  /** Sends a field's value, one request at a time per field (the next waits for the last). */
  const sendField = (field: Field, value: number | null) => {
    const before = sending.current.get(field.key) ?? Promise.resolve();
    const now = before.then(() => send('POST', { [field.key]: value }, field));
    sending.current.set(field.key, now);
    return now;
  };
  /** Sends a field's text now, if it has a value waiting to be sent. */
  const flush = (field: Field, text: string | undefined) => {
    const waiting = timers.current.has(field.key);
    clearTimeout(timers.current.get(field.key));
    timers.current.delete(field.key);
    if (waiting && text !== undefined && text !== '') void sendField(field, Number(text));
  };
  const leave = async (field: Field) => {
    const text = drafts[field.key];
    flush(field, text);
    if (text === '') void sendField(field, NONE[field.key]);
    // Once the field's answers came, it shows what the server holds (a refused value stays only
    // in the message) — unless the user is typing in it again.
    await sending.current.get(field.key);
    if (live.current)
      setDrafts((d) => (d[field.key] === text ? { ...d, [field.key]: undefined } : d));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    for (const field of FIELDS) flush(field, drafts[field.key]);
  };
  const input = (field: Field) => {
    const id = `fault-${field.key}`;
    // Invalid while it shows the value refused: once left, it shows what the server holds.
    const invalid = refused?.key === field.key && drafts[field.key] !== undefined;
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
              setTimeout(() => flush(field, text), TYPING_PAUSE_MS),
            );
          }}
          onBlur={() => void leave(field)}
          // A form of several fields and no submit button is not submitted on Enter: sent here.
          onKeyDown={(e) => {
            if (e.key === 'Enter') flush(field, e.currentTarget.value);
          }}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'faults-said' : undefined}
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
      {/* The server checks the values: the browser's step check would refuse 120 ms on Enter. */}
      <form onSubmit={submit} noValidate style={{ fontSize: 13 }}>
        {FIELDS.filter((f) => tokens || !f.tokens).map(input)}
        <button
          type="button"
          onClick={() => {
            for (const timer of timers.current.values()) clearTimeout(timer);
            timers.current.clear();
            setDrafts({});
            void send('DELETE', {});
          }}
        >
          No faults
        </button>
        <p id="faults-said" role="status" style={{ color: '#a00', minHeight: '1em' }}>
          {refused?.said ?? ''}
        </p>
        <p style={{ color: '#555', margin: 0 }}>
          Faults last for this vendor across pages and reloads. Items inserted or deleted stay so
          until the demo server restarts: "No faults" stops new ones.
        </p>
      </form>
    </section>
  );
}
