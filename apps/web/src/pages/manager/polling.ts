import { useEffect } from 'react';

/** How often pages re-read running jobs; tests shorten it. */
export const pollSettings = { intervalMs: 1000 };

/** Calls `refresh` every pollSettings.intervalMs while `active`, and stops when it is not. */
export function usePolling(active: boolean, refresh: () => void): void {
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(refresh, pollSettings.intervalMs);
    return () => clearInterval(timer);
  }, [active, refresh]);
}
