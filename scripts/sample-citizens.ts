/**
 * The sample citizens of the local SSO (scripts/local-sso.mjs, LOCAL_CITIZEN_USERNAMES) as the
 * province's VNeID-linked provider would describe them: OpenID claims by username, which is the
 * 12-digit personal identification number. Illustrative people in the sample province.
 */
export const SAMPLE_CITIZEN_CLAIMS: Record<string, Record<string, unknown>> = {
  "001190000001": {
    name: "Lê Thị Hồng Nhung",
    birthdate: "1990-03-15",
    gender: "female",
    address: { formatted: "Số 45, đường Trần Hưng Đạo, Phường Bình Minh, Tỉnh An Hòa" },
    citizen_id: "001190000001",
  },
  "001085000002": {
    name: "Phạm Văn Đức",
    birthdate: "1985-11-02",
    gender: "male",
    address: { formatted: "Thôn Phú Xuân, Xã Tân Phú, Tỉnh An Hòa" },
    citizen_id: "001085000002",
  },
  "001302000003": {
    name: "Võ Thị Ngọc Hân",
    birthdate: "2002-07-28",
    gender: "female",
    address: { formatted: "Số 8, hẻm 3, đường Nguyễn Trãi, Phường Tân An, Tỉnh An Hòa" },
    citizen_id: "001302000003",
  },
};
