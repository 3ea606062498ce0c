import type { ReactNode } from 'react';
import { Providers } from './providers';

export const metadata = { title: 'Pagewise with Next.js', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <a href="/">Customers (table)</a> · <a href="/feed">Reservations (infinite list)</a>
        </nav>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
