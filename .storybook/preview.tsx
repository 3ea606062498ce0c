import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

const preview: Preview = {
  // The simulators answer at the vendors' own URLs through MSW's service worker; each story adds
  // its own simulators in `beforeEach` (see story-support/story-vendors.ts).
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
      return worker;
    }),
  ],
  parameters: {
    layout: 'padded',
  },
  tags: ['autodocs'],
};
export default preview;
