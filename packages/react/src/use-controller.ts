'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';

/** What every controller of the kit is to a binding. */
export interface Controller<S, O> {
  getState(): S;
  subscribe(listener: () => void): () => void;
  setOptions(options: O): void;
}

/**
 * The one binding under the kit's controller hooks: the controller is created once (again when
 * its `owner` changes — another QueryClient), its state read with `useSyncExternalStore`, and
 * the options of each render pushed to it in an effect (the controller compares them: what did
 * not change does nothing).
 */
// biome-ignore lint/suspicious/noExplicitAny: any controller: its state and options types are read from it
export function useController<C extends Controller<unknown, any>>(
  create: () => C,
  options: Parameters<C['setOptions']>[0],
  owner: unknown,
): [ReturnType<C['getState']>, C] {
  const [made, setMade] = useState(() => ({ owner, controller: create() }));
  let { controller } = made;
  if (made.owner !== owner) {
    const fresh = { owner, controller: create() };
    setMade(fresh);
    controller = fresh.controller;
  }
  useEffect(() => controller.setOptions(options));
  const state = useSyncExternalStore(
    controller.subscribe,
    controller.getState,
    controller.getState,
  );
  return [state as ReturnType<C['getState']>, controller];
}
