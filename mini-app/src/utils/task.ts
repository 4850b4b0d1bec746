import { useState } from "react";
import { errorMessage } from "../services/api";

/**
 * A request the user starts with a button or a form: `run(task)` clears the last error and is
 * `busy` until `task` settles; if it throws, `error` says what went wrong. `setError` shows a
 * message of the caller's own (a check before sending).
 */
export function useTask() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
