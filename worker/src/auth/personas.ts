import type { Persona } from "../../../shared/src/auth/api";
import type { UserSeed } from "../db/repo/users";

/** Development sign-in identities (DEV_AUTH only). Staff units exist in the sample province. */
export const DEV_PERSONAS: readonly (Persona & Pick<UserSeed, "displayName" | "vneidVerified" | "vneidClaims">)[] = [
  {
    id: "cu-dan-an",
    label: "Cư dân: Nguyễn Văn An (đã xác thực VNeID)",
    role: "resident",
    unitId: null,
    displayName: "Nguyễn Văn An",
    vneidVerified: true,
    vneidClaims: {
      fullName: "Nguyễn Văn An",
      citizenId: "001203004567",
      birthDate: "2003-04-12",
      sex: "male",
      permanentAddress: "Số 12, đường Lê Lợi, Phường An Hòa, Tỉnh An Hòa",
    },
  },
  {
    id: "cu-dan-binh",
    label: "Cư dân: Trần Thị Bình (chưa xác thực VNeID)",
    role: "resident",
    unitId: null,
    displayName: "Trần Thị Bình",
  },
  {
    id: "cu-dan-moi",
    label: "Cư dân: Đặng Thu Hà (để nhận lời mời làm cán bộ)",
    role: "resident",
    unitId: null,
    displayName: "Đặng Thu Hà",
  },
  {
    id: "can-bo-phuong",
    label: "Cán bộ một cửa: Phường An Hòa",
    role: "officer",
    unitId: "phuong-an-hoa",
    displayName: "Lê Minh Cường",
  },
  { id: "can-bo-tu-phap", label: "Cán bộ: Sở Tư pháp", role: "officer", unitId: "so-tu-phap", displayName: "Phạm Thu Dung" },
  {
    id: "lanh-dao-phuong",
    label: "Lãnh đạo đơn vị: Phường An Hòa",
    role: "leader",
    unitId: "phuong-an-hoa",
    displayName: "Vũ Thị Giang",
  },
  {
    id: "to-cong-nghe",
    label: "Tổ công nghệ số cộng đồng: Phường An Hòa",
    role: "helper",
    unitId: "phuong-an-hoa",
    displayName: "Đỗ Văn Hải",
  },
  { id: "quan-tri-tinh", label: "Quản trị tỉnh", role: "admin", unitId: null, displayName: "Hoàng Quốc Em" },
];

export const personaUserId = (personaId: string) => `dev-${personaId}`;
