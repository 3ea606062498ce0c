import type { Simulator } from './simulator.js';

export interface CallResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: T;
}

/**
 * Calls a simulator's pure handler with a JSON body and reads the JSON answer (plain
 * `JSON.parse`: Dashly ids come back rounded, as they would in any naive client).
 */
export function call<T = Record<string, unknown>>(
  sim: Simulator,
  method: string,
  url: string,
  init: { headers?: Record<string, string>; body?: unknown } = {},
): CallResult<T> {
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === 'string'
        ? init.body
        : JSON.stringify(init.body);
  const answer = sim.handle({ method, url, headers: init.headers ?? {}, body });
  let json: unknown;
  try {
    json = answer.body ? JSON.parse(answer.body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: answer.status, headers: answer.headers, text: answer.body, json: json as T };
}
