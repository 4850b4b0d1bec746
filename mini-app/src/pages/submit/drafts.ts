import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftBody } from "../../../../shared/src/dossier/api";
import { errorMessage } from "../../services/api";
import { draftApi } from "../../services/authed-api";

const AUTOSAVE_DELAY_MS = 1000;

export type DraftStatus = { savedAt: string | null; saving: boolean; error: string | null };

/**
 * Autosaves the dossier being filled to the server, about a second after the last change.
 * Saves run one after another, so an older draft never overwrites a newer one; a change
 * still waiting when the page closes is saved then.
 */
export function useDraftAutosave(code: string, initialSavedAt: string | null) {
  const [status, setStatus] = useState<DraftStatus>({ savedAt: initialSavedAt, saving: false, error: null });
  const pending = useRef<DraftBody | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(false);
  const mounted = useRef(true);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    pending.current = null;
    if (!draft || stopped.current) return;
    if (mounted.current) setStatus((s) => ({ ...s, saving: true }));
    chain.current = chain.current.then(async () => {
      if (stopped.current) return;
      try {
        const { updatedAt } = await draftApi.save(code, draft);
        if (mounted.current) setStatus({ savedAt: updatedAt, saving: false, error: null });
      } catch (e) {
        if (mounted.current) setStatus((s) => ({ ...s, saving: false, error: errorMessage(e) }));
      }
    });
  }, [code]);

  const schedule = useCallback(
    (draft: DraftBody) => {
      pending.current = draft;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Saves a waiting change now and resolves once no save is in flight (before submitting). */
  const settle = useCallback(() => {
    flush();
    return chain.current;
  }, [flush]);

  /** After a successful submission: the server already removed the draft. */
  const stop = useCallback(() => {
    stopped.current = true;
    pending.current = null;
    if (timer.current) clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      flush();
    };
  }, [flush]);

  return { status, schedule, settle, stop };
}
