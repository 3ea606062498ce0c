import type { RequestLogEntry } from '@pagewise/testkit';
import { useEffect, useState } from 'react';

/**
 * What a vendor (its simulator) received, beside a story's table: each request's path, status
 * and fault as it happens — so a story named for a 429 or an expired token shows the 429 and
 * the token refresh the user never sees, not only its play function.
 */
export function VendorLog({
  log,
  label,
}: {
  log: { entries: readonly RequestLogEntry[] };
  label: string;
}) {
  const [entries, setEntries] = useState<RequestLogEntry[]>([]);
  useEffect(() => {
    const timer = setInterval(() => {
      setEntries((shown) => (shown.length === log.entries.length ? shown : [...log.entries]));
    }, 100);
    return () => clearInterval(timer);
  }, [log]);
  return (
    <table data-vendor-log style={{ fontSize: 12, marginTop: 12, borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>{label}</caption>
      <thead>
        <tr>
          {['#', 'request', 'status'].map((h) => (
            <th key={h} scope="col" style={{ textAlign: 'left', padding: '2px 8px' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.seq}
            data-vendor-request
            style={{ color: e.status >= 400 ? '#a00' : undefined }}
          >
            <td style={{ padding: '2px 8px' }}>{e.seq}</td>
            <td style={{ padding: '2px 8px' }}>
              {e.method} {e.path}
            </td>
            <td style={{ padding: '2px 8px' }}>
              {e.status}
              {e.fault ? ` (${e.fault})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
