import type { PaginationError } from '@pagewise/core';
import { useLayoutEffect, useRef } from 'react';

/**
 * Shows a PaginationError's code and reason, with a retry that keeps what is on screen. When the
 * error goes away while its Retry button has focus, focus moves to `focusAfter()` instead of
 * falling to the page.
 */
export function ErrorBanner({
  error,
  onRetry,
  focusAfter,
}: {
  error: PaginationError | null;
  onRetry(): void;
  focusAfter?: () => HTMLElement | null | undefined;
}) {
  if (!error) return null;
  return <Banner error={error} onRetry={onRetry} focusAfter={focusAfter} />;
}

function Banner({
  error,
  onRetry,
  focusAfter,
}: {
  error: PaginationError;
  onRetry(): void;
  focusAfter?: (() => HTMLElement | null | undefined) | undefined;
}) {
  const box = useRef<HTMLDivElement>(null);
  const after = useRef(focusAfter);
  after.current = focusAfter;
  useLayoutEffect(() => {
    const element = box.current;
    return () => {
      // Still in the document here: if focus is inside, hand it on once the banner is gone.
      if (element?.contains(document.activeElement))
        queueMicrotask(() => after.current?.()?.focus());
    };
  }, []);
  return (
    <div
      ref={box}
      role="alert"
      style={{
        marginTop: 8,
        padding: 8,
        border: '1px solid #b00',
        color: '#700',
        background: '#fee',
      }}
    >
      Could not load: {error.reason} ({error.code}){' '}
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
