/**
 * The keys of a feed, shown above it and given as its description: every item is a Tab stop
 * (the WAI-ARIA feed pattern), so a keyboard user needs to know the way out of a long list.
 */
export function FeedKeys({ id }: { id: string }) {
  return (
    <p id={id} style={{ margin: '0 0 4px', color: '#555', fontSize: 12 }}>
      Page Down / Page Up: next / previous item · Ctrl+End: past the list · Ctrl+Home: before it
    </p>
  );
}
