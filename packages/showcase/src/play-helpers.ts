import { expect, userEvent, waitFor } from 'storybook/test';

/**
 * Records every text a status region shows, in order (consecutive repeats once): to check that a
 * change is announced once, after it landed, and nothing else is said.
 */
export function recordStatus(region: HTMLElement): { texts: string[]; stop(): void } {
  const texts: string[] = [];
  const take = () => {
    const text = region.textContent ?? '';
    if (text !== '' && texts[texts.length - 1] !== text) texts.push(text);
  };
  const observer = new MutationObserver(take);
  observer.observe(region, { childList: true, subtree: true, characterData: true });
  return { texts, stop: () => observer.disconnect() };
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails if it never gets there. */
export async function tabTo(target: HTMLElement, back = false) {
  for (let i = 0; i < 60 && document.activeElement !== target; i++)
    await userEvent.tab({ shift: back });
  await expect(document.activeElement).toBe(target);
}

/** Focus is on `target` (and so not on `<body>`). */
export async function expectFocus(target: HTMLElement | (() => HTMLElement), timeout = 3000) {
  await waitFor(
    () => {
      const element = typeof target === 'function' ? target() : target;
      expect(document.activeElement).not.toBe(document.body);
      expect(document.activeElement).toBe(element);
    },
    { timeout },
  );
}
