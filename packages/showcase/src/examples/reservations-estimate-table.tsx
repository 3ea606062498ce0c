import { estimateFromPosition, mewsGetAll, type RequestRunner, type Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/** Mews reservations created within one day: a cursor table that estimates its size. */
interface Reservation {
  Id: string;
  Number: string;
  State: string;
  CreatedUtc: string;
}
interface Created {
  created: { from: string; to: string };
}

// Newest first within the interval asked for: how far back a reservation was created says how
// far through the list it lies — 200 reservations reaching a quarter of the day make about 800.
const within = (r: Reservation, f: Created | undefined) =>
  f &&
  (Date.parse(f.created.to) - Date.parse(r.CreatedUtc)) /
    (Date.parse(f.created.to) - Date.parse(f.created.from));

export const reservations = mewsGetAll<Reservation, Created>({
  entity: 'reservations',
  operation: 'reservations/getAll/2023-06-06',
  items: 'Reservations',
  params: (f) => ({ CreatedUtc: { StartUtc: f.created.from, EndUtc: f.created.to } }),
  estimateTotal: estimateFromPosition(within),
});

export function ReservationsEstimateTable({
  day,
  source = reservations,
  runner,
}: {
  day: Created['created'];
  source?: Source<Reservation, Created>;
  runner?: RequestRunner;
}) {
  return (
    <DataTable
      source={source as Source<Reservation>}
      runner={runner}
      params={{ created: day }}
      pageSize={50}
      caption="Mews reservations created within a day"
      columns={[
        { header: 'Number', cell: (r) => r.Number },
        { header: 'State', cell: (r) => r.State },
        { header: 'Created (UTC)', cell: (r) => r.CreatedUtc },
      ]}
    />
  );
}
