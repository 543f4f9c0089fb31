import { useEffect, useState, type RefObject } from "react";

/**
 * Whether the element is wider than its box (it scrolls sideways), kept up to date as the
 * window or the content changes. Before JavaScript runs the answer is `initial`: the server
 * cannot measure, so a table's scroller starts keyboard-focusable and stops being a Tab stop
 * once the browser finds it has nothing to scroll.
 */
export function useHorizontalOverflow(ref: RefObject<HTMLElement | null>, initial = true): boolean {
  const [overflows, setOverflows] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const content = element.firstElementChild;
    if (content) observer.observe(content);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
