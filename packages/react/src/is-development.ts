/** Whether warnings for developers are shown: not in a production build (and yes where `process` is unknown). */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}
