import { useInfiniteList } from '@pagewise/react';
import { VirtualListView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** Mews Limitation cursor, 100,000 reservations in a virtualized list, 1,000 per request. */
export function ReservationsPage() {
  const list = useInfiniteList({
    source: sources.reservations,
    runner: runners.mews,
    pageSize: 1000,
  });
  return (
    <VirtualListView
      list={list}
      label="Reservations"
      total={100_000}
      render={(r) =>
        `#${r.Number} · ${r.State} · ${r.StartUtc.slice(0, 10)} → ${r.EndUtc.slice(0, 10)} · ${r.AdultCount} ${r.AdultCount === 1 ? 'adult' : 'adults'}`
      }
    />
  );
}
