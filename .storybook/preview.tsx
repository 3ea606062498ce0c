import type { Preview } from '@storybook/react-vite';
import { type SetupWorker, setupWorker } from 'msw/browser';
import './preview.css';

let worker: Promise<SetupWorker> | undefined;

const preview: Preview = {
  // The simulators answer through MSW's service worker, started once. Each story serves its own
  // simulators at origins of their own (see packages/showcase/src/story-vendors.ts); handlers are
  // never reset here, because a docs page renders every story of a file in one document, side by
  // side, each answered by its own simulators.
  loaders: [
    async (context) => {
      worker ??= (async () => {
        const w = setupWorker();
        // The worker's URL is relative to the page: Storybook served under a path (the docs
        // site's /storybook/) registers /storybook/mockServiceWorker.js, at its root /…js.
        await w.start({
          onUnhandledRequest: 'bypass',
          quiet: true,
          serviceWorker: { url: './mockServiceWorker.js' },
        });
        return w;
      })();
      (context as { msw?: SetupWorker }).msw = await worker;
      return {};
    },
  ],
  parameters: {
    layout: 'padded',
    // addon-a11y runs axe on every story; a violation fails the story's test.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};
export default preview;
