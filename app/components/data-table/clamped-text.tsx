// Long text in a table cell (a claim's statement): two or three lines, then "Show all". The
// toggle is a <details>, so it works without JavaScript: CSS lifts the clamp while it is open
// (.clamp:has(> details[open])). With JavaScript the toggle shows only when the text is really
// cut short; without it, when the text is long enough that it probably is.
import { useEffect, useRef, useState } from "react";

/** Past this many characters a statement probably needs more than the clamped lines. */
export const CLAMP_LIKELY_AFTER = 90;

export function ClampedText({ text, label = "text" }: { text: string; label?: string }) {
  const textRef = useRef<HTMLParagraphElement>(null);
  const toggleRef = useRef<HTMLDetailsElement>(null);
  const [cutShort, setCutShort] = useState(text.length > CLAMP_LIKELY_AFTER);

  useEffect(() => {
    const element = textRef.current;
    if (!element) return;
    // Measured only while clamped: an open toggle shows everything, and must stay to close it.
    const measure = () => {
      if (toggleRef.current?.open) return;
      setCutShort(element.scrollHeight > element.clientHeight + 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text]);

  return (
    <div className="clamp">
      <p className="clamp-text" ref={textRef}>
        {text}
      </p>
      {cutShort ? (
        <details className="clamp-toggle" ref={toggleRef}>
          <summary>
            <span className="clamp-more">Show all</span>
            <span className="clamp-less">Show less</span>
            <span className="visually-hidden"> of the {label}</span>
          </summary>
        </details>
      ) : null}
    </div>
  );
}
