import { dingtalkTokenProvider, lineworksTokenProvider, type TokenProvider } from '@pagewise/core';
import { dingtalkAuth } from '@pagewise/core/define';
import {
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
  type VendorName,
} from '@pagewise/simulators';
import { readAnswer } from './read-answer.js';

/**
 * The app's backend side of the vendors: the browser calls `/api/<vendor>/<vendor path>` without
 * any credential; this proxy adds them (DingTalk and LINE WORKS access tokens, Mews ClientToken
 * and AccessToken, the Dashly auth token) and forwards to the vendor — the simulators by default,
 * the real vendor when its credentials are in the environment. Secrets never reach the browser.
 */
export interface VendorTarget {
  baseUrl: string;
  fetch: typeof fetch;
  /** True when talking to the real vendor (credentials from the environment). */
  live: boolean;
}

interface Credentials {
  dingtalk: { appKey: string; appSecret: string };
  lineworks: { clientId: string; clientSecret: string; tokenUrl?: string; scope?: string };
  dashly: { authToken: string };
  mews: { clientToken: string; accessToken: string; client: string };
}

/** Credentials from the environment, or the simulators' demo credentials. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): {
  credentials: Credentials;
  live: Record<VendorName, boolean>;
} {
  const live = {
    dingtalk: !!(env.DINGTALK_APP_KEY && env.DINGTALK_APP_SECRET),
    lineworks: !!(env.LINEWORKS_CLIENT_ID && env.LINEWORKS_CLIENT_SECRET),
    dashly: !!env.DASHLY_AUTH_TOKEN,
    mews: !!(env.MEWS_CLIENT_TOKEN && env.MEWS_ACCESS_TOKEN),
    generic: false,
  };
  return {
    live,
    credentials: {
      dingtalk: live.dingtalk
        ? { appKey: env.DINGTALK_APP_KEY!, appSecret: env.DINGTALK_APP_SECRET! }
        : { ...DINGTALK_CREDENTIALS },
      lineworks: live.lineworks
        ? {
            clientId: env.LINEWORKS_CLIENT_ID!,
            clientSecret: env.LINEWORKS_CLIENT_SECRET!,
            tokenUrl: env.LINEWORKS_TOKEN_URL,
            scope: env.LINEWORKS_SCOPE,
          }
        : { ...LINEWORKS_CREDENTIALS },
      dashly: { authToken: live.dashly ? env.DASHLY_AUTH_TOKEN! : DASHLY_CREDENTIALS.authToken },
      mews: live.mews
        ? {
            clientToken: env.MEWS_CLIENT_TOKEN!,
            accessToken: env.MEWS_ACCESS_TOKEN!,
            client: env.MEWS_CLIENT ?? 'Pagewise demo 0.1.0',
          }
        : {
            clientToken: MEWS_CREDENTIALS.clientToken,
            accessToken: MEWS_CREDENTIALS.accessToken,
            client: 'Pagewise demo 0.1.0',
          },
    },
  };
}

export interface ProxyRequest {
  method: string;
  /** The vendor path and query, after `/api/<vendor>`. */
  path: string;
  body?: string;
}

export type VendorProxy = (vendor: VendorName, request: ProxyRequest) => Promise<Response>;

export function createVendorProxy(
  targets: Record<'dingtalk' | 'lineworks' | 'dashly' | 'mews' | 'generic', VendorTarget>,
  credentials: Credentials,
): VendorProxy {
  const tokens: Partial<Record<'dingtalk' | 'lineworks', TokenProvider>> = {
    dingtalk: dingtalkTokenProvider({
      ...credentials.dingtalk,
      baseUrl: targets.dingtalk.baseUrl,
      fetch: targets.dingtalk.fetch,
    }),
    lineworks: lineworksTokenProvider({
      tokenUrl: credentials.lineworks.tokenUrl ?? `${targets.lineworks.baseUrl}/oauth2/v2.0/token`,
      clientId: credentials.lineworks.clientId,
      clientSecret: credentials.lineworks.clientSecret,
      scope: credentials.lineworks.scope,
      fetch: targets.lineworks.fetch,
    }),
  };

  const send = async (
    vendor: keyof typeof targets,
    request: ProxyRequest,
    token?: string,
  ): Promise<Response> => {
    const target = targets[vendor];
    const url = new URL(target.baseUrl.replace(/\/$/, '') + request.path);
    const headers: Record<string, string> = { accept: 'application/json' };
    let body = request.body;
    if (vendor === 'dingtalk' && token) headers['x-acs-dingtalk-access-token'] = token;
    if (vendor === 'lineworks' && token) headers.authorization = `Bearer ${token}`;
    if (vendor === 'dashly') headers.authorization = `Token ${credentials.dashly.authToken}`;
    if (vendor === 'mews' && body !== undefined) {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body || '{}') as Record<string, unknown>;
      } catch {
        throw new Error('the body is not JSON');
      }
      body = JSON.stringify({
        ...parsed,
        ClientToken: credentials.mews.clientToken,
        AccessToken: credentials.mews.accessToken,
        Client: credentials.mews.client,
      });
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    // A redirect is never followed: it would carry the credentials to wherever it points.
    const answer = await target.fetch(url, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000), // a vendor that never answers does not hold the page
    });
    if (answer.type === 'opaqueredirect' || (answer.status >= 300 && answer.status < 400))
      throw new Error(
        `the vendor answered a redirect (HTTP ${answer.status}); the proxy does not follow it`,
      );
    const read = await readAnswer(answer);
    if (read.status === 204 || read.status === 205) return read;
    // A vendor's message may echo what it was sent: no credential reaches the browser.
    const secrets = [
      token,
      credentials.dashly.authToken,
      credentials.mews.clientToken,
      credentials.mews.accessToken,
    ];
    let text = await read.text();
    for (const secret of secrets) if (secret) text = text.replaceAll(secret, '[redacted]');
    return new Response(text, { status: read.status, headers: read.headers });
  };

  return async (vendor, request) => {
    const provider = tokens[vendor as 'dingtalk' | 'lineworks'];
    const token = provider ? await provider.get() : undefined;
    const first = await send(vendor, request, token);
    if (!provider) return first;
    // A token the vendor refuses (DingTalk 40001/40014, LINE WORKS 401): refresh once and retry.
    const text = await first.clone().text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const refused =
      vendor === 'dingtalk'
        ? dingtalkAuth.isTokenError(first.status, parsed)
        : first.status === 401;
    if (!refused) return first;
    provider.invalidate(token);
    return send(vendor, request, await provider.get());
  };
}
