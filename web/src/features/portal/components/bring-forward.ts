import { useEffect } from "react";

/**
 * Scrolls the element of ``elementId`` into view and focuses the first control inside it that ``selector``
 * names: the emails link to one record on the page (a job to review, an estimate to decide, an invoice).
 */
export function useBringForward(elementId: string | null, selector = "button, a, input") {
  useEffect(() => {
    if (!elementId) return;
    const place = document.getElementById(elementId);
    place?.scrollIntoView({ block: "center" });
    place?.querySelector<HTMLElement>(selector)?.focus();
  }, [elementId, selector]);
}
