/** A request as the simulators see it: transport-neutral, so one implementation serves all transports. */
export interface SimRequest {
  method: string;
  /** Absolute URL or path with query, exactly as sent (the query stays percent-encoded). */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Raw body text, if any. */
  body?: string;
}

/** A response from a simulator. Transports wait `delayMs` before answering (injected latency). */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs: number;
  /** When set, transports send the body `dripBytes` (default 1) every `dripMs` (a server that drips its answer). */
  dripMs?: number;
  dripBytes?: number;
}

export type VendorName = 'dingtalk' | 'lineworks' | 'dashly' | 'mews' | 'generic';
