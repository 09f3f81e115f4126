/**
 * Runs `work` with the focused control disabled meanwhile, then gives focus back: to the same control if it is
 * still on the page and usable, else to `fallback` (a control nearby), so keyboard users keep their place.
 */
export async function keepingFocus<T>(work: () => Promise<T>, fallback?: () => HTMLElement | null) {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  try {
    return await work();
  } finally {
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const usable = (el: HTMLElement | null | undefined) =>
        el?.isConnected && !(el as HTMLButtonElement).disabled ? el : null;
      const target = usable(before) ?? usable(fallback?.());
      target?.focus();
    });
  }
}
