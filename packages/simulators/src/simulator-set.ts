import type { Simulator } from './simulator.js';
import type { VendorName } from './types.js';
import { createDashlySimulator, type DashlySimulatorOptions } from './vendors/dashly.js';
import { createDingTalkSimulator, type DingTalkSimulatorOptions } from './vendors/dingtalk.js';
import { createGenericSimulator, type GenericSimulatorOptions } from './vendors/generic.js';
import { createLineWorksSimulator, type LineWorksSimulatorOptions } from './vendors/lineworks.js';
import { createMewsSimulator, type MewsSimulatorOptions } from './vendors/mews.js';

/** Where each vendor lives on the real internet: MSW intercepts these origins. */
export const VENDOR_BASE_URLS: Record<VendorName, string> = {
  dingtalk: 'https://api.dingtalk.com',
  lineworks: 'https://www.worksapis.com',
  dashly: 'https://api.dashly.app',
  mews: 'https://api.mews-demo.com',
  generic: 'https://api.example.com',
};

export const VENDORS: readonly VendorName[] = [
  'dingtalk',
  'lineworks',
  'dashly',
  'mews',
  'generic',
];

export interface SimulatorSetOptions {
  /** @defaultValue each option's own default */
  dingtalk?: DingTalkSimulatorOptions;
  /** @defaultValue each option's own default */
  lineworks?: LineWorksSimulatorOptions;
  /** @defaultValue each option's own default */
  dashly?: DashlySimulatorOptions;
  /** @defaultValue each option's own default */
  mews?: MewsSimulatorOptions;
  /** @defaultValue each option's own default */
  generic?: GenericSimulatorOptions;
}

export type SimulatorSet = Record<VendorName, Simulator>;

/** All four vendors and the generic API, each with its own options. */
export function createSimulators(options: SimulatorSetOptions = {}): SimulatorSet {
  return {
    dingtalk: createDingTalkSimulator(options.dingtalk),
    lineworks: createLineWorksSimulator(options.lineworks),
    dashly: createDashlySimulator(options.dashly),
    mews: createMewsSimulator(options.mews),
    generic: createGenericSimulator(options.generic),
  };
}

/**
 * `{ base URL: simulator }` for every simulator of a set, as the transports take them. Each
 * vendor sits at its real base URL unless `baseUrls` names another (several sets side by side in
 * one MSW worker, each at its own origins: the stories of a docs page).
 */
export function simulatorRoutes(
  set: SimulatorSet,
  baseUrls: Partial<Record<VendorName, string>> = {},
): Record<string, Simulator> {
  return Object.fromEntries(VENDORS.map((v) => [baseUrls[v] ?? VENDOR_BASE_URLS[v], set[v]]));
}
