import { type ReactNode, useEffect, useState } from "react";
import { Link, useLocation } from "react-router-dom";
import type { Role } from "../../../../shared/src/auth/api";
import { WORKSPACE_ROLES } from "../../../../shared/src/auth/roles";
import { AccountBar, RequireSession } from "../../components/session-gate";
import { ErrorMessage } from "../../components/status";
import { catalogueApi } from "../../services/api";
import type { SessionUser } from "../../stores/session";
import "./staff.css";

/**
 * Only users with one of `roles`; anyone else is told so (`refusal`), offered a way back and
 * sees nothing else: no data is requested for them. Outside Zalo the province's SSO is offered;
 * in development the persona picker too, with only personas with these roles.
 */
export function RoleGate(props: {
  roles: readonly Role[];
  purpose: string;
  refusal: string;
  children: (user: SessionUser) => ReactNode;
}) {
  const { pathname } = useLocation();
  return (
    <RequireSession purpose={props.purpose} personaRoles={props.roles} ssoReturnPath={pathname}>
      {(user) =>
        props.roles.includes(user.role) ? (
          props.children(user)
        ) : (
          <>
            <ErrorMessage message={props.refusal} />
            <section className="section">
              {user.role === "resident" ? (
                <Link to="/ho-so" className="button button--secondary button--block">
                  Xem hồ sơ của tôi
                </Link>
              ) : (
                <Link to="/can-bo" className="button button--secondary button--block">
                  Về hồ sơ cần xử lý
                </Link>
              )}
            </section>
            <AccountBar user={user} />
          </>
        )
      }
    </RequireSession>
  );
}

/** Staff and admins only; a resident is told so and sees nothing else. */
export function StaffGate({ children }: { children: (user: SessionUser) => ReactNode }) {
  return (
    <RoleGate
      roles={WORKSPACE_ROLES}
      purpose="Bạn cần đăng nhập bằng tài khoản cán bộ để xử lý hồ sơ."
      refusal="Trang này chỉ dành cho cán bộ tiếp nhận và giải quyết hồ sơ. Tài khoản của bạn không có quyền truy cập."
    >
      {children}
    </RoleGate>
  );
}

const WIDE = "(min-width: 1024px)";

/** True on a desktop-sized screen (the counter), where the list and a dossier sit side by side. */
export function useWideLayout(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const media = window.matchMedia(WIDE);
    const update = () => setWide(media.matches);
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);
  return wide;
}

/** ARIA tabs' keys: the tab that `key` moves to from tab `i` of `n` (arrows wrap around), or null for any other key. */
export function tabKeyTarget(key: string, i: number, n: number): number | null {
  const moves: Record<string, number> = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 };
  return key in moves ? moves[key]! : null;
}

/** How close the due date is, while the clock runs. */
export function DueBadge({ state }: { state: "overdue" | "soon" | "ok" | null }) {
  if (state === "overdue") return <span className="badge badge--overdue">Quá hạn</span>;
  if (state === "soon") return <span className="badge badge--soon">Sắp đến hạn</span>;
  return null;
}

type ProcedureOption = { code: string; name: string };

/** Procedures an officer of `unit` handles (the most used 50), or the province's most used for an admin. */
export function useProcedureOptions(unit: string | null): ProcedureOption[] {
  const [options, setOptions] = useState<ProcedureOption[]>([]);
  useEffect(() => {
    let active = true;
    catalogueApi
      .searchProcedures(unit ? { unit, limit: 50 } : { limit: 50 })
      .then((page) => active && setOptions(page.items.map((p) => ({ code: p.code, name: p.name }))))
      .catch(() => active && setOptions([]));
    return () => {
      active = false;
    };
  }, [unit]);
  return options;
}
