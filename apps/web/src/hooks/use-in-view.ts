import { useEffect, useLayoutEffect, useRef, useState } from 'react';

type Callback = (inView: boolean) => void;

/**
 * One IntersectionObserver per root margin for the whole page: 500 tiles each with an observer of
 * their own cost more than the work they save.
 */
const observers = new Map<
  string,
  { io: IntersectionObserver; callbacks: Map<Element, Callback> }
>();

function observe(el: Element, rootMargin: string, cb: Callback): () => void {
  let entry = observers.get(rootMargin);
  if (!entry) {
    const callbacks = new Map<Element, Callback>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
      },
      { rootMargin },
    );
    entry = { io, callbacks };
    observers.set(rootMargin, entry);
  }
  entry.callbacks.set(el, cb);
  entry.io.observe(el);
  const own = entry;
  return () => {
    own.io.unobserve(el);
    own.callbacks.delete(el);
    if (own.callbacks.size === 0) {
      own.io.disconnect();
      observers.delete(rootMargin);
    }
  };
}

/**
 * True while the element is near the viewport: heavy parts of off-screen tiles (their figures,
 * charts and history requests) wait until someone can see them.
 */
export function useInView<T extends Element>(
  rootMargin = '200px',
): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  // The observer reports after the first paint; an element already on screen is known before
  // it, so the first screen never flashes placeholders.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const m = parseFloat(rootMargin) || 0;
    const r = el.getBoundingClientRect();
    if (r.bottom >= -m && r.top <= innerHeight + m && r.right >= -m && r.left <= innerWidth + m)
      setInView(true);
  }, [rootMargin]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    return observe(el, rootMargin, setInView);
  }, [rootMargin]);
  return [ref, inView];
}
