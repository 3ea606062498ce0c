const ERROR_FIELDS = [
  'message',
  'errmsg',
  'description',
  'Message',
  'error_message',
  'error_description',
  'error',
];

/** The message of a vendor error body, whatever its shape (scrubbed and shortened by the runner). */
export function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const f of ERROR_FIELDS)
    if (typeof record[f] === 'string' && record[f]) return record[f] as string;
  // Nested, as Dashly's `meta` and Stripe's `error: { message }` hold it.
  for (const f of ['meta', 'error'])
    if (record[f] && typeof record[f] === 'object') return vendorMessage(record[f]);
  return undefined;
}

/** The message of whatever was thrown. */
export const messageOf = (cause: unknown): string => String((cause as Error)?.message ?? cause);
