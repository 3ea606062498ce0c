import {
  createRequestRunner,
  dingtalkTokenProvider,
  lineworksTokenProvider,
  type RequestRunner,
  type RequestRunnerOptions,
  staticToken,
  type TokenProvider,
} from '@pagewise/core';
import {
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  LINEWORKS_CREDENTIALS,
  type VendorName,
} from '@pagewise/simulators';

export type VendorRunners<V extends VendorName = VendorName> = Record<V, RequestRunner>;

/**
 * A request runner per vendor given a base URL, as a server-side job sets them up: DingTalk and
 * LINE WORKS access tokens from their token endpoints, the Dashly auth token, Mews credentials
 * in the request body (see `vendorSources`). The credentials are the simulators' demo ones.
 */
export function vendorRunners<V extends VendorName>(
  baseUrls: Record<V, string>,
  common: Partial<RequestRunnerOptions> = {},
): VendorRunners<V> {
  const fetch = common.fetch ? { fetch: common.fetch } : {};
  const tokens: Partial<Record<VendorName, (baseUrl: string) => TokenProvider>> = {
    dingtalk: (baseUrl) => dingtalkTokenProvider({ ...DINGTALK_CREDENTIALS, baseUrl, ...fetch }),
    lineworks: (baseUrl) =>
      lineworksTokenProvider({
        tokenUrl: `${baseUrl.replace(/\/$/, '')}/oauth2/v2.0/token`,
        ...LINEWORKS_CREDENTIALS,
        ...fetch,
      }),
    dashly: () => staticToken(DASHLY_CREDENTIALS.authToken),
  };
  const entries = (Object.entries(baseUrls) as Array<[V, string]>).map(([vendor, baseUrl]) => {
    const token = tokens[vendor]?.(baseUrl);
    return [vendor, createRequestRunner({ ...common, ...(token ? { token } : {}), baseUrl })];
  });
  return Object.fromEntries(entries) as VendorRunners<V>;
}
