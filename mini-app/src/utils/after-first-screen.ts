import { useEffect, useState } from "react";

/** Runs `work` once the page has loaded and the main thread is idle: after the first screen, not with it. */
export function afterFirstScreen(work: () => void): void {
  const idle = () =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(work, { timeout: 3_000 }) : setTimeout(work, 1_000);
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

/** False during the first screen, true once it has loaded and settled (afterFirstScreen). */
export function useAfterFirstScreen(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    let live = true;
    afterFirstScreen(() => live && setSettled(true));
    return () => {
      live = false;
    };
  }, []);
  return settled;
}
