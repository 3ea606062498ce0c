import { type MouseEvent, useEffect, useRef, useSyncExternalStore } from 'react';
import { FaultPanel } from './fault-panel.js';
import { Inspector } from './inspector.js';
import { AdjustmentsPage } from './pages/adjustments-page.js';
import { ChatPage } from './pages/chat-page.js';
import { ClassesPage } from './pages/classes-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { ReservationsPage } from './pages/reservations-page.js';
import { UsersPage } from './pages/users-page.js';
import { WeekReservationsPage } from './pages/week-reservations-page.js';
import { ROUTES } from './routes.js';

const PAGES = {
  orders: OrdersPage,
  adjustments: AdjustmentsPage,
  classes: ClassesPage,
  users: UsersPage,
  chat: ChatPage,
  reservations: ReservationsPage,
  'week-reservations': WeekReservationsPage,
};

/** The page a hash names (`#/orders`); no hash, or an unknown one, opens the first page listed. */
const pathOf = (hash: string) => {
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  return ROUTES.some((r) => r.path === path) ? (path as string) : ROUTES[0]!.path;
};

/**
 * Each page keeps its own table state in the query (`?page=5#/adjustments`): a link to another
 * page carries that page's last query, not this one's, so one table's page, sort or filter never
 * opens another. State written after the hash (`#/adjustments?page=7`) is moved before it.
 */
const queries = new Map<string, string>();
const ROUTE_CHANGED = 'demo-route-changed';

function moveHashQuery() {
  const { pathname, hash } = window.location;
  const at = hash.indexOf('?');
  if (at < 0) return;
  // The state after the hash is the page's whole state: it replaces the query, never merges.
  const text = hash.slice(at + 1);
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${text ? `?${text}` : ''}${hash.slice(0, at)}`,
  );
}

/** The query of the page the URL names, as it is now. */
const rememberQuery = () => queries.set(pathOf(window.location.hash), window.location.search);

const hrefOf = (path: string) => `${window.location.pathname}${queries.get(path) ?? ''}#/${path}`;

function go(event: MouseEvent<HTMLAnchorElement>, path: string) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  if (pathOf(window.location.hash) === path) return;
  rememberQuery();
  window.history.pushState(null, '', hrefOf(path));
  window.dispatchEvent(new Event(ROUTE_CHANGED));
}

function useHashRoute(): string {
  return useSyncExternalStore(
    (onChange) => {
      const changed = () => {
        moveHashQuery();
        rememberQuery(); // the page Back or Forward landed on, as that entry has it
        onChange();
      };
      const events = ['hashchange', 'popstate', ROUTE_CHANGED];
      for (const e of events) window.addEventListener(e, changed);
      return () => {
        for (const e of events) window.removeEventListener(e, changed);
      };
    },
    () => pathOf(window.location.hash),
  );
}

moveHashQuery();

export function App() {
  const path = useHashRoute();
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
  const Page = PAGES[route.path as keyof typeof PAGES];
  // The window's title names the page (browser history, tabs and screen readers read it).
  useEffect(() => {
    document.title = `${route.title} · Pagewise demo`;
  }, [route.title]);
  // Another page opened (a link, Back, Forward): focus goes to its heading, so a keyboard user
  // starts there and a screen reader says which page it is. Not on the first load.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(route.path);
  useEffect(() => {
    if (shown.current !== route.path) heading.current?.focus();
    shown.current = route.path;
  }, [route.path]);
  return (
    <div className="demo" style={{ fontFamily: 'system-ui, sans-serif', color: '#1a1a1a' }}>
      <style>
        {
          '.skip { position: absolute; left: -10000px; } .skip:focus { left: 8px; top: 8px; background: #fff; color: #12263f; padding: 8px; z-index: 10; }'
        }
      </style>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link; the hash names the page here, so a click focuses the heading itself */}
      <a
        className="skip"
        // The heading's id for what reads the link; a click focuses it without touching the
        // hash, which names the page here.
        href="#page-heading"
        onClick={(event) => {
          event.preventDefault();
          heading.current?.focus();
        }}
      >
        Skip to {route.title}
      </a>
      <header style={{ background: '#12263f', color: '#fff', padding: 16 }}>
        <h1 style={{ fontSize: 20, margin: '0 0 16px' }}>Pagewise demo</h1>
        <nav aria-label="Demo pages">
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {ROUTES.map((r) => (
              <li key={r.path} style={{ marginBottom: 10 }}>
                <a
                  href={hrefOf(r.path)}
                  onClick={(event) => go(event, r.path)}
                  aria-current={r.path === route.path ? 'page' : undefined}
                  style={{ color: '#fff', fontWeight: r.path === route.path ? 700 : 400 }}
                >
                  {r.title}
                </a>
                <br />
                <small style={{ color: '#c9d6e8' }}>{r.mode}</small>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main style={{ padding: 16 }}>
        <h2 id="page-heading" ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
          {route.title}
        </h2>
        <p style={{ color: '#444' }}>{route.mode}</p>
        <Page key={route.path} />
      </main>
      <aside aria-label="Inspector and faults" style={{ padding: 16, background: '#fafafa' }}>
        <FaultPanel key={route.vendor} vendor={route.vendor} />
        <Inspector vendor={route.vendor} />
      </aside>
    </div>
  );
}
