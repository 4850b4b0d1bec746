import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { AlertCircleIcon, CheckCircleIcon, InfoCircleIcon } from "./icons";

type SnackbarType = "success" | "error" | "info";
type Snack = { text: string; type: SnackbarType };

const SHOW_MS = 4000;
const ICONS = { success: CheckCircleIcon, error: AlertCircleIcon, info: InfoCircleIcon } as const;

const SnackbarContext = createContext<((snack: Snack) => void) | null>(null);

/**
 * A short message at the bottom of the screen. zmp-ui's Snackbar draws its icons with Zalo's icon
 * font from Zalo's CDN, which a counter PC or an offline phone shows as its ligature text
 * ("zi_check_circle_solid"); these icons are inline SVG.
 */
export function SnackbarProvider({ children }: { children: ReactNode }) {
  const [snack, setSnack] = useState<(Snack & { id: number }) | null>(null);
  const lastId = useRef(0);
  const open = useCallback((next: Snack) => {
    lastId.current += 1;
    setSnack({ ...next, id: lastId.current });
  }, []);
  useEffect(() => {
    if (!snack) return;
    const timer = setTimeout(() => setSnack(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [snack]);
  const Icon = snack ? ICONS[snack.type] : null;
  return (
    <SnackbarContext.Provider value={open}>
      {children}
      <div className="snackbar-region" aria-live="polite">
        {snack && Icon && (
          <p key={snack.id} className={`snackbar snackbar--${snack.type}`}>
            <Icon className="snackbar__icon" />
            <span>{snack.text}</span>
          </p>
        )}
      </div>
    </SnackbarContext.Provider>
  );
}

export function useSnackbar() {
  const openSnackbar = useContext(SnackbarContext);
  if (!openSnackbar) throw new Error("useSnackbar needs a SnackbarProvider");
  return { openSnackbar };
}
