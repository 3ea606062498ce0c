import type { LiveEnvironment } from '../infinite-list/live-edge.js';

/** A clock the test advances, and a visibility it sets. */
export function fakeLiveEnvironment() {
  const ticks: Array<() => void> = [];
  const wakes: Array<() => void> = [];
  const env = {
    visible: true,
    every: (_ms: number, tick: () => void) => {
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
    active: () => env.visible,
    onWake: (wake: () => void) => {
      wakes.push(wake);
      return () => wakes.splice(wakes.indexOf(wake), 1);
    },
    tick: () => {
      for (const t of [...ticks]) t();
    },
    wake: () => {
      for (const w of [...wakes]) w();
    },
    running: () => ticks.length + wakes.length,
    /** Clocks running now. */
    ticking: () => ticks.length,
  };
  return env satisfies LiveEnvironment;
}
