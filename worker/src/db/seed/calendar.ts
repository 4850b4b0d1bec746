/**
 * The working-day calendar for civil servants in Asia/Ho_Chi_Minh, 2025–2027: the weekdays
 * actually off for the eleven public holidays of the Labour Code 2019 (Art. 112), a holiday on
 * a Saturday or Sunday moved to the next working day (Art. 111(3)), and the published day
 * swaps (a weekday off, a Saturday worked instead). Weekends are implicit and not listed.
 *
 * Every row is unverified: an admin checks it against the official notice before relying on
 * it, and the seed never overwrites a row that already exists.
 *
 * Lunar dates (Vietnamese calendar, UTC+7): Tết Ất Tỵ 29/01/2025, Bính Ngọ 17/02/2026,
 * Đinh Mùi 06/02/2027; 10/3 âm lịch on 07/04/2025, 26/04/2026 (Sunday), 16/04/2027.
 */
export type CalendarSeedRow = {
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: "holiday" | "workday";
  name: string;
  source: string;
  verified: false;
};

const holiday = (date: string, name: string, source: string): CalendarSeedRow => ({
  date,
  kind: "holiday",
  name,
  source,
  verified: false,
});
const workday = (date: string, name: string, source: string): CalendarSeedRow => ({
  date,
  kind: "workday",
  name,
  source,
  verified: false,
});

const LAW = "Bộ luật Lao động 2019, Điều 112";
const LAW_MOVED =
  "Bộ luật Lao động 2019, Điều 111 khoản 3 và Điều 112 (ngày lễ trùng ngày nghỉ hằng tuần được nghỉ bù vào ngày làm việc kế tiếp)";
const LUNAR = "lịch âm — cần đối chiếu thông báo chính thức";
const NOT_PUBLISHED = "cần đối chiếu thông báo chính thức";

// 2025: Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Tết 27–31/01 without a swap; 02/05 swapped with 26/04; 2/9 and the day before).
const VPCP_2025 =
  "Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Thủ tướng Chính phủ đồng ý phương án nghỉ Tết Nguyên đán, 30/4–1/5 và Quốc khánh năm 2025)";
// 2026: Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết 16–20/02; Quốc khánh 01–02/09, 31/08 swapped with 22/08)
// and Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch: 02/01 swapped with 10/01).
const BNV_2026 = "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ về nghỉ Tết Âm lịch và Quốc khánh năm 2026";
const VPCP_2026_NEW_YEAR = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 về nghỉ Tết Dương lịch năm 2026";

export const calendarSeed: readonly CalendarSeedRow[] = [
  // 2025
  holiday("2025-01-01", "Tết Dương lịch", LAW),
  holiday("2025-01-27", "Tết Nguyên đán Ất Tỵ (28 tháng Chạp)", VPCP_2025),
  holiday("2025-01-28", "Tết Nguyên đán Ất Tỵ (29 tháng Chạp)", VPCP_2025),
  holiday("2025-01-29", "Tết Nguyên đán Ất Tỵ (mùng 1)", VPCP_2025),
  holiday("2025-01-30", "Tết Nguyên đán Ất Tỵ (mùng 2)", VPCP_2025),
  holiday("2025-01-31", "Tết Nguyên đán Ất Tỵ (mùng 3)", VPCP_2025),
  holiday("2025-04-07", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", `${LAW}; ${LUNAR}`),
  workday("2025-04-26", "Làm bù cho ngày 02/05/2025", VPCP_2025),
  holiday("2025-04-30", "Ngày Chiến thắng (30/4)", LAW),
  holiday("2025-05-01", "Ngày Quốc tế Lao động (1/5)", LAW),
  holiday("2025-05-02", "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025", VPCP_2025),
  holiday("2025-09-01", "Quốc khánh (ngày liền trước 2/9)", VPCP_2025),
  holiday("2025-09-02", "Quốc khánh (2/9)", VPCP_2025),

  // 2026
  holiday("2026-01-01", "Tết Dương lịch", LAW),
  holiday("2026-01-02", "Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026", VPCP_2026_NEW_YEAR),
  workday("2026-01-10", "Làm bù cho ngày 02/01/2026", VPCP_2026_NEW_YEAR),
  holiday("2026-02-16", "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)", BNV_2026),
  holiday("2026-02-17", "Tết Nguyên đán Bính Ngọ (mùng 1)", BNV_2026),
  holiday("2026-02-18", "Tết Nguyên đán Bính Ngọ (mùng 2)", BNV_2026),
  holiday("2026-02-19", "Tết Nguyên đán Bính Ngọ (mùng 3)", BNV_2026),
  holiday("2026-02-20", "Tết Nguyên đán Bính Ngọ (mùng 4)", BNV_2026),
  holiday("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/04/2026)", `${LAW_MOVED}; ${LUNAR}`),
  holiday("2026-04-30", "Ngày Chiến thắng (30/4)", `${LAW}; ${NOT_PUBLISHED}`),
  holiday("2026-05-01", "Ngày Quốc tế Lao động (1/5)", `${LAW}; ${NOT_PUBLISHED}`),
  workday("2026-08-22", "Làm bù cho ngày 31/08/2026", BNV_2026),
  holiday("2026-08-31", "Nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026", BNV_2026),
  holiday("2026-09-01", "Quốc khánh (ngày liền trước 2/9)", BNV_2026),
  holiday("2026-09-02", "Quốc khánh (2/9)", BNV_2026),

  // 2027: no official notice known; the Labour-Code-correct dates, no swaps.
  holiday("2027-01-01", "Tết Dương lịch", `${LAW}; ${NOT_PUBLISHED}`),
  holiday("2027-02-05", "Tết Nguyên đán Đinh Mùi (29 tháng Chạp)", `${LAW}; ${LUNAR}`),
  holiday("2027-02-08", "Tết Nguyên đán Đinh Mùi (mùng 3)", `${LAW}; ${LUNAR}`),
  holiday("2027-02-09", "Tết Nguyên đán Đinh Mùi (mùng 4)", `${LAW}; ${LUNAR}`),
  holiday("2027-02-10", "Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1 là thứ Bảy 06/02/2027)", `${LAW_MOVED}; ${LUNAR}`),
  holiday("2027-02-11", "Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 2 là Chủ nhật 07/02/2027)", `${LAW_MOVED}; ${LUNAR}`),
  holiday("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", `${LAW}; ${LUNAR}`),
  holiday("2027-04-30", "Ngày Chiến thắng (30/4)", `${LAW}; ${NOT_PUBLISHED}`),
  holiday("2027-05-03", "Nghỉ bù Ngày Quốc tế Lao động (1/5/2027 là thứ Bảy)", `${LAW_MOVED}; ${NOT_PUBLISHED}`),
  holiday("2027-09-02", "Quốc khánh (2/9)", `${LAW}; ${NOT_PUBLISHED}`),
  holiday("2027-09-03", "Quốc khánh (ngày liền sau 2/9)", `${LAW}; ${NOT_PUBLISHED}`),
];
