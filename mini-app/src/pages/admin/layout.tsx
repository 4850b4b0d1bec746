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
  { path: "/quan-tri/bang-dieu-khien", label: "Bảng điều khiển" },
  { path: "/quan-tri/chi-tieu", label: "Chỉ tiêu" },
  { path: "/quan-tri/bao-cao", label: "Báo cáo tháng" },
  { path: "/quan-tri/thu-tuc", label: "Thủ tục" },
  { path: "/quan-tri/don-vi", label: "Đơn vị" },
  { path: "/quan-tri/can-bo", label: "Cán bộ" },
  { path: "/quan-tri/nhat-ky", label: "Nhật ký thay đổi" },
  { path: "/quan-tri/lich", label: "Lịch làm việc" },
  { path: "/quan-tri/vneid", label: "Nộp không cần VNeID" },
  { path: "/quan-tri/tim-kiem", label: "Tìm kiếm, sự kiện" },
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

/** The figures pages a unit leader also opens, for their own unit. */
export const FIGURES_ROLES: readonly Role[] = ["admin", "leader"];

/**
 * The frame of every admin page (`/quan-tri/*`): the page's heading, and for a province admin
 * the navigation between sections beside (on a phone, above) the section itself. Anyone without
 * one of `roles` (by default the admin alone) is refused before any data is requested.
 */
export function AdminLayout(props: {
  title: string;
  documentTitle?: string;
  roles?: readonly Role[];
  children: (user: SessionUser) => ReactNode;
}) {
  const roles = props.roles ?? ADMIN_ROLES;
  return (
    <Page className="page page--admin">
      <AppHeader title={props.title} documentTitle={props.documentTitle} />
      <RoleGate
        roles={roles}
        purpose={
          roles === ADMIN_ROLES
            ? "Bạn cần đăng nhập bằng tài khoản quản trị của tỉnh."
            : "Bạn cần đăng nhập bằng tài khoản quản trị của tỉnh hoặc lãnh đạo đơn vị."
        }
        refusal={
          roles === ADMIN_ROLES
            ? "Trang này chỉ dành cho quản trị viên của tỉnh. Tài khoản của bạn không có quyền truy cập."
            : "Trang này chỉ dành cho quản trị viên của tỉnh và lãnh đạo đơn vị. Tài khoản của bạn không có quyền truy cập."
        }
      >
        {(user) => (
          <div className={user.role === "admin" ? "admin-shell" : undefined}>
            {user.role === "admin" && <AdminNav />}
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
