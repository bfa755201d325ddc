import { useEffect, useState } from 'react';

/** Index into `count` items, advancing every `seconds` (0 = stays on the first). */
export function useRotation(count: number, seconds: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (seconds <= 0 || count <= 1) return;
    const t = setInterval(() => setIndex((i) => i + 1), seconds * 1000);
    return () => clearInterval(t);
  }, [count, seconds]);
  return count > 0 ? index % count : 0;
}
