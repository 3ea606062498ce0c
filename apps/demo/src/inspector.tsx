import type { RequestLogEntry } from '@pagewise/simulators';
import { useEffect, useState } from 'react';
import type { Vendor } from './routes.js';

/** One request as the vendor (or its simulator) received it. */
type Entry = RequestLogEntry;

const short = (cursor: string | null | undefined) =>
  cursor === undefined
    ? ''
    : cursor === null
      ? '∅'
      : cursor.length > 12
        ? `${cursor.slice(0, 10)}…`
        : cursor;
/** A request's parameters, for one the simulator refused before reading its page (a fault). */
const paramsText = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

/** Every request the current vendor receives, live: method, path, size, cursor or page in and out, status, latency. */
export function Inspector({ vendor }: { vendor: Vendor }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/_inspector/events');
    source.onmessage = (message) => {
      const entry = JSON.parse(message.data) as Entry;
      setEntries((list) => [entry, ...list].slice(0, 300));
    };
    return () => source.close();
  }, []);
  const shown = entries.filter((e) => e.vendor === vendor);
  return (
    <section aria-labelledby="inspector-title">
      <h2 id="inspector-title" style={{ fontSize: 16 }}>
        Request inspector <small style={{ fontWeight: 400 }}>({shown.length})</small>
      </h2>
      <section style={{ maxHeight: '55vh', overflow: 'auto' }} tabIndex={0} aria-label="Requests">
        <table style={{ fontSize: 12, borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left', color: '#444' }}>
            What {vendor} receives, newest first
          </caption>
          <thead>
            <tr>
              {['#', 'request', 'size', 'cursor in', 'cursor out', 'items', 'status', 'ms'].map(
                (h) => (
                  <th
                    key={h}
                    scope="col"
                    style={{ textAlign: 'left', borderBottom: '1px solid #999', padding: 2 }}
                  >
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr
                key={`${e.vendor}-${e.seq}`}
                data-request
                style={{ color: e.status >= 400 || e.status === 0 ? '#a00' : undefined }}
              >
                <td>{e.seq}</td>
                {/* The path wraps anywhere: every column fits the 480 px panel, status included. */}
                <td style={{ overflowWrap: 'anywhere' }}>
                  {e.method} {e.path.replace(/^\/v1\.0|^\/api\/connector\/v1/, '…')}
                  {e.size === undefined && Object.keys(e.params).length > 0 && (
                    <small style={{ display: 'block', color: '#444' }}>
                      {paramsText(e.params)}
                    </small>
                  )}
                </td>
                <td>{e.size ?? ''}</td>
                <td title={e.cursorIn ?? undefined}>{short(e.cursorIn)}</td>
                <td title={e.cursorOut ?? undefined}>{short(e.cursorOut)}</td>
                <td>{e.itemCount ?? ''}</td>
                <td>
                  {e.status === 0 ? 'dropped' : e.status}
                  {e.fault ? ` (${e.fault})` : ''}
                </td>
                <td>{e.latencyMs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
