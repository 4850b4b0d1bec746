import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftBody } from "../../../../shared/src/dossier/api";
import { errorMessage } from "../../services/api";
import { draftApi } from "../../services/authed-api";
import { storageGet, storageRemove, storageSet } from "../../services/zalo";

const AUTOSAVE_DELAY_MS = 1000;

export type DraftStatus = { savedAt: string | null; saving: boolean; error: string | null };

/** A draft kept on this device while the server does not have it yet. */
export type LocalDraft = { draft: DraftBody; changedAt: string };

const localKey = (userId: string, code: string) => `mot-cua.draft.${userId}.${code}`;

/** The device's copy of a draft the server has not confirmed, if any. */
export async function readLocalDraft(userId: string, code: string): Promise<LocalDraft | null> {
  const text = await storageGet(localKey(userId, code));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<LocalDraft>;
    const draft = value.draft;
    return typeof value.changedAt === "string" && draft && typeof draft.form === "object" && Array.isArray(draft.documents)
      ? (value as LocalDraft)
      : null;
  } catch {
    return null;
  }
}

/**
 * Autosaves the dossier being filled to the server, about a second after the last change.
 * Every change is first kept on the device and stays there until the server has it, so a draft
 * typed offline (or while the server refuses it) survives a reload; `unsaved`, a copy restored
 * from the device, is sent again at once. Saves run one after another, so an older draft never
 * overwrites a newer one; a change still waiting when the page closes is saved then, and one that
 * failed is sent again when the device comes back online.
 */
export function useDraftAutosave(userId: string, code: string, initial: { savedAt: string | null; unsaved: DraftBody | null }) {
  const [status, setStatus] = useState<DraftStatus>({ savedAt: initial.savedAt, saving: false, error: null });
  const pending = useRef<DraftBody | null>(null);
  const failed = useRef<DraftBody | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(0);
  const stopped = useRef(false);
  const mounted = useRef(true);
  const key = localKey(userId, code);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    pending.current = null;
    if (!draft || stopped.current) return;
    const version = latest.current;
    if (mounted.current) setStatus((s) => ({ ...s, saving: true }));
    chain.current = chain.current.then(async () => {
      if (stopped.current) return;
      try {
        const { updatedAt } = await draftApi.save(code, draft);
        failed.current = null;
        // Only the newest change makes the device's copy redundant.
        if (version === latest.current) await storageRemove(key);
        if (mounted.current) setStatus({ savedAt: updatedAt, saving: false, error: null });
      } catch (e) {
        failed.current = draft;
        if (mounted.current) setStatus((s) => ({ ...s, saving: false, error: errorMessage(e) }));
      }
    });
  }, [code, key]);

  const schedule = useCallback(
    (draft: DraftBody, delay = AUTOSAVE_DELAY_MS) => {
      latest.current += 1;
      pending.current = draft;
      const copy: LocalDraft = { draft, changedAt: new Date().toISOString() };
      chain.current = chain.current.then(() => storageSet(key, JSON.stringify(copy)));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [flush, key],
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
    chain.current = chain.current.then(() => storageRemove(key));
  }, [key]);

  const unsaved = useRef(initial.unsaved);
  useEffect(() => {
    if (unsaved.current) schedule(unsaved.current, 0);
    unsaved.current = null;
    const retry = () => {
      if (failed.current && !pending.current) schedule(failed.current, 0);
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [schedule]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      flush();
    };
  }, [flush]);

  return { status, schedule, settle, stop };
}
