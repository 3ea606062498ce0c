'use client';
import { useState } from 'react';

/**
 * A live region's text that is read every time it is set, even to the same sentence twice
 * ("20 more items" after "20 more items"): a repeat alternates an invisible trailing no-break
 * space, so the text changes and assistive technology reads it again.
 */
export function useAnnouncement(): [string, (sentence: string) => void] {
  const [text, setText] = useState('');
  // Cleared twice is cleared: no space to alternate (an empty region is read as nothing).
  const announce = (sentence: string) =>
    setText((old) => (old === sentence && sentence ? `${sentence}\u00a0` : sentence));
  return [text, announce];
}
