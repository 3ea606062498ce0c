/** Names that hold a credential wherever they appear in a name. */
const SECRET_PART =
  /token|secret|passw|passphrase|authori[sz]ation|cookie|signature|credential|session|sessid|private|bearer|assertion|jwt/i;
/** Short names that hold a credential when they are a whole word of a name (`x-auth`, `apiKey`, `sig`). */
const SECRET_WORD = /^(key|keys|apikey|apikeys|sig|sign|sid|auth|code|pwd|pass)$/i;
/** Pagination tokens are positions, not credentials: they stay visible. */
const POSITION_NAME = /^(next_?token|sync_?token|page_?token|continuation_?token)$/i;

/**
 * Whether a header, query parameter, body field or option of this name carries a credential:
 * the one name policy of the error redaction and of the cache keys.
 */
export function isSecretName(name: string): boolean {
  if (POSITION_NAME.test(name)) return false;
  if (SECRET_PART.test(name)) return true;
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[-_.\s]+/)
    .some((word) => SECRET_WORD.test(word));
}
