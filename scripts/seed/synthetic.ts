import type { Field, ProcedureInput, Unit } from "../../shared/src/catalogue/schemas";

/** Small deterministic PRNG (mulberry32), so benchmark data is the same on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rnd = () => number;

export function weighted<T>(rnd: Rnd, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}
export const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** Share of all synthetic dossiers per handling unit (a commune-heavy province); units without procedures of their own get none. */
export const UNIT_WEIGHTS: Record<string, number> = {
  "phuong-an-hoa": 25,
  "phuong-binh-minh": 11,
  "phuong-tan-an": 8,
  "phuong-hoa-khanh": 6,
  "cong-an-tinh": 9,
  "van-phong-dang-ky-dat-dai": 7,
  "so-tai-chinh": 4,
  "bhxh-tinh": 4,
  "so-tu-phap": 3,
  "so-noi-vu": 2,
  "so-y-te": 1,
  "so-giao-duc-dao-tao": 0.8,
  "so-xay-dung": 0.5,
  "so-cong-thuong": 0.3,
  "so-van-hoa-the-thao-du-lich": 0.2,
  "so-khoa-hoc-cong-nghe": 0.2,
};
/** Every other commune. */
export const OTHER_COMMUNE_WEIGHT = 1.8;

const SURNAMES = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9.5],
  ["Phạm", 7],
  ["Hoàng", 3],
  ["Huỳnh", 2],
  ["Phan", 4.5],
  ["Vũ", 2],
  ["Võ", 2],
  ["Đặng", 2.1],
  ["Bùi", 2],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 0.5],
] as const;
const MALE_MIDDLE = ["Văn", "Văn", "Minh", "Đức", "Quốc", "Hữu", "Thanh", "Công", "Hoàng", "Gia"];
const FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Bảo", "Thùy"];
const MALE_GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hùng",
  "Hải",
  "Hiếu",
  "Huy",
  "Khánh",
  "Long",
  "Nam",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thắng",
  "Trung",
  "Tuấn",
  "Việt",
  "Vinh",
  "Đạt",
  "Khoa",
];
const FEMALE_GIVEN = [
  "Anh",
  "Chi",
  "Dung",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hoa",
  "Hương",
  "Lan",
  "Linh",
  "Mai",
  "My",
  "Ngân",
  "Nhung",
  "Phương",
  "Quỳnh",
  "Thảo",
  "Trang",
  "Vân",
  "Yến",
  "Hiền",
  "Tâm",
];

export function personName(rnd: Rnd) {
  const surname = weighted(rnd, SURNAMES);
  const female = rnd() < 0.52;
  return female
    ? `${surname} ${pick(rnd, FEMALE_MIDDLE)} ${pick(rnd, FEMALE_GIVEN)}`
    : `${surname} ${pick(rnd, MALE_MIDDLE)} ${pick(rnd, MALE_GIVEN)}`;
}

