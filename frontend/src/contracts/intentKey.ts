/**
 * One Idempotency-Key per user intent: the same key for every send of one form (a double click,
 * a retry after a network error), a new one once the server has answered — success or a refusal
 * the user must change the form for — or the form's content changes.
 */
import { useCallback, useRef } from "react";

import { newIdempotencyKey } from "../api/idempotency";

/**
 * The key for `fingerprint` (what is being sent): kept while the fingerprint stays the same and
 * `renew()` has not been called, so resending the same request reuses it.
 */
export class IntentKey {
  private key: string | null = null;
  private fingerprint: string | null = null;

  constructor(private readonly make: () => string = newIdempotencyKey) {}

  for(fingerprint: string): string {
    if (this.key === null || this.fingerprint !== fingerprint) {
      this.key = this.make();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  /** The intent is settled (the server answered): the next send is a new intent. */
  renew(): void {
    this.key = null;
    this.fingerprint = null;
  }
}

export function useIntentKey(): { keyFor: (fingerprint: string) => string; renew: () => void } {
  const ref = useRef<IntentKey | null>(null);
  if (ref.current === null) ref.current = new IntentKey();
  const keyFor = useCallback((fingerprint: string) => (ref.current as IntentKey).for(fingerprint), []);
  const renew = useCallback(() => (ref.current as IntentKey).renew(), []);
  return { keyFor, renew };
}
