import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up on its own only with test globals; this project imports from vitest.
afterEach(() => {
  cleanup();
});
