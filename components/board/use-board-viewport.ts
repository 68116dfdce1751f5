"use client";
// The board scrolls inside its own area, sized to the rest of the viewport: the horizontal
// scrollbar stays in view however tall the columns are, and the column headers can stick to the
// top while the cards scroll. The app shell lets pages grow, so the height is measured here.
import { useLayoutEffect, useRef } from "react";

/** Smallest height worth scrolling in; below it the page scrolls instead. */
const MIN_HEIGHT_PX = 320;

export function useBoardViewport<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(MIN_HEIGHT_PX, window.innerHeight - top)}px`;
    };
    fit();
    // Whatever moves the board's top (a wrapping toolbar, a banner) resizes the document's body.
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    window.addEventListener("resize", fit);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", fit);
    };
  }, []);
  return ref;
}
