import 'server-only';

/**
 * Mews credentials and the API's address, from the server's environment only (`server-only`
 * makes importing this file from a client component a build error).
 */
export function mewsEnvironment() {
  const { MEWS_URL, MEWS_CLIENT_TOKEN, MEWS_ACCESS_TOKEN } = process.env;
  if (!MEWS_URL || !MEWS_CLIENT_TOKEN || !MEWS_ACCESS_TOKEN)
    throw new Error(
      'Set MEWS_URL, MEWS_CLIENT_TOKEN and MEWS_ACCESS_TOKEN (`pnpm dev` sets them for the simulator)',
    );
  return {
    baseUrl: MEWS_URL,
    credentials: { clientToken: MEWS_CLIENT_TOKEN, accessToken: MEWS_ACCESS_TOKEN },
  };
}
