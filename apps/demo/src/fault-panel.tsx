import { useEffect, useState } from 'react';
import type { Vendor } from './routes.js';

interface Faults {
  latencyMs: number;
  jitterMs: number;
  serverErrorRate: number;
  rateLimitRate: number;
  retryAfterSeconds: number;
  tokenExpiresAfterRequests: number | null;
  insertEvery: number | null;
}

const NONE: Faults = {
  latencyMs: 0,
  jitterMs: 0,
  serverErrorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  tokenExpiresAfterRequests: null,
  insertEvery: null,
};

/** Faults for the current vendor's simulator: latency, errors, 429s, token expiry, inserts while you scroll. */
export function FaultPanel({ vendor }: { vendor: Vendor }) {
  const [faults, setFaults] = useState<Faults>(NONE);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  useEffect(() => {
    void fetch(`/api/_faults/${vendor}`)
      .then((r) => r.json())
      .then((f: Faults) => setFaults({ ...NONE, ...f }));
  }, [vendor]);
  const apply = async (next: Faults) => {
    setFaults(next);
    const answer = await fetch(`/api/_faults/${vendor}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...next, mutationAt: 'head' }),
    });
    // The server checks every value and says why it refuses one.
    setRefused(answer.ok ? undefined : ((await answer.json()) as { error: string }).error);
  };
  // A field being edited may be empty for a moment (to type a new number); left empty, it means
  // no such fault: its value in "No faults" (0, or off).
  const [editing, setEditing] = useState<Partial<Record<keyof Faults, string>>>({});
  const number = (key: keyof Faults, label: string, step = 1, max?: number) => (
    <label style={{ display: 'block', marginBottom: 4 }}>
      {label}{' '}
      <input
        type="number"
        min={0}
        max={max}
        step={step}
        value={editing[key] ?? faults[key] ?? ''}
        onChange={(e) => {
          const text = e.target.value;
          setEditing({ ...editing, [key]: text });
          if (text !== '') void apply({ ...faults, [key]: Number(text) });
        }}
        onBlur={() => {
          if (editing[key] === '') void apply({ ...faults, [key]: NONE[key] });
          setEditing({ ...editing, [key]: undefined });
        }}
        style={{ width: 80 }}
      />
    </label>
  );
  return (
    <section aria-labelledby="faults-title" style={{ marginBottom: 16 }}>
      <h2 id="faults-title" style={{ fontSize: 16 }}>
        Faults ({vendor})
      </h2>
      <form onSubmit={(e) => e.preventDefault()} style={{ fontSize: 13 }}>
        {number('latencyMs', 'Latency (ms)', 50)}
        {number('jitterMs', 'Jitter (ms)', 50)}
        {number('serverErrorRate', '5xx rate (0–1)', 0.05, 1)}
        {number('rateLimitRate', '429 rate (0–1)', 0.05, 1)}
        {number('retryAfterSeconds', 'Retry-After (s)')}
        {(vendor === 'dingtalk' || vendor === 'lineworks') &&
          number('tokenExpiresAfterRequests', 'Token expires after N requests')}
        {number('insertEvery', 'Insert an item every N list requests')}
        <button type="button" onClick={() => void apply(NONE)}>
          No faults
        </button>
        <p role="status" style={{ color: '#a00', minHeight: '1em' }}>
          {refused ? `Not applied: ${refused}` : ''}
        </p>
      </form>
    </section>
  );
}
