import { useRef, useState } from "react";
import { type ApiFailure, toApiFailure } from "../services/api";

/** 32 random characters from [0-9a-f]: one per submission attempt, reused when that attempt is retried. */
function newIdempotencyKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Filing a dossier from a form (online or at the counter). `file(body, send)` marks the form
 * attempted; with no `body` (something is missing) it focuses `summaryRef` ("Còn thiếu"), else
 * it sends `body` with an Idempotency-Key: a retry of the same body reuses the previous
 * attempt's key, so the dossier is created at most once. A failure is kept in `failure`.
 */
export function useFiling() {
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const summaryRef = useRef<HTMLElement>(null);

  const file = async <B>(body: B | null, send: (body: B, idempotencyKey: string) => Promise<void>) => {
    setAttempted(true);
    setFailure(null);
    if (body === null) {
      summaryRef.current?.focus();
      return;
    }
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setSubmitting(true);
    try {
      await send(body, attempt.current.key);
    } catch (e) {
      setFailure(toApiFailure(e));
      setSubmitting(false);
    }
  };

  return { attempted, submitting, failure, setFailure, summaryRef, file };
}
