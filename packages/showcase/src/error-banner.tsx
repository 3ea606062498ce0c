import type { PaginationError } from '@pagewise/core';

/** Shows a PaginationError's code and reason, with a retry that keeps what is on screen. */
export function ErrorBanner({
  error,
  onRetry,
}: {
  error: PaginationError | null;
  onRetry(): void;
}) {
  if (!error) return null;
  return (
    <div
      role="alert"
      style={{
        marginTop: 8,
        padding: 8,
        border: '1px solid #b00',
        color: '#700',
        background: '#fee',
      }}
    >
      <strong>{error.code}</strong> {error.reason}{' '}
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
