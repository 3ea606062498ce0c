/**
 * How every browser test and benchmark launches Chromium: Debian's build (never a downloaded
 * one; `CHROMIUM_PATH` to point elsewhere), with flags that work on a machine without network.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
