/**
 * Opaque cursor tokens as vendors hand them out: standard base64 (with `+`, `/`, `=`) of a
 * payload and a checksum. A token that was altered — for instance a `+` sent unencoded and read
 * back as a space — fails the checksum and is rejected, as a real server would.
 */
function checksum(text: string): number {
  let h = 0x9e3779b1;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
  return h >>> 0;
}

export function encodeToken(payload: string): string {
  const sum = checksum(payload);
  const bytes = new TextEncoder().encode(payload);
  const all = new Uint8Array(bytes.length + 6);
  // Two salt bytes derived from the checksum make `+` and `/` frequent in the output.
  all[0] = 0xfb ^ (sum & 0xff);
  all[1] = 0xff ^ ((sum >>> 8) & 0xff);
  all.set(bytes, 2);
  new DataView(all.buffer).setUint32(bytes.length + 2, sum);
  let binary = '';
  for (const b of all) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeToken(token: string): string | undefined {
  let binary: string;
  try {
    binary = atob(token);
  } catch {
    return undefined;
  }
  if (binary.length < 6) return undefined;
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  const payload = new TextDecoder().decode(bytes.subarray(2, bytes.length - 4));
  const sum = new DataView(bytes.buffer).getUint32(bytes.length - 4);
  if (sum !== checksum(payload)) return undefined;
  if (bytes[0] !== (0xfb ^ (sum & 0xff)) || bytes[1] !== (0xff ^ ((sum >>> 8) & 0xff)))
    return undefined;
  return payload;
}
