import type { ReactNode } from "react";
import { NavLink } from "react-router-dom";
import { Page } from "zmp-ui";
import type { Role } from "../../../../shared/src/auth/api";
import { AppHeader } from "../../components/app-header";
import { AccountBar } from "../../components/session-gate";
import type { SessionUser } from "../../stores/session";
import { RoleGate } from "../staff/parts";
import "./admin.css";

const ADMIN_ROLES: readonly Role[] = ["admin"];

/** Every section of the province's administration, in the order the navigation lists them. */
export const ADMIN_SECTIONS = [
  { path: "/quan-tri/thu-tuc", label: "Thủ tục" },
  { path: "/quan-tri/don-vi", label: "Đơn vị" },
  { path: "/quan-tri/can-bo", label: "Cán bộ" },
  { path: "/quan-tri/nhat-ky", label: "Nhật ký thay đổi" },
  { path: "/quan-tri/lich", label: "Lịch làm việc" },
] as const;

/** Where /quan-tri itself leads. */
export const ADMIN_HOME = ADMIN_SECTIONS[0].path;

function AdminNav() {
  return (
    <nav className="admin-nav" aria-label="Quản trị">
      <ul className="admin-nav__list">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.path}>
            {/* NavLink marks the current section with aria-current="page"; its sub-pages count as inside it. */}
            <NavLink to={section.path} className="admin-nav__link">
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every admin page (`/quan-tri/*`): the page's heading, and for a province admin only
 * the navigation between sections beside (on a phone, above) the section itself. Anyone else is
 * refused before any admin data is requested.
 */
export function AdminLayout(props: { title: string; documentTitle?: string; children: (user: SessionUser) => ReactNode }) {
  return (
    <Page className="page page--admin">
      <AppHeader title={props.title} documentTitle={props.documentTitle} />
      <RoleGate
        roles={ADMIN_ROLES}
        purpose="Bạn cần đăng nhập bằng tài khoản quản trị của tỉnh."
        refusal="Trang này chỉ dành cho quản trị viên của tỉnh. Tài khoản của bạn không có quyền truy cập."
      >
        {(user) => (
          <div className="admin-shell">
            <AdminNav />
            <div className="admin-shell__content">
              <AccountBar user={user} />
              {props.children(user)}
            </div>
          </div>
        )}
      </RoleGate>
    </Page>
  );
}