const ACTIONS = [
  "Cấp",
  "Cấp đổi",
  "Cấp lại",
  "Gia hạn",
  "Điều chỉnh",
  "Thu hồi",
  "Đăng ký",
  "Xác nhận",
  "Thẩm định",
  "Phê duyệt",
  "Công nhận",
  "Đăng ký thay đổi",
  "Thông báo",
  "Chấm dứt",
];
const OBJECTS = [
  "giấy phép kinh doanh dịch vụ lữ hành nội địa",
  "giấy chứng nhận đủ điều kiện kinh doanh dược",
  "giấy phép hoạt động điện lực",
  "chứng chỉ hành nghề xây dựng",
  "giấy phép khai thác nước dưới đất",
  "giấy chứng nhận cơ sở đủ điều kiện chăn nuôi",
  "giấy phép vận tải bằng xe ô tô",
  "giấy phép tổ chức lễ hội",
  "giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
  "giấy phép thành lập cơ sở giáo dục nghề nghiệp",
  "giấy phép sử dụng vật liệu nổ công nghiệp",
  "giấy chứng nhận đạt chuẩn quốc gia trường mầm non",
  "hồ sơ đề nghị hỗ trợ người có công cải thiện nhà ở",
  "giấy phép quảng cáo ngoài trời",
  "giấy chứng nhận đủ điều kiện kinh doanh karaoke",
  "giấy phép môi trường",
  "đề án bảo vệ môi trường đơn giản",
  "giấy phép hoạt động cơ sở trợ giúp xã hội",
  "chứng chỉ hành nghề môi giới bất động sản",
  "giấy chứng nhận hợp tác xã",
  "giấy phép xả nước thải vào nguồn nước",
  "danh hiệu gia đình văn hóa",
  "giấy chứng nhận quyền tác giả tác phẩm",
  "giấy phép hoạt động thư viện",
  "giấy phép bán buôn sản phẩm thuốc lá",
];
const QUALIFIERS = [
  "",
  " do bị mất",
  " do hết hạn",
  " do thay đổi thông tin",
  " đối với hộ gia đình, cá nhân",
  " đối với tổ chức",
  " trên địa bàn tỉnh",
  " cho doanh nghiệp nhỏ và vừa",
  " trong khu công nghiệp",
];
const DOCUMENTS = [
  "Đơn đề nghị theo mẫu",
  "Bản sao giấy chứng nhận đăng ký doanh nghiệp",
  "Bản thuyết minh điều kiện cơ sở vật chất",
  "Danh sách nhân sự kèm văn bằng, chứng chỉ",
  "Bản vẽ mặt bằng",
  "Giấy phép đã được cấp (trường hợp cấp đổi)",
  "Văn bản ủy quyền (nếu có)",
  "Báo cáo kết quả hoạt động",
];

const APPLICANTS = ["cá nhân", "hộ gia đình", "tổ chức", "doanh nghiệp", "hợp tác xã"];
const RESULTS = ["giấy phép", "giấy chứng nhận", "văn bản chấp thuận", "quyết định", "văn bản xác nhận"];

/**
 * N synthetic but realistic procedures for benchmarks: Vietnamese names built from
 * real procedure vocabulary, plausible fees, times and documents. Codes 9.1xxxxxx never
 * collide with the sample catalogue.
 */
export function syntheticProcedures(count: number, fields: Field[], units: Unit[], seed = 20260101): ProcedureInput[] {
  const rnd = prng(seed);
  const departments = units.filter((u) => u.kind === "department");
  return Array.from({ length: count }, (_, i): ProcedureInput => {
    const provincial = rnd() < 0.6;
    const department = pick(rnd, departments);
    const counter = pick(rnd, [0, 0, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000]);
    const online = rnd() < 0.5 ? Math.round(counter / 2) : counter;
    const fullyOnline = rnd() < 0.5;
    const name = `${pick(rnd, ACTIONS)} ${pick(rnd, OBJECTS)}${pick(rnd, QUALIFIERS)}`;
    return {
      code: `9.${String(1_000_000 + i).padStart(7, "0")}`,
      version: 1,
      status: "published",
      effectiveFrom: "2025-07-01",
      name,
      summary: `Dành cho ${pick(rnd, APPLICANTS)}; kết quả là ${pick(rnd, RESULTS)} (dữ liệu mô phỏng).`,
      fieldId: pick(rnd, fields).id,
      unitLevel: provincial ? "province" : "commune",
      competentUnitId: provincial ? department.id : null,
      agency: provincial ? department.name : "Ủy ban nhân dân cấp xã",
      serviceLevel: fullyOnline ? "toan_trinh" : "mot_phan",
      processingTime: { unit: "working_day", value: 1 + Math.floor(rnd() * 30) },
      fees: { counter, online, legalBasis: "Dữ liệu mô phỏng" },
      documents: Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({
        name: pick(rnd, DOCUMENTS),
        form: "original",
        count: 1,
        required: rnd() < 0.8,
      })),
      eform: { fields: [{ key: "fullName", label: "Họ và tên người nộp", type: "text", required: true }] },
      onlineOnly: fullyOnline && rnd() < 0.2,
      essential: false,
      resultDelivery: fullyOnline ? ["online", "postal"] : ["counter"],
      aliases: [],
      popularity: Math.floor(rnd() * 100),
    };
  });
}
