import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const PREFIX = 'mentorlink.draft.';

/**
 * Form state kept in sessionStorage as the user types, so nothing typed is lost when a save
 * fails, the session expires (log in again: the draft is back) or the tab reloads. `clear()` on
 * success. Drafts stay in this tab and go on logout (clearDrafts).
 */
export function useDraft<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey);
      return stored === null ? initial : { ...initial, ...(JSON.parse(stored) as T) };
    } catch {
      return initial;
    }
  });
  const empty = JSON.stringify(initial);
  useEffect(() => {
    try {
      const json = JSON.stringify(value);
      // An untouched (or cleared) form leaves nothing behind.
      if (json === empty) sessionStorage.removeItem(storageKey);
      else sessionStorage.setItem(storageKey, json);
    } catch {
      // Storage full or disabled: the form still works, only without the safety net.
    }
  }, [storageKey, value, empty]);
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
    // `initial` is a fresh literal on every render; the key identifies the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  return [value, setValue, clear];
}

/** Forgets one draft (after the form it belongs to was saved elsewhere, e.g. by its page). */
export function discardDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

/** Forgets every draft (on logout: the next person at this computer must not see them). */
export function clearDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}
