/**
 * Sample catalogue for the fictional province "Tỉnh An Hòa" (code H99).
 *
 * ILLUSTRATIVE DATA ONLY. Procedure names are real national procedures, but codes,
 * processing times, fees, documents and competent bodies are typical values
 * (see shared/DOMAIN.md §6 and §9) and differ by province and date. Every row must
 * be checked against the province's published catalogue (quyết định công bố danh
 * mục TTHC) and the National Public Service Portal (DVCQG) before residents see it.
 *
 * Codes marked "// mã tham khảo" are plausible placeholders, not confirmed national
 * codes. Fees citing "Nghị quyết số 12/2025/NQ-HĐND tỉnh An Hòa" are invented, as is
 * that resolution. The units, addresses and phone numbers are fictional.
 */
import type {
  DocumentForm,
  EFormField,
  Field,
  ProcedureInput,
  Province,
  RequiredDocument,
  Unit,
} from "../../../../shared/src/catalogue/schemas";

// ---------------------------------------------------------------------------
// Helpers (keep the procedure list readable)
// ---------------------------------------------------------------------------

/** Fictional provincial fee resolution for HĐND-set fees. */
const HDND = "Nghị quyết số 12/2025/NQ-HĐND tỉnh An Hòa";
const LUAT_HO_TICH = "Luật Hộ tịch 2014, Điều 11";
const TT75 = "Thông tư 75/2022/TT-BTC";
const TT226 = "Thông tư 226/2016/TT-BTC";
const GPLX_FEE_BASIS = "Thông tư 37/2023/TT-BTC; Thông tư 63/2023/TT-BTC (mức thu trực tuyến)";
const DATA_NOTE = "Không phải nộp nếu thông tin đã có trong cơ sở dữ liệu quốc gia";

const V1 = { version: 1, status: "published", effectiveFrom: "2025-07-01" } as const;

const XA = { unitLevel: "commune", competentUnitId: null, agency: "Ủy ban nhân dân cấp xã" } as const;
const CA_XA = { unitLevel: "commune", competentUnitId: null, agency: "Công an cấp xã" } as const;
const tinh = (competentUnitId: string, agency: string) => ({ unitLevel: "province", competentUnitId, agency }) as const;

type Options = ReadonlyArray<readonly [string, string]>;
const text = (key: string, label: string, required = true, maxLength = 200): EFormField => ({
  key,
  label,
  type: "text",
  required,
  maxLength,
});
const longText = (key: string, label: string, required = true): EFormField => ({
  key,
  label,
  type: "textarea",
  required,
  maxLength: 2000,
});
const date = (key: string, label: string, required = true): EFormField => ({ key, label, type: "date", required });
const num = (key: string, label: string, required = true): EFormField => ({ key, label, type: "number", required });
const select = (key: string, label: string, options: Options, required = true): EFormField => ({
  key,
  label,
  type: "select",
  required,
  options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })),
});
const idNo = (key = "citizenId", label = "Số định danh cá nhân (số thẻ căn cước)", required = true): EFormField => ({
  key,
  label,
  type: "citizenId",
  required,
});
const phone = (): EFormField => ({ key: "phone", label: "Số điện thoại liên hệ", type: "phone", required: true });
const fullName = (label = "Họ, chữ đệm và tên người yêu cầu"): EFormField => text("fullName", label, true, 100);
const gender = (key = "gender", label = "Giới tính"): EFormField =>
  select(key, label, [
    ["nam", "Nam"],
    ["nu", "Nữ"],
  ]);
const bankAccount = (): EFormField => text("bankAccount", "Số tài khoản ngân hàng nhận tiền", true, 30);
const siNumber = (key = "socialInsuranceNumber"): EFormField => text(key, "Mã số bảo hiểm xã hội", true, 20);

const doc = (
  name: string,
  form: DocumentForm,
  extra: Partial<Omit<RequiredDocument, "name" | "form">> = {},
): RequiredDocument => ({ name, form, count: 1, required: true, ...extra });

const CT01 = (note?: string): RequiredDocument =>
  doc("Tờ khai thay đổi thông tin cư trú", "original", { template: "CT01", ...(note ? { note } : {}) });

const LICENCE_CLASSES: Options = [
  ["A1", "Hạng A1"],
  ["A", "Hạng A"],
  ["B1", "Hạng B1"],
  ["B", "Hạng B"],
  ["C1", "Hạng C1"],
  ["C", "Hạng C"],
  ["D", "Hạng D"],
  ["khac", "Hạng khác"],
];

// ---------------------------------------------------------------------------
// Province, units, fields
// ---------------------------------------------------------------------------

const province: Province = { id: "an-hoa", name: "Tỉnh An Hòa", code: "H99" };

const P = "ubnd-tinh";

const units: Unit[] = [
  {
    id: P,
    parentId: null,
    kind: "province",
    name: "Ủy ban nhân dân tỉnh An Hòa",
    electronicId: "000.00.00.H99",
    address: "Số 1 đường Hùng Vương, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3820 000",
    priorityWeekdays: [],
  },
  // Departments (sở, ngành) — standard names after the 2025 reorganisation.
  {
    id: "so-tu-phap",
    parentId: P,
    kind: "department",
    name: "Sở Tư pháp",
    electronicId: "000.01.00.H99",
    address: "Số 12 đường Bến Sông, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3821 412",
    priorityWeekdays: [2, 4],
  },
  {
    id: "cong-an-tinh",
    parentId: P,
    kind: "department",
    name: "Công an tỉnh",
    electronicId: "000.02.00.H99",
    address: "Số 45 đại lộ An Hòa, phường Bình Minh, tỉnh An Hòa",
    phone: "0299 3822 113",
    priorityWeekdays: [1, 3],
  },
  {
    id: "so-tai-chinh",
    parentId: P,
    kind: "department",
    name: "Sở Tài chính",
    electronicId: "000.03.00.H99",
    address: "Số 8 đường Ngọc Lan, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3823 508",
    priorityWeekdays: [3, 5],
  },
  {
    id: "so-xay-dung",
    parentId: P,
    kind: "department",
    name: "Sở Xây dựng",
    electronicId: "000.04.00.H99",
    address: "Số 27 đường Phù Sa, phường Tân An, tỉnh An Hòa",
    phone: "0299 3824 227",
    priorityWeekdays: [2, 5],
  },
  {
    id: "so-nong-nghiep-moi-truong",
    parentId: P,
    kind: "department",
    name: "Sở Nông nghiệp và Môi trường",
    electronicId: "000.05.00.H99",
    address: "Số 60 đường Lúa Vàng, phường Phú Thịnh, tỉnh An Hòa",
    phone: "0299 3825 660",
    priorityWeekdays: [1, 4],
  },
  {
    id: "so-y-te",
    parentId: P,
    kind: "department",
    name: "Sở Y tế",
    electronicId: "000.06.00.H99",
    address: "Số 3 đường Cây Gòn, phường Bình Minh, tỉnh An Hòa",
    phone: "0299 3826 103",
    priorityWeekdays: [2, 4],
  },
  {
    id: "so-giao-duc-dao-tao",
    parentId: P,
    kind: "department",
    name: "Sở Giáo dục và Đào tạo",
    electronicId: "000.07.00.H99",
    address: "Số 15 đường Hòa Bình, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3827 315",
    priorityWeekdays: [3, 5],
  },
  {
    id: "so-noi-vu",
    parentId: P,
    kind: "department",
    name: "Sở Nội vụ",
    electronicId: "000.08.00.H99",
    address: "Số 20 đường Hùng Vương, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3828 420",
    priorityWeekdays: [1, 3],
  },
  {
    id: "so-cong-thuong",
    parentId: P,
    kind: "department",
    name: "Sở Công Thương",
    electronicId: "000.09.00.H99",
    address: "Số 102 đại lộ An Hòa, phường Hòa Khánh, tỉnh An Hòa",
    phone: "0299 3829 102",
    priorityWeekdays: [2, 4],
  },
  {
    id: "so-van-hoa-the-thao-du-lich",
    parentId: P,
    kind: "department",
    name: "Sở Văn hóa, Thể thao và Du lịch",
    electronicId: "000.10.00.H99",
    address: "Số 5 đường Rạch Mía, phường Tân An, tỉnh An Hòa",
    phone: "0299 3830 505",
    priorityWeekdays: [1, 5],
  },
  {
    id: "so-khoa-hoc-cong-nghe",
    parentId: P,
    kind: "department",
    name: "Sở Khoa học và Công nghệ",
    electronicId: "000.11.00.H99",
    address: "Số 9 đường Ngọc Lan, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3831 909",
    priorityWeekdays: [3, 5],
  },
  {
    id: "bhxh-tinh",
    parentId: P,
    kind: "department",
    name: "Bảo hiểm xã hội tỉnh",
    electronicId: "000.12.00.H99",
    address: "Số 77 đường Bình Minh, phường Bình Minh, tỉnh An Hòa",
    phone: "0299 3832 777",
    priorityWeekdays: [2, 4],
  },
  {
    id: "trung-tam-phvhcc",
    parentId: P,
    kind: "department",
    name: "Trung tâm Phục vụ hành chính công tỉnh",
    electronicId: "000.13.00.H99",
    address: "Số 25 đường Hòa Bình, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3833 025",
    priorityWeekdays: [2, 4],
  },
  {
    id: "van-phong-dang-ky-dat-dai",
    parentId: "so-nong-nghiep-moi-truong",
    kind: "department",
    name: "Văn phòng Đăng ký đất đai tỉnh",
    electronicId: "000.14.00.H99",
    address: "Số 62 đường Lúa Vàng, phường Phú Thịnh, tỉnh An Hòa",
    phone: "0299 3834 662",
    priorityWeekdays: [1, 3],
  },
  // Communes (xã, phường, đặc khu) — fictional.
  {
    id: "phuong-an-hoa",
    parentId: P,
    kind: "commune",
    name: "Phường An Hòa",
    electronicId: "000.00.01.H99",
    address: "Số 30 đường Hòa Bình, phường An Hòa, tỉnh An Hòa",
    phone: "0299 3840 101",
    priorityWeekdays: [2, 4],
  },
  {
    id: "phuong-binh-minh",
    parentId: P,
    kind: "commune",
    name: "Phường Bình Minh",
    electronicId: "000.00.02.H99",
    address: "Số 14 đường Bình Minh, phường Bình Minh, tỉnh An Hòa",
    phone: "0299 3840 202",
    priorityWeekdays: [1, 3],
  },
  {
    id: "phuong-tan-an",
    parentId: P,
    kind: "commune",
    name: "Phường Tân An",
    electronicId: "000.00.03.H99",
    address: "Số 2 đường Rạch Mía, phường Tân An, tỉnh An Hòa",
    phone: "0299 3840 303",
    priorityWeekdays: [3, 5],
  },
  {
    id: "phuong-phu-thinh",
    parentId: P,
    kind: "commune",
    name: "Phường Phú Thịnh",
    electronicId: "000.00.04.H99",
    address: "Số 88 đường Lúa Vàng, phường Phú Thịnh, tỉnh An Hòa",
    phone: "0299 3840 404",
    priorityWeekdays: [2, 5],
  },
  {
    id: "phuong-hoa-khanh",
    parentId: P,
    kind: "commune",
    name: "Phường Hòa Khánh",
    electronicId: "000.00.05.H99",
    address: "Số 150 đại lộ An Hòa, phường Hòa Khánh, tỉnh An Hòa",
    phone: "0299 3840 505",
    priorityWeekdays: [1, 4],
  },
  {
    id: "phuong-thanh-my",
    parentId: P,
    kind: "commune",
    name: "Phường Thạnh Mỹ",
    electronicId: "000.00.06.H99",
    address: "Số 6 đường Cây Gòn, phường Thạnh Mỹ, tỉnh An Hòa",
    phone: "0299 3840 606",
    priorityWeekdays: [2, 4],
  },
  {
    id: "xa-tan-phu",
    parentId: P,
    kind: "commune",
    name: "Xã Tân Phú",
    electronicId: "000.00.07.H99",
    address: "Ấp Tân Lập, xã Tân Phú, tỉnh An Hòa",
    phone: "0299 3841 707",
    priorityWeekdays: [3, 5],
  },
  {
    id: "xa-hoa-loi",
    parentId: P,
    kind: "commune",
    name: "Xã Hòa Lợi",
    electronicId: "000.00.08.H99",
    address: "Ấp Hòa Thuận, xã Hòa Lợi, tỉnh An Hòa",
    phone: "0299 3841 808",
    priorityWeekdays: [1, 3],
  },
  {
    id: "xa-long-thanh",
    parentId: P,
    kind: "commune",
    name: "Xã Long Thạnh",
    electronicId: "000.00.09.H99",
    address: "Ấp Long Bình, xã Long Thạnh, tỉnh An Hòa",
    phone: "0299 3841 909",
    priorityWeekdays: [2, 4],
  },
  {
    id: "xa-my-xuyen",
    parentId: P,
    kind: "commune",
    name: "Xã Mỹ Xuyên",
    electronicId: "000.00.10.H99",
    address: "Ấp Mỹ Hòa, xã Mỹ Xuyên, tỉnh An Hòa",
    phone: "0299 3842 010",
    priorityWeekdays: [1, 5],
  },
  {
    id: "xa-phuoc-hung",
    parentId: P,
    kind: "commune",
    name: "Xã Phước Hưng",
    electronicId: "000.00.11.H99",
    address: "Ấp Phước Lộc, xã Phước Hưng, tỉnh An Hòa",
    phone: "0299 3842 111",
    priorityWeekdays: [2, 5],
  },
  {
    id: "xa-vinh-hau",
    parentId: P,
    kind: "commune",
    name: "Xã Vĩnh Hậu",
    electronicId: "000.00.12.H99",
    address: "Ấp Vĩnh Lợi, xã Vĩnh Hậu, tỉnh An Hòa",
    phone: "0299 3842 212",
    priorityWeekdays: [3, 5],
  },
  {
    id: "xa-thuan-duc",
    parentId: P,
    kind: "commune",
    name: "Xã Thuận Đức",
    electronicId: "000.00.13.H99",
    address: "Ấp Thuận Hòa, xã Thuận Đức, tỉnh An Hòa",
    phone: "0299 3842 313",
    priorityWeekdays: [1, 4],
  },
  {
    id: "dac-khu-hon-ngoc",
    parentId: P,
    kind: "commune",
    name: "Đặc khu Hòn Ngọc",
    electronicId: "000.00.14.H99",
    address: "Số 1 đường Bãi Dài, đặc khu Hòn Ngọc, tỉnh An Hòa",
    phone: "0299 3843 414",
    priorityWeekdays: [2, 4],
  },
];

const fieldNames: ReadonlyArray<readonly [string, string]> = [
  ["ho-tich", "Hộ tịch"],
  ["nuoi-con-nuoi", "Nuôi con nuôi"],
  ["chung-thuc", "Chứng thực"],
  ["ly-lich-tu-phap", "Lý lịch tư pháp"],
  ["tro-giup-phap-ly", "Trợ giúp pháp lý"],
  ["cu-tru", "Cư trú"],
  ["can-cuoc", "Căn cước"],
  ["xuat-nhap-canh", "Xuất nhập cảnh"],
  ["giay-phep-lai-xe", "Giấy phép lái xe"],
  ["dang-ky-xe", "Đăng ký, quản lý phương tiện giao thông"],
  ["ho-kinh-doanh", "Đăng ký hộ kinh doanh"],
  ["doanh-nghiep", "Thành lập và hoạt động doanh nghiệp"],
  ["luu-thong-hang-hoa", "Lưu thông hàng hóa trong nước"],
  ["an-toan-thuc-pham", "An toàn thực phẩm"],
  ["xay-dung", "Hoạt động xây dựng"],
  ["dat-dai", "Đất đai"],
  ["dang-ky-bien-phap-bao-dam", "Đăng ký biện pháp bảo đảm"],
  ["viec-lam", "Việc làm"],
  ["bao-hiem-xa-hoi", "Bảo hiểm xã hội"],
  ["bao-hiem-y-te", "Bảo hiểm y tế"],
  ["bao-tro-xa-hoi", "Bảo trợ xã hội"],
  ["giao-duc", "Giáo dục và đào tạo"],
  ["y-te", "Khám bệnh, chữa bệnh"],
  ["du-lich", "Du lịch"],
  ["an-toan-buc-xa", "An toàn bức xạ và hạt nhân"],
];

const fields: Field[] = fieldNames.map(([id, name], i) => ({ id, name, sortOrder: i + 1 }));

// ---------------------------------------------------------------------------
// Procedures
// ---------------------------------------------------------------------------

const procedures: ProcedureInput[] = [
  // ----- Hộ tịch -----
  {
    ...V1,
    code: "1.001193",
    name: "Đăng ký khai sinh",
    summary:
      "Dành cho cha, mẹ hoặc người thân đăng ký khai sinh cho trẻ mới sinh. Kết quả là Giấy khai sinh (bản điện tử và bản giấy) và số định danh cá nhân của trẻ.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "same_day", note: "Hồ sơ tiếp nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo" },
    fees: {
      counter: 0,
      online: 0,
      note: "Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh); đăng ký quá hạn thu theo nghị quyết của HĐND tỉnh",
      legalBasis: LUAT_HO_TICH,
    },
    documents: [
      doc("Tờ khai đăng ký khai sinh", "original"),
      doc("Giấy chứng sinh", "original", {
        note: "Hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh nếu không có giấy chứng sinh",
      }),
      doc("Văn bản ủy quyền", "original_or_copy", { required: false, note: "Khi nhờ người khác đi đăng ký" }),
    ],
    eform: {
      fields: [
        text("childName", "Họ, chữ đệm và tên của trẻ", true, 100),
        gender(),
        date("childDateOfBirth", "Ngày, tháng, năm sinh của trẻ"),
        text("placeOfBirth", "Nơi sinh (tên cơ sở y tế hoặc địa chỉ)"),
        text("motherName", "Họ, chữ đệm và tên người mẹ", true, 100),
        idNo("citizenId", "Số định danh cá nhân của người đi đăng ký"),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["làm giấy khai sinh cho con", "giấy khai sinh", "khai sinh cho con", "làm khai sinh"],
    popularity: 980,
  },
  {
    ...V1,
    code: "1.012864", // mã tham khảo
    name: "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
    summary:
      "Dành cho cha, mẹ có con mới sinh muốn làm một lần cả ba việc. Kết quả là Giấy khai sinh, thông tin thường trú của trẻ được cập nhật và thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi.",
    fieldId: "ho-tich",
    ...XA,
    agency: "Ủy ban nhân dân cấp xã (liên thông Công an cấp xã và Bảo hiểm xã hội)",
    serviceLevel: "toan_trinh",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Tổng thời gian các bước liên thông theo Nghị định 63/2024/NĐ-CP; cần đối chiếu danh mục của tỉnh",
    },
    fees: {
      counter: 0,
      online: 0,
      note: "Miễn lệ phí khai sinh đúng hạn; lệ phí đăng ký thường trú (nếu thuộc diện phải nộp) thu theo Thông tư 75/2022/TT-BTC",
      legalBasis: "Nghị định 63/2024/NĐ-CP; Luật Hộ tịch 2014, Điều 11",
    },
    documents: [doc("Tờ khai điện tử liên thông (một biểu mẫu dùng chung)", "original"), doc("Giấy chứng sinh", "original")],
    eform: {
      fields: [
        text("childName", "Họ, chữ đệm và tên của trẻ", true, 100),
        gender(),
        date("childDateOfBirth", "Ngày, tháng, năm sinh của trẻ"),
        text("placeOfBirth", "Nơi sinh"),
        text("residenceAddress", "Nơi đăng ký thường trú cho trẻ"),
        idNo("citizenId", "Số định danh cá nhân của cha hoặc mẹ"),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "postal"],
    aliases: ["làm giấy khai sinh cho con", "khai sinh nhập hộ khẩu", "thẻ bảo hiểm y tế cho bé", "liên thông khai sinh"],
    popularity: 820,
  },
  {
    ...V1,
    code: "1.000656",
    name: "Đăng ký khai tử",
    summary: "Dành cho thân nhân hoặc người có trách nhiệm đăng ký việc một người đã chết. Kết quả là Trích lục khai tử.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "same_day", note: "Trường hợp cần xác minh: không quá 3 ngày làm việc" },
    fees: {
      counter: 0,
      online: 0,
      note: "Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày chết)",
      legalBasis: LUAT_HO_TICH,
    },
    documents: [doc("Tờ khai đăng ký khai tử", "original"), doc("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử", "original")],
    eform: {
      fields: [
        text("deceasedName", "Họ, chữ đệm và tên người đã chết", true, 100),
        idNo("deceasedCitizenId", "Số định danh cá nhân của người đã chết"),
        date("dateOfDeath", "Ngày chết"),
        text("placeOfDeath", "Nơi chết"),
        text("relationship", "Quan hệ với người đã chết", true, 50),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["báo tử", "giấy chứng tử", "khai tử"],
    popularity: 700,
  },
  {
    ...V1,
    code: "1.012865", // mã tham khảo
    name: "Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, trợ cấp mai táng, hỗ trợ chi phí mai táng",
    summary:
      "Dành cho thân nhân người đã mất muốn làm một lần các việc sau khi có người thân qua đời. Kết quả là Trích lục khai tử, xóa đăng ký thường trú và quyết định hưởng trợ cấp mai táng hoặc tử tuất (nếu đủ điều kiện).",
    fieldId: "ho-tich",
    ...XA,
    agency: "Ủy ban nhân dân cấp xã (liên thông Công an cấp xã và Bảo hiểm xã hội)",
    serviceLevel: "toan_trinh",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Tổng thời gian các bước liên thông theo Nghị định 63/2024/NĐ-CP; cần đối chiếu danh mục của tỉnh",
    },
    fees: { counter: 0, online: 0, legalBasis: "Nghị định 63/2024/NĐ-CP; Luật Hộ tịch 2014, Điều 11" },
    documents: [
      doc("Tờ khai điện tử liên thông (một biểu mẫu dùng chung)", "original"),
      doc("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử", "original"),
    ],
    eform: {
      fields: [
        text("deceasedName", "Họ, chữ đệm và tên người đã chết", true, 100),
        idNo("deceasedCitizenId", "Số định danh cá nhân của người đã chết"),
        date("dateOfDeath", "Ngày chết"),
        text("relationship", "Quan hệ với người đã chết", true, 50),
        bankAccount(),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "postal"],
    aliases: ["báo tử", "giấy chứng tử", "cắt khẩu người mất", "tiền mai táng"],
    popularity: 520,
  },
  {
    ...V1,
    code: "1.000894",
    name: "Đăng ký kết hôn",
    summary:
      "Dành cho nam, nữ là công dân Việt Nam cư trú trong nước muốn đăng ký kết hôn. Kết quả là Giấy chứng nhận kết hôn, trao khi cả hai bên có mặt.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "same_day",
      note: "Trường hợp cần xác minh: không quá 5 ngày làm việc. Hai bên nam, nữ phải cùng có mặt khi nhận Giấy chứng nhận kết hôn",
    },
    fees: {
      counter: 0,
      online: 0,
      note: "Miễn lệ phí kết hôn của công dân Việt Nam cư trú ở trong nước",
      legalBasis: LUAT_HO_TICH,
    },
    documents: [
      doc("Tờ khai đăng ký kết hôn", "original", { note: "Hai bên có thể dùng chung một tờ khai" }),
      doc("Giấy xác nhận tình trạng hôn nhân", "original", {
        required: false,
        note: "Khi một bên đăng ký thường trú ở xã, phường khác và thông tin chưa có trong cơ sở dữ liệu hộ tịch",
      }),
      doc("Trích lục ghi chú ly hôn hoặc bản án, quyết định ly hôn", "certified_copy", {
        required: false,
        note: "Nếu đã từng kết hôn và ly hôn",
      }),
    ],
    eform: {
      fields: [
        text("groomName", "Họ, chữ đệm và tên bên nam", true, 100),
        idNo("groomCitizenId", "Số định danh cá nhân bên nam"),
        text("brideName", "Họ, chữ đệm và tên bên nữ", true, 100),
        idNo("brideCitizenId", "Số định danh cá nhân bên nữ"),
        date("appointmentDate", "Ngày dự kiến hai bên đến nhận Giấy chứng nhận kết hôn", false),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter"],
    aliases: ["giấy hôn thú", "đăng ký kết hôn", "giấy đăng ký kết hôn", "làm giấy kết hôn"],
    popularity: 760,
  },
  {
    ...V1,
    code: "1.004873",
    name: "Cấp Giấy xác nhận tình trạng hôn nhân",
    summary:
      "Dành cho công dân cần chứng minh mình đang độc thân hoặc tình trạng hôn nhân để kết hôn, mua bán nhà đất hoặc việc khác. Kết quả là Giấy xác nhận tình trạng hôn nhân, có giá trị 6 tháng.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 15000, online: 0, note: "Nộp trực tuyến được miễn lệ phí", legalBasis: HDND },
    documents: [
      doc("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "original"),
      doc("Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ, chồng", "certified_copy", {
        required: false,
        note: `Nếu đã từng kết hôn; ${DATA_NOTE.toLowerCase()}`,
      }),
      doc("Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây", "original", {
        required: false,
        note: "Khi yêu cầu cấp lại để dùng vào mục đích khác hoặc giấy cũ đã hết hạn",
      }),
    ],
    eform: {
      fields: [
        fullName(),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        idNo(),
        select("maritalStatus", "Tình trạng hôn nhân hiện tại", [
          ["chua-ket-hon", "Chưa từng kết hôn"],
          ["da-ly-hon", "Đã ly hôn"],
          ["vo-chong-da-chet", "Vợ hoặc chồng đã chết"],
        ]),
        text("purpose", "Mục đích sử dụng giấy xác nhận"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["giấy xác nhận độc thân", "xác nhận độc thân", "giấy độc thân", "xác nhận tình trạng hôn nhân"],
    popularity: 720,
  },
  {
    ...V1,
    code: "1.001022",
    name: "Đăng ký nhận cha, mẹ, con",
    summary:
      "Dành cho người muốn được công nhận là cha, mẹ hoặc con của người khác khi không có tranh chấp. Kết quả là Trích lục đăng ký nhận cha, mẹ, con và thông tin hộ tịch được cập nhật.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 3, note: "Trường hợp cần xác minh: thêm không quá 5 ngày làm việc" },
    fees: { counter: 15000, online: 0, legalBasis: HDND },
    documents: [
      doc("Tờ khai đăng ký nhận cha, mẹ, con", "original"),
      doc("Chứng cứ chứng minh quan hệ cha, mẹ, con", "original_or_copy", {
        note: "Văn bản giám định ADN hoặc giấy tờ, đồ vật, chứng cứ khác chứng minh quan hệ",
      }),
    ],
    eform: {
      fields: [
        text("requesterName", "Họ, chữ đệm và tên người nhận", true, 100),
        idNo(),
        text("childName", "Họ, chữ đệm và tên người được nhận", true, 100),
        date("childDateOfBirth", "Ngày sinh của người được nhận"),
        select("relationship", "Nội dung yêu cầu", [
          ["cha-nhan-con", "Cha nhận con"],
          ["me-nhan-con", "Mẹ nhận con"],
          ["con-nhan-cha-me", "Con nhận cha, mẹ"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["nhận con", "nhận cha cho con"],
    popularity: 210,
  },
  {
    ...V1,
    code: "1.004837",
    name: "Đăng ký giám hộ",
    summary:
      "Dành cho người được cử hoặc đương nhiên làm người giám hộ cho trẻ em, người mất năng lực hành vi dân sự. Kết quả là Trích lục đăng ký giám hộ.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 0, online: 0, legalBasis: LUAT_HO_TICH },
    documents: [
      doc("Tờ khai đăng ký giám hộ", "original"),
      doc("Văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên", "original"),
    ],
    eform: {
      fields: [
        text("guardianName", "Họ, chữ đệm và tên người giám hộ", true, 100),
        idNo("guardianCitizenId", "Số định danh cá nhân của người giám hộ"),
        text("wardName", "Họ, chữ đệm và tên người được giám hộ", true, 100),
        date("wardDateOfBirth", "Ngày sinh của người được giám hộ"),
        select("guardianshipType", "Hình thức giám hộ", [
          ["giam-ho-cu", "Giám hộ cử"],
          ["giam-ho-duong-nhien", "Giám hộ đương nhiên"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: [],
    popularity: 60,
  },
  {
    ...V1,
    code: "1.004859",
    name: "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
    summary:
      "Dành cho người muốn đổi họ, tên, sửa sai sót hoặc bổ sung thông tin trong giấy khai sinh và sổ hộ tịch. Kết quả là Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 3, note: "Trường hợp cần xác minh: thêm không quá 3 ngày làm việc" },
    fees: { counter: 15000, online: 0, legalBasis: HDND },
    documents: [
      doc("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "original"),
      doc("Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung", "certified_copy"),
      doc("Giấy tờ hộ tịch cần thay đổi, cải chính, bổ sung", "original", {
        required: false,
        note: "Xuất trình bản chính để đối chiếu",
      }),
    ],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người có thông tin cần sửa"),
        idNo(),
        select("changeType", "Loại yêu cầu", [
          ["thay-doi", "Thay đổi"],
          ["cai-chinh", "Cải chính"],
          ["bo-sung", "Bổ sung"],
        ]),
        text("currentInfo", "Nội dung hiện đang ghi"),
        text("requestedInfo", "Nội dung đề nghị ghi lại"),
        longText("reason", "Lý do"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["sửa giấy khai sinh", "đổi tên", "cải chính hộ tịch", "sửa sai ngày sinh"],
    popularity: 260,
  },
  {
    ...V1,
    code: "1.004884",
    name: "Đăng ký lại khai sinh",
    summary:
      "Dành cho người đã đăng ký khai sinh nhưng cả sổ hộ tịch và bản chính Giấy khai sinh đều bị mất. Kết quả là Giấy khai sinh được đăng ký lại.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 5, note: "Thời hạn tham khảo; trường hợp cần xác minh có thể kéo dài" },
    fees: { counter: 10000, online: 0, legalBasis: HDND },
    documents: [
      doc("Tờ khai đăng ký lại khai sinh", "original"),
      doc("Bản sao Giấy khai sinh cũ hoặc giấy tờ có thông tin khai sinh", "copy", {
        note: "Ví dụ học bạ, văn bằng, hồ sơ công chức có ghi họ tên, ngày sinh",
      }),
      doc("Văn bản cam đoan đã đăng ký khai sinh nhưng không còn lưu giữ bản chính", "original", { required: false }),
    ],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người được đăng ký lại"),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        gender(),
        text("placeOfBirth", "Nơi sinh"),
        idNo(),
        longText("reason", "Lý do đăng ký lại"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["làm lại giấy khai sinh"],
    popularity: 150,
  },
  {
    ...V1,
    code: "2.000635",
    name: "Cấp bản sao Trích lục hộ tịch",
    summary:
      "Dành cho người cần bản sao giấy khai sinh, giấy chứng nhận kết hôn, trích lục khai tử đã đăng ký tại địa phương. Kết quả là bản sao trích lục hộ tịch (bản điện tử hoặc bản giấy).",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "same_day", note: "Hồ sơ tiếp nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo" },
    fees: { counter: 8000, online: 8000, per: "bản", legalBasis: "Thông tư 281/2016/TT-BTC" },
    documents: [doc("Tờ khai cấp bản sao trích lục hộ tịch", "original")],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người được cấp trích lục"),
        idNo(),
        select("documentType", "Loại trích lục", [
          ["khai-sinh", "Trích lục khai sinh"],
          ["ket-hon", "Trích lục kết hôn"],
          ["khai-tu", "Trích lục khai tử"],
          ["khac", "Trích lục khác"],
        ]),
        num("copies", "Số bản sao"),
        phone(),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online", "postal"],
    aliases: ["xin trích lục khai sinh", "bản sao giấy khai sinh", "trích lục kết hôn", "sao giấy khai sinh"],
    popularity: 780,
  },
  // ----- Chứng thực -----
  {
    ...V1,
    code: "2.000815",
    name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
    summary:
      "Dành cho người cần bản sao có chứng thực của giấy tờ như căn cước, bằng cấp, giấy khai sinh. Kết quả là bản sao được chứng thực từ bản chính.",
    fieldId: "chung-thuc",
    ...XA,
    agency: "Ủy ban nhân dân cấp xã (hoặc tổ chức hành nghề công chứng)",
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "same_day",
      note: "Tiếp nhận sau 15 giờ trả trong ngày làm việc tiếp theo; số lượng lớn có thể hẹn lại",
    },
    fees: {
      counter: 2000,
      online: 2000,
      per: "trang",
      note: "Từ trang thứ ba trở đi thu 1.000 đ/trang, tối đa 200.000 đ/bản",
      legalBasis: TT226,
    },
    documents: [
      doc("Bản chính giấy tờ, văn bản làm cơ sở chứng thực", "original"),
      doc("Bản sao cần chứng thực", "copy", {
        required: false,
        note: "Nếu người yêu cầu không mang bản sao, cơ quan chứng thực chụp từ bản chính",
      }),
    ],
    eform: {
      fields: [
        fullName(),
        text("documentName", "Tên giấy tờ cần chứng thực"),
        num("pages", "Số trang của giấy tờ"),
        num("copies", "Số bản cần chứng thực"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter", "postal"],
    aliases: ["photo công chứng", "công chứng bản sao", "sao y", "sao y bản chính", "chứng thực bản sao"],
    popularity: 950,
  },
  {
    ...V1,
    code: "2.000884",
    name: "Chứng thực chữ ký trong các giấy tờ, văn bản",
    summary:
      "Dành cho người cần xác nhận chữ ký của mình trên đơn, giấy ủy quyền hoặc văn bản khác. Kết quả là giấy tờ có lời chứng chữ ký.",
    fieldId: "chung-thuc",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "same_day", note: "Tiếp nhận sau 15 giờ trả trong ngày làm việc tiếp theo" },
    fees: { counter: 10000, online: 10000, per: "trường hợp", legalBasis: TT226 },
    documents: [
      doc("Giấy tờ tùy thân còn giá trị sử dụng", "original_or_copy", {
        note: "Xuất trình bản chính khi ký trước mặt người thực hiện chứng thực",
      }),
      doc("Giấy tờ, văn bản cần chứng thực chữ ký", "original"),
    ],
    eform: {
      fields: [fullName(), idNo(), text("documentName", "Tên giấy tờ, văn bản cần chứng thực chữ ký"), phone()],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter"],
    aliases: ["chứng thực chữ ký", "công chứng chữ ký", "xác nhận chữ ký"],
    popularity: 420,
  },
  {
    ...V1,
    code: "2.001035",
    name: "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
    summary:
      "Dành cho các bên ký hợp đồng mua bán, tặng cho, thế chấp, ủy quyền liên quan đến đất, nhà ở hoặc động sản. Kết quả là hợp đồng, giao dịch được chứng thực.",
    fieldId: "chung-thuc",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 2,
      note: "Có thể kéo dài hơn theo thỏa thuận bằng văn bản với người yêu cầu chứng thực",
    },
    fees: {
      counter: 50000,
      online: 50000,
      per: "hợp đồng",
      note: "Sửa đổi, bổ sung hợp đồng: 30.000 đ; sửa lỗi sai sót trong hợp đồng: 25.000 đ",
      legalBasis: TT226,
    },
    documents: [
      doc("Dự thảo hợp đồng, giao dịch", "original"),
      doc("Giấy tờ tùy thân của các bên tham gia", "copy", { note: "Xuất trình bản chính để đối chiếu" }),
      doc("Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ chứng minh quyền sở hữu tài sản", "copy", {
        note: "Xuất trình bản chính để đối chiếu",
      }),
    ],
    eform: {
      fields: [
        text("partyAName", "Họ, chữ đệm và tên bên A", true, 100),
        text("partyBName", "Họ, chữ đệm và tên bên B", true, 100),
        select("contractType", "Loại hợp đồng, giao dịch", [
          ["chuyen-nhuong", "Chuyển nhượng quyền sử dụng đất"],
          ["tang-cho", "Tặng cho"],
          ["the-chap", "Thế chấp"],
          ["uy-quyen", "Ủy quyền"],
          ["khac", "Khác"],
        ]),
        longText("propertyDescription", "Mô tả tài sản"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter"],
    aliases: ["công chứng hợp đồng", "chứng thực hợp đồng mua bán đất", "chứng thực hợp đồng"],
    popularity: 480,
  },
  // ----- Lý lịch tư pháp -----
  {
    ...V1,
    code: "2.000488", // mã tham khảo
    requiresVneid: true,
    name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
    summary:
      "Dành cho công dân Việt Nam và người nước ngoài cư trú tại Việt Nam cần chứng minh có hay không có án tích. Kết quả là Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản điện tử hoặc bản giấy).",
    fieldId: "ly-lich-tu-phap",
    ...tinh("so-tu-phap", "Sở Tư pháp"),
    serviceLevel: "toan_trinh",
    processingTime: {
      unit: "day",
      value: 10,
      note: "Không quá 15 ngày đối với người đã cư trú ở nhiều nơi, người nước ngoài hoặc trường hợp phải xác minh",
    },
    fees: {
      counter: 200000,
      online: 200000,
      note: "100.000 đ đối với sinh viên, người có công với cách mạng, thân nhân liệt sĩ; miễn cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo. Từ phiếu thứ 3 trở đi: 5.000 đ/phiếu",
      legalBasis: "Thông tư 244/2016/TT-BTC",
    },
    documents: [
      doc("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "original"),
      doc("Văn bản ủy quyền", "original", {
        required: false,
        note: "Khi ủy quyền cho người khác làm thủ tục (chỉ áp dụng với Phiếu số 1)",
      }),
      doc("Giấy tờ chứng minh thuộc diện được giảm, miễn phí", "original_or_copy", { required: false }),
    ],
    eform: {
      fields: [
        fullName(),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        idNo(),
        select("certificateType", "Loại phiếu", [
          ["phieu-so-1", "Phiếu lý lịch tư pháp số 1"],
          ["phieu-so-2", "Phiếu lý lịch tư pháp số 2"],
        ]),
        num("copies", "Số lượng phiếu"),
        text("purpose", "Mục đích sử dụng"),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["giấy không tiền án", "LLTP", "lý lịch tư pháp", "xin lý lịch tư pháp", "phiếu lý lịch tư pháp"],
    popularity: 930,
  },
  // ----- Cư trú -----
  {
    ...V1,
    code: "1.004222",
    name: "Đăng ký thường trú",
    summary:
      "Dành cho công dân muốn đăng ký nơi thường trú (nhập hộ khẩu) tại chỗ ở hợp pháp. Kết quả là thông tin thường trú được cập nhật vào Cơ sở dữ liệu về cư trú và thông báo cho người đăng ký.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 7 },
    fees: {
      counter: 20000,
      online: 10000,
      note: "Miễn lệ phí cho một số đối tượng (trẻ em, người cao tuổi, người khuyết tật, người có công, người thuộc hộ nghèo…)",
      legalBasis: TT75,
    },
    documents: [
      CT01("Có ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp, trừ khi đã đồng ý bằng văn bản hoặc trên ứng dụng VNeID"),
      doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "copy"),
      doc("Giấy tờ chứng minh quan hệ nhân thân với chủ hộ", "copy", {
        required: false,
        note: `Khi nhập vào hộ của người thân; ${DATA_NOTE.toLowerCase()}`,
      }),
    ],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người đăng ký"),
        idNo(),
        text("newAddress", "Địa chỉ nơi đăng ký thường trú"),
        text("householdHeadName", "Họ, chữ đệm và tên chủ hộ", true, 100),
        text("relationshipToHead", "Quan hệ với chủ hộ", true, 50),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter"],
    aliases: ["nhập hộ khẩu", "chuyển hộ khẩu", "đăng ký hộ khẩu", "nhập khẩu", "làm hộ khẩu"],
    popularity: 900,
  },
  {
    ...V1,
    code: "1.004194",
    name: "Đăng ký tạm trú",
    summary:
      "Dành cho công dân đến sinh sống, làm việc, học tập từ 30 ngày trở lên ngoài nơi thường trú. Kết quả là thông tin tạm trú được cập nhật vào Cơ sở dữ liệu về cư trú.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 15000, online: 7000, legalBasis: TT75 },
    documents: [
      CT01(),
      doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "copy", { note: "Ví dụ hợp đồng thuê nhà, giấy tờ nhà" }),
    ],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người đăng ký"),
        idNo(),
        text("tempAddress", "Địa chỉ nơi tạm trú"),
        date("fromDate", "Ngày bắt đầu tạm trú"),
        num("durationMonths", "Thời hạn tạm trú (tháng)"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter"],
    aliases: ["đăng ký tạm trú", "khai báo tạm trú", "làm tạm trú", "đăng ký tạm trú cho người thuê trọ"],
    popularity: 850,
  },
  {
    ...V1,
    code: "1.010040", // mã tham khảo
    name: "Gia hạn tạm trú",
    summary:
      "Dành cho người đã đăng ký tạm trú sắp hết thời hạn và tiếp tục ở lại. Kết quả là thời hạn tạm trú được gia hạn trong Cơ sở dữ liệu về cư trú.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3, note: "Nộp trong 15 ngày trước khi hết thời hạn tạm trú" },
    fees: { counter: 15000, online: 7000, legalBasis: TT75 },
    documents: [
      CT01(),
      doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "copy", {
        required: false,
        note: "Khi chỗ ở thay đổi chủ sở hữu hoặc có hợp đồng thuê mới",
      }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        text("tempAddress", "Địa chỉ nơi đang tạm trú"),
        num("extendMonths", "Thời hạn xin gia hạn (tháng)"),
        phone(),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online"],
    aliases: ["gia hạn tạm trú", "hết hạn tạm trú"],
    popularity: 430,
  },
  {
    ...V1,
    code: "1.003197",
    name: "Xóa đăng ký thường trú",
    summary:
      "Dành cho người thuộc trường hợp phải xóa thường trú (đã chết, định cư ở nước ngoài, vắng mặt lâu…) hoặc người thân của họ. Kết quả là thông tin thường trú được xóa trong Cơ sở dữ liệu về cư trú.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 5 },
    fees: { counter: 0, online: 0, legalBasis: "Thông tư 75/2022/TT-BTC (không thu lệ phí)" },
    documents: [CT01(), doc("Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú", "copy")],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người bị xóa đăng ký thường trú"),
        idNo(),
        text("address", "Địa chỉ thường trú hiện tại"),
        select("reason", "Lý do xóa đăng ký", [
          ["da-chet", "Người đã chết"],
          ["dinh-cu-nuoc-ngoai", "Định cư ở nước ngoài"],
          ["vang-mat-12-thang", "Vắng mặt liên tục từ 12 tháng trở lên"],
          ["khac", "Trường hợp khác"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter"],
    aliases: ["cắt khẩu", "cắt hộ khẩu", "xóa hộ khẩu"],
    popularity: 380,
  },
  {
    ...V1,
    code: "1.010038",
    name: "Tách hộ",
    summary:
      "Dành cho thành viên hộ gia đình muốn tách thành hộ riêng tại cùng chỗ ở hợp pháp. Kết quả là hộ mới được ghi nhận trong Cơ sở dữ liệu về cư trú.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 5 },
    fees: { counter: 10000, online: 5000, legalBasis: TT75 },
    documents: [CT01("Có ý kiến đồng ý của chủ hộ và chủ sở hữu chỗ ở hợp pháp")],
    eform: {
      fields: [
        fullName(),
        idNo(),
        text("address", "Địa chỉ thường trú"),
        text("newHouseholdHead", "Họ, chữ đệm và tên chủ hộ mới", true, 100),
        num("memberCount", "Số người trong hộ mới"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter"],
    aliases: ["tách hộ khẩu", "tách khẩu"],
    popularity: 300,
  },
  {
    ...V1,
    code: "1.010037", // mã tham khảo
    name: "Xác nhận thông tin về cư trú",
    summary:
      "Dành cho công dân cần giấy xác nhận nơi thường trú, tạm trú hoặc quá trình cư trú. Kết quả là Giấy xác nhận thông tin về cư trú (mẫu CT07), có giá trị 1 năm hoặc 30 ngày tùy nội dung.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 1, note: "Trường hợp cần xác minh: không quá 3 ngày làm việc" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Cư trú 2020; Thông tư 75/2022/TT-BTC" },
    documents: [CT01("Hoặc yêu cầu trực tiếp trên ứng dụng VNeID")],
    eform: {
      fields: [
        fullName(),
        idNo(),
        select("confirmContent", "Nội dung cần xác nhận", [
          ["thuong-tru", "Thông tin thường trú"],
          ["tam-tru", "Thông tin tạm trú"],
          ["qua-trinh-cu-tru", "Quá trình cư trú"],
        ]),
        text("purpose", "Mục đích sử dụng"),
        phone(),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online"],
    aliases: ["giấy xác nhận cư trú", "xác nhận cư trú", "CT07", "xác nhận hộ khẩu"],
    popularity: 760,
  },
  {
    ...V1,
    code: "1.010044", // mã tham khảo
    name: "Thông báo lưu trú",
    summary:
      "Dành cho chủ nhà, chủ cơ sở lưu trú có khách đến ở qua đêm. Kết quả là việc lưu trú được ghi nhận, không cấp giấy tờ.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: {
      unit: "same_day",
      note: "Thông báo trước 23 giờ trong ngày khách đến; khách đến sau 23 giờ thì thông báo trước 8 giờ sáng hôm sau",
    },
    fees: { counter: 0, online: 0, legalBasis: "Luật Cư trú 2020, Điều 30" },
    documents: [
      doc("Thông tin người lưu trú", "original", { note: "Khai trên ứng dụng VNeID, Cổng dịch vụ công hoặc trực tiếp" }),
    ],
    eform: {
      fields: [
        text("guestName", "Họ, chữ đệm và tên người lưu trú", true, 100),
        idNo("guestCitizenId", "Số định danh cá nhân hoặc số hộ chiếu của người lưu trú"),
        text("stayAddress", "Địa chỉ nơi lưu trú"),
        date("arrivalDate", "Ngày đến"),
        date("departureDate", "Ngày dự kiến đi", false),
        phone(),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online"],
    aliases: ["báo lưu trú", "khai báo lưu trú", "khai báo khách ở", "báo khách ngủ lại"],
    popularity: 400,
  },
  {
    ...V1,
    code: "1.010043", // mã tham khảo
    name: "Khai báo tạm vắng",
    summary:
      "Dành cho người thuộc diện phải khai báo khi đi khỏi nơi cư trú (bị can, người chấp hành án, người trong độ tuổi nghĩa vụ quân sự…) hoặc muốn khai báo. Kết quả là thông tin tạm vắng được cập nhật vào Cơ sở dữ liệu về cư trú.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 1, note: "Trường hợp phức tạp: không quá 2 ngày làm việc" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Cư trú 2020, Điều 31" },
    documents: [CT01()],
    eform: {
      fields: [
        fullName(),
        idNo(),
        text("destination", "Nơi đến"),
        date("fromDate", "Ngày bắt đầu tạm vắng"),
        date("toDate", "Ngày dự kiến trở về"),
        longText("reason", "Lý do tạm vắng"),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online"],
    aliases: ["báo tạm vắng", "khai tạm vắng"],
    popularity: 220,
  },
  {
    ...V1,
    code: "1.010036", // mã tham khảo
    name: "Xóa đăng ký tạm trú",
    summary:
      "Dành cho người đã đăng ký tạm trú nay không còn ở, hoặc chủ nhà khi người thuê đã chuyển đi. Kết quả là thông tin tạm trú được xóa trong Cơ sở dữ liệu về cư trú.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 1 },
    fees: { counter: 0, online: 0, legalBasis: "Luật Cư trú 2020, Điều 29" },
    documents: [CT01(), doc("Giấy tờ chứng minh thuộc trường hợp xóa đăng ký tạm trú", "copy", { required: false })],
    eform: {
      fields: [fullName(), idNo(), text("tempAddress", "Địa chỉ nơi tạm trú"), longText("reason", "Lý do xóa đăng ký"), phone()],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter"],
    aliases: ["xóa tạm trú", "cắt tạm trú"],
    popularity: 180,
  },
  {
    ...V1,
    code: "1.010039", // mã tham khảo
    name: "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú",
    summary:
      "Dành cho người có thay đổi chủ hộ, họ tên, ngày sinh hoặc địa chỉ (do thay đổi địa giới, tên đường) cần cập nhật thông tin cư trú. Kết quả là thông tin cư trú được điều chỉnh.",
    fieldId: "cu-tru",
    ...CA_XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 0, online: 0, legalBasis: "Luật Cư trú 2020, Điều 26" },
    documents: [CT01(), doc("Giấy tờ, tài liệu chứng minh thông tin thay đổi", "copy", { required: false, note: DATA_NOTE })],
    eform: {
      fields: [
        fullName(),
        idNo(),
        select("changeField", "Thông tin cần điều chỉnh", [
          ["ho-ten", "Họ, chữ đệm và tên"],
          ["ngay-sinh", "Ngày, tháng, năm sinh"],
          ["chu-ho", "Chủ hộ"],
          ["dia-chi", "Địa chỉ (do thay đổi địa giới, tên đường, số nhà)"],
          ["khac", "Khác"],
        ]),
        text("newValue", "Thông tin mới"),
        longText("reason", "Lý do"),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online"],
    aliases: ["sửa thông tin cư trú", "điều chỉnh hộ khẩu", "đổi chủ hộ"],
    popularity: 260,
  },
  // ----- Căn cước, xuất nhập cảnh -----
  {
    ...V1,
    code: "1.012880", // mã tham khảo
    name: "Cấp, đổi, cấp lại thẻ căn cước",
    summary:
      "Dành cho công dân Việt Nam cần làm thẻ căn cước lần đầu, đổi thẻ (hết hạn, đủ tuổi phải đổi, thay đổi thông tin) hoặc cấp lại khi bị mất. Kết quả là thẻ căn cước gắn chip.",
    fieldId: "can-cuoc",
    ...tinh("cong-an-tinh", "Công an tỉnh; Công an cấp xã được giao tiếp nhận"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 7,
      note: "Thời hạn tham khảo, cần đối chiếu Luật Căn cước 2023. Phải có mặt để thu nhận ảnh, vân tay, mống mắt",
    },
    fees: {
      counter: 50000,
      online: 50000,
      note: "Cấp lần đầu: miễn lệ phí; cấp đổi: 50.000 đ; cấp lại: 70.000 đ",
      legalBasis: "Thông tư 59/2019/TT-BTC, sửa đổi bởi Thông tư 73/2024/TT-BTC",
    },
    documents: [
      doc("Tờ khai căn cước", "original", {
        required: false,
        template: "CC01",
        note: "Cán bộ in từ cơ sở dữ liệu; người dưới 14 tuổi do người đại diện hợp pháp kê khai",
      }),
      doc("Thẻ căn cước công dân hoặc thẻ căn cước cũ", "original", { required: false, note: "Nộp lại khi cấp đổi" }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        select("requestType", "Loại yêu cầu", [
          ["cap-moi", "Cấp lần đầu"],
          ["cap-doi", "Cấp đổi"],
          ["cap-lai", "Cấp lại"],
        ]),
        text("reason", "Lý do cấp đổi, cấp lại", false),
        date("appointmentDate", "Ngày đăng ký đến thu nhận sinh trắc học"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter", "postal"],
    aliases: ["làm CCCD", "làm lại căn cước", "CCCD", "căn cước công dân", "đổi căn cước", "làm căn cước", "mất căn cước"],
    popularity: 890,
  },
  {
    ...V1,
    code: "2.002227", // mã tham khảo
    name: "Cấp hộ chiếu phổ thông ở trong nước",
    summary:
      "Dành cho công dân Việt Nam cần hộ chiếu để xuất cảnh đi du lịch, học tập, làm việc. Kết quả là hộ chiếu phổ thông, nhận trực tiếp hoặc qua bưu điện.",
    fieldId: "xuat-nhap-canh",
    ...tinh("cong-an-tinh", "Công an tỉnh (Phòng Quản lý xuất nhập cảnh)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 8 },
    fees: {
      counter: 200000,
      online: 200000,
      note: "Cấp lại do bị hỏng hoặc bị mất: 400.000 đ",
      legalBasis: "Thông tư 25/2021/TT-BTC",
    },
    documents: [
      doc("Tờ khai đề nghị cấp hộ chiếu phổ thông", "original", {
        template: "TK01",
        note: "Khai trực tuyến trên Cổng dịch vụ công",
      }),
      doc("Ảnh chân dung", "original", { note: "Nền trắng, cỡ 4 x 6 cm, chụp không quá 6 tháng; nộp trực tuyến thì tải ảnh" }),
      doc("Hộ chiếu cũ", "original", { required: false, note: "Nếu đã được cấp hộ chiếu" }),
    ],
    eform: {
      fields: [
        fullName(),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        gender(),
        idNo(),
        text("deliveryAddress", "Địa chỉ nhận hộ chiếu qua bưu điện", false),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["làm passport", "hộ chiếu", "làm hộ chiếu", "passport"],
    popularity: 820,
  },
  // ----- Giấy phép lái xe, đăng ký xe -----
  {
    ...V1,
    code: "1.002804", // mã tham khảo
    effectiveFrom: "2025-03-01",
    name: "Cấp đổi giấy phép lái xe",
    summary:
      "Dành cho người có giấy phép lái xe sắp hết hạn, hết hạn hoặc giấy phép cũ bằng giấy bìa cần đổi. Kết quả là giấy phép lái xe mới bằng vật liệu PET, có bản điện tử trên VNeID.",
    fieldId: "giay-phep-lai-xe",
    ...tinh("cong-an-tinh", "Công an tỉnh (Phòng Cảnh sát giao thông)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 5 },
    fees: {
      counter: 135000,
      online: 115000,
      legalBasis: GPLX_FEE_BASIS,
      onlineUntil: "2025-12-31",
      note: "Mức thu trực tuyến 115.000 đ áp dụng đến hết 31/12/2025",
    },
    documents: [
      doc("Đơn đề nghị đổi, cấp lại giấy phép lái xe", "original"),
      doc("Giấy khám sức khỏe của người lái xe", "original", {
        note: "Do cơ sở y tế có thẩm quyền cấp; không phải nộp nếu đã liên thông dữ liệu điện tử",
      }),
      doc("Giấy phép lái xe đang sử dụng", "original", { note: "Nộp trực tuyến thì tải ảnh hai mặt" }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        text("licenceNumber", "Số giấy phép lái xe", true, 20),
        select("licenceClass", "Hạng giấy phép lái xe", LICENCE_CLASSES),
        date("expiryDate", "Ngày hết hạn ghi trên giấy phép", false),
        text("deliveryAddress", "Địa chỉ nhận giấy phép qua bưu điện", false),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["bằng lái", "đổi bằng lái", "GPLX", "đổi giấy phép lái xe", "bằng lái xe", "đổi bằng lái xe"],
    popularity: 920,
  },
  {
    ...V1,
    code: "1.002835", // mã tham khảo
    effectiveFrom: "2025-03-01",
    name: "Cấp giấy phép lái xe quốc tế",
    summary:
      "Dành cho người có giấy phép lái xe Việt Nam còn hạn cần lái xe ở các nước tham gia Công ước Viên 1968. Kết quả là giấy phép lái xe quốc tế có thời hạn không quá 3 năm.",
    fieldId: "giay-phep-lai-xe",
    ...tinh("cong-an-tinh", "Công an tỉnh (Phòng Cảnh sát giao thông)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 5 },
    fees: {
      counter: 135000,
      online: 115000,
      legalBasis: GPLX_FEE_BASIS,
      onlineUntil: "2025-12-31",
      note: "Mức thu trực tuyến 115.000 đ áp dụng đến hết 31/12/2025",
    },
    documents: [
      doc("Đơn đề nghị cấp giấy phép lái xe quốc tế", "original"),
      doc("Giấy phép lái xe quốc gia còn hạn", "original", { note: "Xuất trình hoặc tải ảnh khi nộp trực tuyến" }),
      doc("Ảnh chân dung", "original", { note: "Cỡ 3 x 4 cm, nền trắng" }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        text("licenceNumber", "Số giấy phép lái xe Việt Nam", true, 20),
        text("passportNumber", "Số hộ chiếu", false, 20),
        text("destinationCountry", "Nước dự định sử dụng", false),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["bằng lái quốc tế", "IDP", "GPLX quốc tế", "bằng lái xe quốc tế"],
    popularity: 260,
  },
  {
    ...V1,
    code: "1.002807", // mã tham khảo
    effectiveFrom: "2025-03-01",
    name: "Cấp lại giấy phép lái xe",
    summary:
      "Dành cho người bị mất giấy phép lái xe hoặc giấy phép quá hạn cần cấp lại. Kết quả là giấy phép lái xe được cấp lại, có bản điện tử trên VNeID.",
    fieldId: "giay-phep-lai-xe",
    ...tinh("cong-an-tinh", "Công an tỉnh (Phòng Cảnh sát giao thông)"),
    serviceLevel: "toan_trinh",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Thời hạn tham khảo; trường hợp phải sát hạch lại thì theo lịch sát hạch",
    },
    fees: {
      counter: 135000,
      online: 115000,
      legalBasis: GPLX_FEE_BASIS,
      onlineUntil: "2025-12-31",
      note: "Mức thu trực tuyến 115.000 đ áp dụng đến hết 31/12/2025; phí sát hạch (nếu có) thu riêng",
    },
    documents: [
      doc("Đơn đề nghị đổi, cấp lại giấy phép lái xe", "original"),
      doc("Giấy khám sức khỏe của người lái xe", "original", {
        note: "Không phải nộp nếu đã liên thông dữ liệu điện tử",
      }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        text("licenceNumber", "Số giấy phép lái xe (nếu còn nhớ)", false, 20),
        select("licenceClass", "Hạng giấy phép lái xe", LICENCE_CLASSES),
        select("reason", "Lý do cấp lại", [
          ["bi-mat", "Bị mất"],
          ["qua-han", "Quá hạn sử dụng"],
          ["khac", "Khác"],
        ]),
        text("deliveryAddress", "Địa chỉ nhận giấy phép qua bưu điện", false),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["làm lại bằng lái", "mất bằng lái", "cấp lại bằng lái", "bằng lái quá hạn"],
    popularity: 520,
  },
  {
    ...V1,
    code: "1.012870", // mã tham khảo
    name: "Đăng ký xe mô tô, xe gắn máy lần đầu",
    summary:
      "Dành cho chủ xe mới mua xe mô tô, xe gắn máy cần đăng ký và gắn biển số. Kết quả là chứng nhận đăng ký xe và biển số định danh.",
    fieldId: "dang-ky-xe",
    ...CA_XA,
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 2,
      note: "Thời hạn tham khảo; biển số được cấp ngay khi hồ sơ hợp lệ, chứng nhận đăng ký trả sau",
    },
    fees: {
      counter: 150000,
      online: 150000,
      note: "Mức thu theo khu vực và giá trị xe, từ 150.000 đ đến 4.000.000 đ; chưa gồm lệ phí trước bạ",
      legalBasis: "Thông tư 60/2023/TT-BTC",
    },
    documents: [
      doc("Giấy khai đăng ký xe", "original", { note: "Kê khai trực tuyến trên Cổng dịch vụ công" }),
      doc("Hóa đơn mua bán xe", "original_or_copy", {
        note: "Hóa đơn điện tử được tra cứu trên hệ thống, không phải nộp bản giấy",
      }),
      doc("Chứng từ nộp lệ phí trước bạ", "original", { note: `Dữ liệu điện tử từ cơ quan thuế; ${DATA_NOTE.toLowerCase()}` }),
      doc("Phiếu kiểm tra chất lượng xuất xưởng hoặc tờ khai nguồn gốc xe nhập khẩu", "original"),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên chủ xe", true, 100),
        idNo(),
        text("vehicleBrand", "Nhãn hiệu, số loại xe"),
        text("engineNumber", "Số máy", true, 30),
        text("chassisNumber", "Số khung", true, 30),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter", "postal"],
    aliases: ["đăng ký xe máy", "làm cà vẹt", "bấm biển số", "biển số xe máy", "đăng ký xe mới"],
    popularity: 640,
  },
  {
    ...V1,
    code: "1.012872", // mã tham khảo
    name: "Đăng ký sang tên xe",
    summary:
      "Dành cho người mua, được tặng cho, thừa kế xe mô tô, xe gắn máy đã đăng ký. Kết quả là chứng nhận đăng ký xe mang tên chủ mới; biển số định danh được giữ hoặc cấp theo quy định.",
    fieldId: "dang-ky-xe",
    ...CA_XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 2, note: "Thời hạn tham khảo" },
    fees: {
      counter: 50000,
      online: 50000,
      note: "Cấp chứng nhận đăng ký không kèm biển số; cấp biển số mới thu theo mức cấp lần đầu",
      legalBasis: "Thông tư 60/2023/TT-BTC",
    },
    documents: [
      doc("Giấy khai đăng ký xe", "original"),
      doc("Chứng từ chuyển quyền sở hữu xe", "original", {
        note: "Hợp đồng mua bán, tặng cho có công chứng hoặc chứng thực, văn bản thừa kế hoặc hóa đơn",
      }),
      doc("Chứng từ nộp lệ phí trước bạ", "original", { note: DATA_NOTE }),
    ],
    eform: {
      fields: [
        text("newOwnerName", "Họ, chữ đệm và tên chủ xe mới", true, 100),
        idNo(),
        text("plateNumber", "Biển số xe", true, 15),
        text("previousOwnerName", "Họ, chữ đệm và tên chủ xe cũ", true, 100),
        date("transferDate", "Ngày ký hợp đồng, chứng từ chuyển quyền sở hữu"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["sang tên xe", "sang tên xe máy", "sang tên cà vẹt", "mua xe cũ sang tên"],
    popularity: 480,
  },
  // ----- Hộ kinh doanh -----
  {
    ...V1,
    code: "1.001612", // mã tham khảo
    name: "Đăng ký thành lập hộ kinh doanh",
    summary:
      "Dành cho cá nhân hoặc thành viên hộ gia đình muốn mở cửa hàng, quán ăn, cơ sở kinh doanh nhỏ. Kết quả là Giấy chứng nhận đăng ký hộ kinh doanh.",
    fieldId: "ho-kinh-doanh",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 100000, online: 50000, legalBasis: HDND },
    documents: [
      doc("Giấy đề nghị đăng ký hộ kinh doanh", "original", { template: "Phụ lục III-1" }),
      doc("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh", "original", {
        required: false,
        note: "Khi các thành viên hộ gia đình cùng đăng ký",
      }),
      doc("Văn bản ủy quyền cho thành viên làm chủ hộ kinh doanh", "original", { required: false }),
    ],
    eform: {
      fields: [
        text("householdBusinessName", "Tên hộ kinh doanh"),
        text("ownerName", "Họ, chữ đệm và tên chủ hộ kinh doanh", true, 100),
        idNo(),
        text("businessAddress", "Địa điểm kinh doanh"),
        longText("businessLines", "Ngành, nghề kinh doanh"),
        num("capital", "Vốn kinh doanh (đồng)"),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["mở quán", "kinh doanh cá thể", "đăng ký kinh doanh hộ gia đình", "giấy phép kinh doanh hộ", "mở tiệm"],
    popularity: 700,
  },
  {
    ...V1,
    code: "2.000720", // mã tham khảo
    name: "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
    summary:
      "Dành cho hộ kinh doanh thay đổi tên, địa điểm, ngành nghề, vốn hoặc chủ hộ. Kết quả là Giấy chứng nhận đăng ký hộ kinh doanh được cấp mới theo nội dung thay đổi.",
    fieldId: "ho-kinh-doanh",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 50000, online: 0, legalBasis: HDND },
    documents: [
      doc("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", "original", { template: "Phụ lục III-2" }),
      doc("Biên bản họp thành viên hộ gia đình", "original", { required: false, note: "Khi thay đổi chủ hộ kinh doanh" }),
    ],
    eform: {
      fields: [
        text("householdBusinessCode", "Mã số hộ kinh doanh", true, 20),
        text("householdBusinessName", "Tên hộ kinh doanh"),
        select("changeContent", "Nội dung thay đổi", [
          ["ten", "Tên hộ kinh doanh"],
          ["dia-diem", "Địa điểm kinh doanh"],
          ["nganh-nghe", "Ngành, nghề kinh doanh"],
          ["von", "Vốn kinh doanh"],
          ["chu-ho", "Chủ hộ kinh doanh"],
        ]),
        longText("details", "Nội dung đăng ký sau khi thay đổi"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["đổi giấy phép kinh doanh hộ", "thay đổi hộ kinh doanh", "đổi địa chỉ quán"],
    popularity: 260,
  },
  {
    ...V1,
    code: "1.001570", // mã tham khảo
    name: "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh",
    summary:
      "Dành cho hộ kinh doanh muốn tạm nghỉ hoặc mở lại sớm hơn thời hạn đã báo. Kết quả là giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng hoặc tiếp tục kinh doanh.",
    fieldId: "ho-kinh-doanh",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3, note: "Thông báo chậm nhất 3 ngày làm việc trước ngày tạm ngừng" },
    fees: { counter: 0, online: 0, legalBasis: "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp" },
    documents: [doc("Thông báo về việc tạm ngừng hoặc tiếp tục kinh doanh của hộ kinh doanh", "original")],
    eform: {
      fields: [
        text("householdBusinessCode", "Mã số hộ kinh doanh", true, 20),
        text("householdBusinessName", "Tên hộ kinh doanh"),
        date("fromDate", "Tạm ngừng từ ngày"),
        date("toDate", "Đến ngày"),
        longText("reason", "Lý do", false),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter"],
    aliases: ["tạm nghỉ bán", "tạm ngừng hộ kinh doanh", "tạm đóng quán"],
    popularity: 140,
  },
  {
    ...V1,
    code: "1.001266", // mã tham khảo
    name: "Chấm dứt hoạt động hộ kinh doanh",
    summary:
      "Dành cho hộ kinh doanh không tiếp tục kinh doanh và muốn đóng hộ. Kết quả là thông báo về việc chấm dứt hoạt động, Giấy chứng nhận đăng ký hộ kinh doanh hết hiệu lực.",
    fieldId: "ho-kinh-doanh",
    ...XA,
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: { counter: 0, online: 0, legalBasis: "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp" },
    documents: [
      doc("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", "original"),
      doc("Giấy chứng nhận đăng ký hộ kinh doanh", "original", { required: false, note: "Nộp lại nếu đã được cấp bản giấy" }),
    ],
    eform: {
      fields: [
        text("householdBusinessCode", "Mã số hộ kinh doanh", true, 20),
        text("householdBusinessName", "Tên hộ kinh doanh"),
        text("ownerName", "Họ, chữ đệm và tên chủ hộ kinh doanh", true, 100),
        date("endDate", "Ngày chấm dứt hoạt động"),
        longText("reason", "Lý do", false),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter"],
    aliases: ["đóng hộ kinh doanh", "nghỉ kinh doanh", "trả giấy phép kinh doanh", "đóng quán"],
    popularity: 160,
  },
  // ----- Doanh nghiệp -----
  {
    ...V1,
    code: "2.001610", // mã tham khảo
    name: "Đăng ký thành lập doanh nghiệp",
    summary:
      "Dành cho cá nhân, tổ chức thành lập doanh nghiệp tư nhân, công ty trách nhiệm hữu hạn, công ty cổ phần hoặc công ty hợp danh. Kết quả là Giấy chứng nhận đăng ký doanh nghiệp kèm mã số doanh nghiệp (mã số thuế).",
    fieldId: "doanh-nghiep",
    ...tinh("so-tai-chinh", "Sở Tài chính (Phòng Đăng ký kinh doanh)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: {
      counter: 50000,
      online: 0,
      note: "Nộp trực tuyến được miễn lệ phí; chưa gồm phí công bố nội dung đăng ký doanh nghiệp 100.000 đ",
      legalBasis: "Thông tư 47/2019/TT-BTC",
    },
    documents: [
      doc("Giấy đề nghị đăng ký doanh nghiệp", "original", {
        template: "Phụ lục I-2",
        note: "Mẫu theo loại hình: I-1 doanh nghiệp tư nhân, I-2 TNHH một thành viên, I-3 TNHH hai thành viên trở lên, I-4 cổ phần",
      }),
      doc("Điều lệ công ty", "original", { required: false, note: "Không áp dụng với doanh nghiệp tư nhân" }),
      doc("Danh sách thành viên hoặc cổ đông sáng lập", "original", {
        required: false,
        note: "Với công ty có từ hai thành viên, cổ đông trở lên",
      }),
      doc("Giấy tờ pháp lý của cá nhân, tổ chức là chủ sở hữu, thành viên, cổ đông", "copy", { note: DATA_NOTE }),
    ],
    eform: {
      fields: [
        text("companyName", "Tên doanh nghiệp dự kiến"),
        select("companyType", "Loại hình doanh nghiệp", [
          ["dntn", "Doanh nghiệp tư nhân"],
          ["tnhh-1tv", "Công ty TNHH một thành viên"],
          ["tnhh-2tv", "Công ty TNHH hai thành viên trở lên"],
          ["co-phan", "Công ty cổ phần"],
          ["hop-danh", "Công ty hợp danh"],
        ]),
        text("headOfficeAddress", "Địa chỉ trụ sở chính"),
        num("charterCapital", "Vốn điều lệ (đồng)"),
        text("legalRepName", "Họ, chữ đệm và tên người đại diện theo pháp luật", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter", "postal"],
    aliases: [
      "thành lập công ty",
      "mở công ty",
      "đăng ký kinh doanh công ty",
      "giấy phép kinh doanh",
      "giấy phép đăng ký kinh doanh",
    ],
    popularity: 600,
  },
  {
    ...V1,
    code: "2.002042", // mã tham khảo
    name: "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
    summary:
      "Dành cho doanh nghiệp thay đổi tên, địa chỉ trụ sở, người đại diện theo pháp luật, vốn điều lệ hoặc thành viên, cổ đông. Kết quả là Giấy chứng nhận đăng ký doanh nghiệp cập nhật nội dung thay đổi.",
    fieldId: "doanh-nghiep",
    ...tinh("so-tai-chinh", "Sở Tài chính (Phòng Đăng ký kinh doanh)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3 },
    fees: {
      counter: 50000,
      online: 0,
      note: "Nộp trực tuyến được miễn lệ phí; phí công bố thông tin 100.000 đ nếu nội dung thay đổi phải công bố",
      legalBasis: "Thông tư 47/2019/TT-BTC",
    },
    documents: [
      doc("Giấy đề nghị đăng ký thay đổi nội dung đăng ký doanh nghiệp", "original", { template: "Phụ lục II-1" }),
      doc("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông", "original"),
    ],
    eform: {
      fields: [
        text("enterpriseCode", "Mã số doanh nghiệp", true, 20),
        text("companyName", "Tên doanh nghiệp"),
        select("changeContent", "Nội dung thay đổi", [
          ["dia-chi", "Địa chỉ trụ sở chính"],
          ["nguoi-dai-dien", "Người đại diện theo pháp luật"],
          ["von-dieu-le", "Vốn điều lệ"],
          ["ten", "Tên doanh nghiệp"],
          ["thanh-vien", "Thành viên, cổ đông"],
          ["khac", "Nội dung khác"],
        ]),
        longText("details", "Nội dung sau khi thay đổi"),
        phone(),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online", "postal"],
    aliases: ["thay đổi giấy phép kinh doanh", "đổi địa chỉ công ty", "thay đổi người đại diện công ty", "tăng vốn điều lệ"],
    popularity: 450,
  },
  {
    ...V1,
    code: "2.002008", // mã tham khảo
    name: "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo",
    summary:
      "Dành cho doanh nghiệp, chi nhánh muốn tạm ngừng kinh doanh hoặc hoạt động lại sớm hơn thời hạn đã báo. Kết quả là giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng hoặc tiếp tục kinh doanh.",
    fieldId: "doanh-nghiep",
    ...tinh("so-tai-chinh", "Sở Tài chính (Phòng Đăng ký kinh doanh)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 3, note: "Thông báo chậm nhất 3 ngày làm việc trước ngày tạm ngừng" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Doanh nghiệp 2020, Điều 206" },
    documents: [
      doc("Thông báo tạm ngừng kinh doanh hoặc tiếp tục kinh doanh", "original"),
      doc("Nghị quyết, quyết định về việc tạm ngừng kinh doanh", "original"),
    ],
    eform: {
      fields: [
        text("enterpriseCode", "Mã số doanh nghiệp", true, 20),
        text("companyName", "Tên doanh nghiệp"),
        date("fromDate", "Tạm ngừng từ ngày"),
        date("toDate", "Đến ngày"),
        longText("reason", "Lý do", false),
      ],
    },
    onlineOnly: true,
    essential: false,
    resultDelivery: ["online"],
    aliases: ["tạm ngừng kinh doanh", "tạm dừng công ty", "tạm ngưng hoạt động công ty"],
    popularity: 300,
  },
  {
    ...V1,
    code: "2.002022", // mã tham khảo
    name: "Giải thể doanh nghiệp",
    summary:
      "Dành cho doanh nghiệp đã thanh toán hết các khoản nợ và muốn chấm dứt tồn tại. Kết quả là tình trạng pháp lý của doanh nghiệp được cập nhật thành đã giải thể trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp.",
    fieldId: "doanh-nghiep",
    ...tinh("so-tai-chinh", "Sở Tài chính (Phòng Đăng ký kinh doanh)"),
    serviceLevel: "toan_trinh",
    processingTime: {
      unit: "working_day",
      value: 5,
      note: "Phòng Đăng ký kinh doanh lấy ý kiến cơ quan thuế trước khi cập nhật tình trạng",
    },
    fees: { counter: 0, online: 0, legalBasis: "Luật Doanh nghiệp 2020, Điều 208" },
    documents: [
      doc("Thông báo về việc giải thể doanh nghiệp", "original"),
      doc("Báo cáo thanh lý tài sản; danh sách chủ nợ và số nợ đã thanh toán", "original"),
      doc("Nghị quyết, quyết định giải thể doanh nghiệp", "original"),
    ],
    eform: {
      fields: [
        text("enterpriseCode", "Mã số doanh nghiệp", true, 20),
        text("companyName", "Tên doanh nghiệp"),
        date("dissolutionDecisionDate", "Ngày ra quyết định giải thể"),
        text("legalRepName", "Người đại diện theo pháp luật", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter"],
    aliases: ["đóng cửa công ty", "giải thể công ty", "đóng công ty"],
    popularity: 150,
  },
  // ----- Thương mại, an toàn thực phẩm -----
  {
    ...V1,
    code: "2.000591", // mã tham khảo
    name: "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống",
    summary:
      "Dành cho nhà hàng, quán ăn, bếp ăn tập thể thuộc diện phải có giấy chứng nhận. Kết quả là Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, có giá trị 3 năm.",
    fieldId: "an-toan-thuc-pham",
    ...tinh("so-y-te", "Sở Y tế (Chi cục An toàn vệ sinh thực phẩm)"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 20, note: "Gồm thời gian thẩm định thực tế tại cơ sở" },
    fees: {
      counter: 700000,
      online: 700000,
      note: "Cơ sở phục vụ từ 200 suất ăn trở lên: 1.000.000 đ",
      legalBasis: "Thông tư 67/2021/TT-BTC",
    },
    documents: [
      doc("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "original"),
      doc("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ", "original"),
      doc("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến", "copy"),
      doc("Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm", "copy"),
    ],
    eform: {
      fields: [
        text("facilityName", "Tên cơ sở"),
        text("businessCode", "Số Giấy chứng nhận đăng ký kinh doanh", true, 20),
        text("facilityAddress", "Địa chỉ cơ sở"),
        num("mealsPerDay", "Số suất ăn phục vụ mỗi ngày"),
        text("ownerName", "Họ, chữ đệm và tên chủ cơ sở", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["giấy chứng nhận vệ sinh an toàn thực phẩm", "giấy ATTP", "giấy vệ sinh an toàn thực phẩm", "mở quán ăn"],
    popularity: 330,
  },
  {
    ...V1,
    code: "2.000620", // mã tham khảo
    name: "Cấp Giấy phép bán lẻ rượu",
    summary:
      "Dành cho doanh nghiệp, hộ kinh doanh bán lẻ rượu có độ cồn từ 5,5 độ trở lên tại cửa hàng. Kết quả là Giấy phép bán lẻ rượu có thời hạn 5 năm.",
    fieldId: "luu-thong-hang-hoa",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 10 },
    fees: { counter: 600000, online: 300000, legalBasis: HDND },
    documents: [
      doc("Đơn đề nghị cấp Giấy phép bán lẻ rượu", "original"),
      doc("Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh", "copy", { note: DATA_NOTE }),
      doc("Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh", "copy"),
      doc("Văn bản giới thiệu hoặc hợp đồng với thương nhân sản xuất, phân phối, bán buôn rượu", "copy"),
    ],
    eform: {
      fields: [
        text("businessName", "Tên doanh nghiệp hoặc hộ kinh doanh"),
        text("businessCode", "Mã số doanh nghiệp hoặc mã số hộ kinh doanh", true, 20),
        text("storeAddress", "Địa chỉ cửa hàng"),
        text("ownerName", "Người đại diện", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["giấy phép bán rượu", "giấy phép kinh doanh rượu"],
    popularity: 110,
  },
  {
    ...V1,
    code: "2.000669", // mã tham khảo
    name: "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
    summary:
      "Dành cho thương nhân mở hoặc tiếp nhận cửa hàng bán lẻ xăng dầu. Kết quả là Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu.",
    fieldId: "luu-thong-hang-hoa",
    ...tinh("so-cong-thuong", "Sở Công Thương"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 15, note: "Gồm thời gian kiểm tra thực tế cửa hàng" },
    fees: {
      counter: 1200000,
      online: 1200000,
      note: "Mức thu tham khảo; cửa hàng tại xã: 600.000 đ",
      legalBasis: "Thông tư 168/2016/TT-BTC",
    },
    documents: [
      doc("Đơn đề nghị cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "original"),
      doc("Giấy chứng nhận đăng ký doanh nghiệp", "copy", { note: DATA_NOTE }),
      doc("Giấy tờ về thẩm duyệt, nghiệm thu phòng cháy và chữa cháy", "copy"),
      doc("Giấy tờ chứng minh quyền sử dụng cửa hàng", "copy"),
    ],
    eform: {
      fields: [
        text("companyName", "Tên thương nhân"),
        text("enterpriseCode", "Mã số doanh nghiệp", true, 20),
        text("storeAddress", "Địa chỉ cửa hàng"),
        text("storeManagerName", "Người quản lý cửa hàng", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["giấy phép cây xăng", "mở cây xăng"],
    popularity: 40,
  },
  // ----- Xây dựng -----
  {
    ...V1,
    code: "1.009994", // mã tham khảo
    name: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
    summary:
      "Dành cho hộ gia đình, cá nhân xây nhà ở riêng lẻ thuộc diện phải có giấy phép. Kết quả là Giấy phép xây dựng kèm bản vẽ được đóng dấu.",
    fieldId: "xay-dung",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "day", value: 15 },
    fees: { counter: 75000, online: 40000, legalBasis: HDND },
    documents: [
      doc("Đơn đề nghị cấp giấy phép xây dựng", "original", { template: "Mẫu số 01" }),
      doc("Giấy tờ chứng minh quyền sử dụng đất", "copy", { note: "Xuất trình bản chính để đối chiếu khi nộp trực tiếp" }),
      doc("Bản vẽ thiết kế xây dựng", "original", {
        count: 2,
        note: "Mặt bằng, mặt cắt, mặt đứng, móng và sơ đồ đấu nối hạ tầng kỹ thuật",
      }),
      doc("Bản cam kết bảo đảm an toàn công trình liền kề", "original", {
        required: false,
        note: "Khi công trình có tầng hầm hoặc xây chen",
      }),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên chủ đầu tư", true, 100),
        idNo(),
        text("plotAddress", "Địa chỉ lô đất xây dựng"),
        text("landCertificateNumber", "Số Giấy chứng nhận quyền sử dụng đất", true, 30),
        num("floorArea", "Tổng diện tích sàn xây dựng (m²)"),
        num("floors", "Số tầng"),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter", "postal"],
    aliases: ["xin phép xây nhà", "giấy phép xây dựng", "xin giấy phép xây dựng", "xin phép xây dựng nhà ở"],
    popularity: 560,
  },
  {
    ...V1,
    code: "1.009995", // mã tham khảo
    name: "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ",
    summary:
      "Dành cho hộ gia đình, cá nhân sửa chữa, cải tạo nhà ở làm thay đổi kết cấu chịu lực hoặc kiến trúc mặt ngoài. Kết quả là Giấy phép xây dựng sửa chữa, cải tạo.",
    fieldId: "xay-dung",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "day", value: 15 },
    fees: { counter: 75000, online: 40000, legalBasis: HDND },
    documents: [
      doc("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo", "original", { template: "Mẫu số 01" }),
      doc("Giấy tờ chứng minh quyền sở hữu, sử dụng công trình", "copy"),
      doc("Bản vẽ, ảnh chụp hiện trạng bộ phận công trình đề nghị sửa chữa, cải tạo", "original"),
      doc("Bản vẽ thiết kế sửa chữa, cải tạo", "original", { count: 2 }),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên chủ sở hữu", true, 100),
        idNo(),
        text("buildingAddress", "Địa chỉ công trình"),
        text("certificateNumber", "Số Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở", true, 30),
        longText("workDescription", "Nội dung sửa chữa, cải tạo"),
        num("floorArea", "Diện tích sàn sau sửa chữa, cải tạo (m²)", false),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["xin phép sửa nhà", "giấy phép sửa chữa nhà", "xin phép cơi nới", "xin phép nâng tầng"],
    popularity: 260,
  },
  {
    ...V1,
    code: "1.009972", // mã tham khảo
    name: "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
    summary:
      "Dành cho cá nhân làm thiết kế, giám sát, khảo sát, định giá xây dựng cần chứng chỉ hành nghề. Kết quả là chứng chỉ hành nghề hoạt động xây dựng, có giá trị 5 năm.",
    fieldId: "xay-dung",
    ...tinh("so-xay-dung", "Sở Xây dựng"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 10, note: "Không kể thời gian sát hạch; thời hạn tham khảo" },
    fees: { counter: 150000, online: 150000, per: "chứng chỉ", legalBasis: "Thông tư 38/2022/TT-BTC" },
    documents: [
      doc("Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng", "original"),
      doc("Văn bằng do cơ sở đào tạo hợp pháp cấp", "certified_copy"),
      doc("Ảnh màu cỡ 4 x 6 cm", "original", { note: "Nền trắng, chụp không quá 6 tháng" }),
      doc("Kết quả sát hạch đạt yêu cầu", "original", {
        required: false,
        note: "Cơ quan cấp tra cứu trên hệ thống nếu đã sát hạch",
      }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        select("practiceField", "Lĩnh vực hành nghề", [
          ["thiet-ke", "Thiết kế xây dựng"],
          ["giam-sat", "Giám sát thi công xây dựng"],
          ["khao-sat", "Khảo sát xây dựng"],
          ["dinh-gia", "Định giá xây dựng"],
        ]),
        select("grade", "Hạng chứng chỉ", [
          ["hang-ii", "Hạng II"],
          ["hang-iii", "Hạng III"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["chứng chỉ hành nghề xây dựng", "CCHN xây dựng"],
    popularity: 120,
  },
  // ----- Đất đai -----
  {
    ...V1,
    code: "1.012757", // mã tham khảo
    name: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
    summary:
      "Dành cho hộ gia đình, cá nhân đang sử dụng đất chưa được cấp giấy chứng nhận. Kết quả là Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất.",
    fieldId: "dat-dai",
    ...XA,
    agency: "Ủy ban nhân dân cấp xã (phối hợp Văn phòng Đăng ký đất đai tỉnh)",
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 20,
      note: "Không kể thời gian thực hiện nghĩa vụ tài chính; trả kết quả trong 3 ngày làm việc sau khi hoàn thành nghĩa vụ tài chính",
    },
    fees: {
      counter: 100000,
      online: 50000,
      note: "Chưa gồm lệ phí trước bạ 0,5% và tiền sử dụng đất (nếu có)",
      legalBasis: `${HDND}; Nghị định 10/2022/NĐ-CP (lệ phí trước bạ)`,
    },
    documents: [
      doc("Đơn đăng ký đất đai, tài sản gắn liền với đất", "original", { template: "Mẫu 04/ĐK" }),
      doc("Giấy tờ về quyền sử dụng đất, nguồn gốc sử dụng đất", "original_or_copy", { required: false, note: "Nếu có" }),
      doc("Mảnh trích đo bản đồ địa chính thửa đất", "original", { required: false, note: "Nơi chưa có bản đồ địa chính" }),
      doc("Chứng từ thực hiện nghĩa vụ tài chính", "copy", { required: false, note: DATA_NOTE }),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên người sử dụng đất", true, 100),
        idNo(),
        text("plotAddress", "Địa chỉ thửa đất"),
        num("plotArea", "Diện tích thửa đất (m²)"),
        select("landUsePurpose", "Mục đích sử dụng đất", [
          ["dat-o", "Đất ở"],
          ["nong-nghiep", "Đất nông nghiệp"],
          ["khac", "Khác"],
        ]),
        longText("landOrigin", "Nguồn gốc sử dụng đất"),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter", "postal"],
    aliases: ["làm sổ đỏ", "làm sổ hồng", "sổ đỏ", "sổ hồng", "cấp sổ đỏ lần đầu", "QSDĐ"],
    popularity: 780,
  },
  {
    ...V1,
    code: "1.012765", // mã tham khảo
    name: "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế",
    summary:
      "Dành cho người nhận chuyển nhượng, được tặng cho hoặc thừa kế đất, nhà đã có giấy chứng nhận. Kết quả là Giấy chứng nhận được chỉnh lý hoặc cấp mới đứng tên người nhận.",
    fieldId: "dat-dai",
    ...tinh("van-phong-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai tỉnh (chi nhánh khu vực)"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Không kể thời gian thực hiện nghĩa vụ tài chính; thời hạn tham khảo",
    },
    fees: {
      counter: 50000,
      online: 25000,
      note: "Chưa gồm thuế thu nhập cá nhân 2% và lệ phí trước bạ 0,5% (trừ trường hợp được miễn)",
      legalBasis: HDND,
    },
    documents: [
      doc("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "original", { template: "Mẫu 11/ĐK" }),
      doc("Hợp đồng, văn bản chuyển nhượng, tặng cho hoặc văn bản thừa kế đã công chứng, chứng thực", "original"),
      doc("Giấy chứng nhận đã cấp", "original"),
      doc("Tờ khai thuế thu nhập cá nhân và tờ khai lệ phí trước bạ", "original"),
    ],
    eform: {
      fields: [
        text("transfereeName", "Họ, chữ đệm và tên người nhận", true, 100),
        idNo(),
        text("certificateNumber", "Số phát hành Giấy chứng nhận", true, 30),
        text("plotAddress", "Địa chỉ thửa đất"),
        select("transferType", "Hình thức biến động", [
          ["chuyen-nhuong", "Chuyển nhượng"],
          ["tang-cho", "Tặng cho"],
          ["thua-ke", "Thừa kế"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["counter", "postal"],
    aliases: ["sang tên sổ đỏ", "sang tên sổ hồng", "sang tên đất", "chuyển nhượng đất", "sang tên nhà đất"],
    popularity: 750,
  },
  {
    ...V1,
    code: "1.012770", // mã tham khảo
    name: "Tách thửa hoặc hợp thửa đất",
    summary:
      "Dành cho người sử dụng đất muốn chia một thửa thành nhiều thửa hoặc gộp các thửa liền kề. Kết quả là Giấy chứng nhận cho các thửa đất mới.",
    fieldId: "dat-dai",
    ...tinh("van-phong-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai tỉnh (chi nhánh khu vực)"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 15,
      note: "Không kể thời gian thực hiện nghĩa vụ tài chính; thời hạn tham khảo",
    },
    fees: { counter: 100000, online: 50000, note: "Chưa gồm chi phí đo đạc, trích đo địa chính", legalBasis: HDND },
    documents: [
      doc("Đơn đề nghị tách thửa đất, hợp thửa đất", "original"),
      doc("Giấy chứng nhận đã cấp", "original"),
      doc("Bản vẽ tách thửa đất, hợp thửa đất", "original", { required: false, note: "Do đơn vị đo đạc có chức năng lập" }),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên người sử dụng đất", true, 100),
        idNo(),
        text("certificateNumber", "Số phát hành Giấy chứng nhận", true, 30),
        text("plotAddress", "Địa chỉ thửa đất"),
        select("requestType", "Yêu cầu", [
          ["tach-thua", "Tách thửa"],
          ["hop-thua", "Hợp thửa"],
        ]),
        num("newPlotCount", "Số thửa sau khi tách hoặc hợp"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["tách sổ đỏ", "tách thửa", "hợp thửa", "chia sổ đỏ", "gộp sổ đỏ"],
    popularity: 380,
  },
  {
    ...V1,
    code: "1.012768", // mã tham khảo
    name: "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
    summary:
      "Dành cho người có giấy chứng nhận bị hư hỏng, ố nhòe, hoặc cần đổi sang mẫu mới, cập nhật sau đo đạc lại. Kết quả là Giấy chứng nhận mới.",
    fieldId: "dat-dai",
    ...tinh("van-phong-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai tỉnh (chi nhánh khu vực)"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 7, note: "Thời hạn tham khảo" },
    fees: { counter: 50000, online: 25000, legalBasis: HDND },
    documents: [
      doc("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "original", { template: "Mẫu 11/ĐK" }),
      doc("Giấy chứng nhận đã cấp", "original"),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên người sử dụng đất", true, 100),
        idNo(),
        text("certificateNumber", "Số phát hành Giấy chứng nhận", true, 30),
        text("plotAddress", "Địa chỉ thửa đất"),
        select("reason", "Lý do cấp đổi", [
          ["hu-hong", "Bị ố, nhòe, rách, hư hỏng"],
          ["do-dac-lai", "Đo đạc lại bản đồ địa chính"],
          ["doi-mau-moi", "Đổi sang mẫu Giấy chứng nhận mới"],
          ["khac", "Khác"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["đổi sổ đỏ", "đổi sổ đỏ mới", "đổi sổ hồng"],
    popularity: 300,
  },
  {
    ...V1,
    code: "1.012769", // mã tham khảo
    name: "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất",
    summary: "Dành cho người sử dụng đất bị mất giấy chứng nhận. Kết quả là Giấy chứng nhận được cấp lại, giấy cũ bị hủy.",
    fieldId: "dat-dai",
    ...tinh("van-phong-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai tỉnh (chi nhánh khu vực)"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Không kể thời gian niêm yết thông báo mất Giấy chứng nhận tại Ủy ban nhân dân cấp xã; thời hạn tham khảo",
    },
    fees: { counter: 50000, online: 25000, legalBasis: HDND },
    documents: [
      doc("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "original", { template: "Mẫu 11/ĐK" }),
      doc("Giấy xác nhận đã niêm yết thông báo mất Giấy chứng nhận", "original", {
        required: false,
        note: "Đối với hộ gia đình, cá nhân",
      }),
    ],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên người sử dụng đất", true, 100),
        idNo(),
        text("certificateNumber", "Số phát hành Giấy chứng nhận (nếu nhớ)", false, 30),
        text("plotAddress", "Địa chỉ thửa đất"),
        longText("lossCircumstance", "Hoàn cảnh bị mất"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["mất sổ đỏ", "làm lại sổ đỏ", "cấp lại sổ đỏ", "mất sổ hồng"],
    popularity: 200,
  },
  {
    ...V1,
    code: "1.012771", // mã tham khảo
    name: "Chuyển mục đích sử dụng đất",
    summary:
      "Dành cho hộ gia đình, cá nhân muốn chuyển đất nông nghiệp, đất vườn sang đất ở hoặc mục đích khác phải xin phép. Kết quả là quyết định cho phép chuyển mục đích sử dụng đất và Giấy chứng nhận được chỉnh lý.",
    fieldId: "dat-dai",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 20,
      note: "Không kể thời gian xác định giá đất và thực hiện nghĩa vụ tài chính; thời hạn tham khảo",
    },
    fees: {
      counter: 0,
      online: 0,
      note: "Không thu lệ phí thủ tục; người sử dụng đất nộp tiền sử dụng đất theo thông báo của cơ quan thuế",
      legalBasis: "Luật Đất đai 2024; Nghị định 103/2024/NĐ-CP",
    },
    documents: [doc("Đơn xin chuyển mục đích sử dụng đất", "original"), doc("Giấy chứng nhận đã cấp", "original")],
    eform: {
      fields: [
        text("ownerName", "Họ, chữ đệm và tên người sử dụng đất", true, 100),
        idNo(),
        text("certificateNumber", "Số phát hành Giấy chứng nhận", true, 30),
        text("plotAddress", "Địa chỉ thửa đất"),
        num("area", "Diện tích xin chuyển mục đích (m²)"),
        select("targetPurpose", "Mục đích sử dụng sau khi chuyển", [
          ["dat-o", "Đất ở"],
          ["thuong-mai-dich-vu", "Đất thương mại, dịch vụ"],
          ["khac", "Khác"],
        ]),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["chuyển đất vườn lên thổ cư", "lên thổ cư", "chuyển đổi mục đích đất", "lên đất ở"],
    popularity: 420,
  },
  {
    ...V1,
    code: "1.012775", // mã tham khảo
    name: "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất",
    summary:
      "Dành cho người vay vốn dùng đất, nhà ở làm tài sản bảo đảm và bên nhận thế chấp (thường là ngân hàng). Kết quả là Giấy chứng nhận được ghi nội dung đăng ký thế chấp.",
    fieldId: "dang-ky-bien-phap-bao-dam",
    ...tinh("van-phong-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai tỉnh (chi nhánh khu vực)"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "same_day",
      note: "Nhận sau 15 giờ: trả trong ngày làm việc tiếp theo; trường hợp phức tạp không quá 3 ngày làm việc",
    },
    fees: { counter: 80000, online: 40000, legalBasis: HDND },
    documents: [
      doc("Phiếu yêu cầu đăng ký thế chấp", "original"),
      doc("Hợp đồng thế chấp", "original", { note: "Đã công chứng hoặc chứng thực theo quy định" }),
      doc("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "original"),
    ],
    eform: {
      fields: [
        text("mortgagorName", "Bên thế chấp", true, 100),
        idNo(),
        text("mortgageeName", "Bên nhận thế chấp (ngân hàng, tổ chức tín dụng)"),
        text("certificateNumber", "Số phát hành Giấy chứng nhận", true, 30),
        text("contractNumber", "Số hợp đồng thế chấp", true, 50),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["thế chấp sổ đỏ", "vay ngân hàng bằng sổ đỏ", "đăng ký thế chấp", "cầm sổ đỏ"],
    popularity: 340,
  },
  // ----- Việc làm, bảo hiểm -----
  {
    ...V1,
    code: "1.001978", // mã tham khảo
    name: "Giải quyết hưởng trợ cấp thất nghiệp",
    summary:
      "Dành cho người lao động đã chấm dứt hợp đồng lao động và đóng bảo hiểm thất nghiệp đủ thời gian. Kết quả là quyết định hưởng trợ cấp thất nghiệp, tiền được chuyển vào tài khoản hằng tháng.",
    fieldId: "viec-lam",
    ...tinh("so-noi-vu", "Sở Nội vụ (tiếp nhận tại Trung tâm Dịch vụ việc làm tỉnh)"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "day", value: 20, note: "Nộp hồ sơ trong 3 tháng kể từ ngày chấm dứt hợp đồng lao động" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Việc làm và văn bản hướng dẫn" },
    documents: [
      doc("Đề nghị hưởng trợ cấp thất nghiệp", "original"),
      doc("Hợp đồng lao động đã chấm dứt hoặc quyết định thôi việc", "original_or_copy"),
      doc("Sổ bảo hiểm xã hội", "original", { required: false, note: DATA_NOTE }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        siNumber(),
        text("lastEmployer", "Đơn vị làm việc trước khi nghỉ"),
        date("contractEndDate", "Ngày chấm dứt hợp đồng lao động"),
        bankAccount(),
      ],
    },
    onlineOnly: false,
    essential: true,
    resultDelivery: ["online", "counter"],
    aliases: ["lãnh thất nghiệp", "lĩnh thất nghiệp", "bảo hiểm thất nghiệp", "trợ cấp thất nghiệp", "làm thất nghiệp"],
    popularity: 620,
  },
  {
    ...V1,
    code: "1.000459", // mã tham khảo
    name: "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
    summary:
      "Dành cho doanh nghiệp, tổ chức tuyển người nước ngoài làm nhà quản lý, chuyên gia, lao động kỹ thuật. Kết quả là giấy phép lao động có thời hạn không quá 2 năm.",
    fieldId: "viec-lam",
    ...tinh("so-noi-vu", "Sở Nội vụ"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Thời hạn tham khảo; cần đối chiếu quy định mới về lao động nước ngoài",
    },
    fees: { counter: 600000, online: 500000, per: "giấy phép", legalBasis: HDND },
    documents: [
      doc("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", "original"),
      doc("Giấy chứng nhận sức khỏe", "original", { note: "Cấp trong 12 tháng; hợp pháp hóa lãnh sự nếu cấp ở nước ngoài" }),
      doc("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải người đang chấp hành án", "original", {
        note: "Cấp không quá 6 tháng",
      }),
      doc("Văn bằng, chứng chỉ, giấy tờ chứng minh kinh nghiệm", "certified_copy"),
      doc("Hộ chiếu còn giá trị", "certified_copy"),
      doc("Ảnh màu cỡ 4 x 6 cm", "original", { count: 2, note: "Nền trắng, chụp không quá 6 tháng" }),
    ],
    eform: {
      fields: [
        text("employerName", "Tên người sử dụng lao động"),
        text("employerTaxCode", "Mã số thuế người sử dụng lao động", true, 20),
        text("workerName", "Họ và tên người lao động nước ngoài", true, 100),
        text("passportNumber", "Số hộ chiếu", true, 20),
        text("nationality", "Quốc tịch", true, 60),
        select("jobPosition", "Vị trí công việc", [
          ["nha-quan-ly", "Nhà quản lý"],
          ["giam-doc-dieu-hanh", "Giám đốc điều hành"],
          ["chuyen-gia", "Chuyên gia"],
          ["lao-dong-ky-thuat", "Lao động kỹ thuật"],
        ]),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["giấy phép lao động", "work permit", "xin work permit"],
    popularity: 160,
  },
  {
    ...V1,
    code: "1.011952", // mã tham khảo
    name: "Giải quyết hưởng bảo hiểm xã hội một lần",
    summary:
      "Dành cho người lao động thuộc các trường hợp được hưởng bảo hiểm xã hội một lần theo luật (ra nước ngoài định cư, mắc bệnh hiểm nghèo…). Kết quả là quyết định hưởng và tiền chi trả vào tài khoản.",
    fieldId: "bao-hiem-xa-hoi",
    ...tinh("bhxh-tinh", "Bảo hiểm xã hội tỉnh (Bảo hiểm xã hội cơ sở)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "day", value: 10, note: "Thời hạn tham khảo" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Bảo hiểm xã hội 2024" },
    documents: [
      doc("Đơn đề nghị hưởng bảo hiểm xã hội một lần", "original", { template: "Mẫu 14-HSB" }),
      doc("Sổ bảo hiểm xã hội", "original", { required: false, note: DATA_NOTE }),
      doc("Giấy tờ chứng minh thuộc trường hợp được hưởng", "copy", {
        required: false,
        note: "Ví dụ thị thực định cư, hồ sơ bệnh án",
      }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        siNumber(),
        select("reason", "Trường hợp hưởng", [
          ["ra-nuoc-ngoai-dinh-cu", "Ra nước ngoài để định cư"],
          ["benh-hiem-ngheo", "Mắc bệnh hiểm nghèo hoặc bệnh cần chữa trị dài ngày"],
          ["du-tuoi-chua-du-nam", "Đủ tuổi nghỉ hưu nhưng chưa đủ thời gian đóng"],
          ["khac", "Trường hợp khác theo luật"],
        ]),
        bankAccount(),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "postal"],
    aliases: ["rút bảo hiểm một lần", "rút BHXH một lần", "lãnh bảo hiểm một lần", "rút sổ bảo hiểm"],
    popularity: 580,
  },
  {
    ...V1,
    code: "1.011956", // mã tham khảo
    name: "Giải quyết hưởng trợ cấp mai táng",
    summary:
      "Dành cho thân nhân hoặc người lo mai táng cho người đang đóng hoặc đang hưởng bảo hiểm xã hội qua đời. Kết quả là trợ cấp mai táng chi trả vào tài khoản.",
    fieldId: "bao-hiem-xa-hoi",
    ...tinh("bhxh-tinh", "Bảo hiểm xã hội tỉnh (Bảo hiểm xã hội cơ sở)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 5, note: "Thời hạn tham khảo" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Bảo hiểm xã hội 2024" },
    documents: [
      doc("Tờ khai của thân nhân đề nghị hưởng trợ cấp mai táng", "original"),
      doc("Giấy chứng tử hoặc trích lục khai tử", "copy", { note: "Không phải nộp nếu đã liên thông từ cơ sở dữ liệu hộ tịch" }),
    ],
    eform: {
      fields: [
        text("deceasedName", "Họ, chữ đệm và tên người đã mất", true, 100),
        siNumber("deceasedSocialInsuranceNumber"),
        date("dateOfDeath", "Ngày mất"),
        text("claimantName", "Họ, chữ đệm và tên người đề nghị", true, 100),
        text("relationship", "Quan hệ với người đã mất", true, 50),
        bankAccount(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "postal"],
    aliases: ["tiền mai táng", "trợ cấp mai táng", "tiền tuất", "mai táng phí"],
    popularity: 260,
  },
  {
    ...V1,
    code: "1.011962", // mã tham khảo
    name: "Giải quyết hưởng chế độ thai sản",
    summary:
      "Dành cho lao động nữ sinh con, lao động nam có vợ sinh con và người nhận con nuôi dưới 6 tháng tuổi có đóng bảo hiểm xã hội. Kết quả là trợ cấp thai sản chi trả vào tài khoản.",
    fieldId: "bao-hiem-xa-hoi",
    ...tinh("bhxh-tinh", "Bảo hiểm xã hội tỉnh (Bảo hiểm xã hội cơ sở)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 6, note: "Thời hạn tham khảo" },
    fees: { counter: 0, online: 0, legalBasis: "Luật Bảo hiểm xã hội 2024" },
    documents: [
      doc("Đơn đề nghị hưởng chế độ thai sản", "original", {
        template: "Mẫu 01B-HSB",
        note: "Với người lao động đã nghỉ việc trước khi sinh con hoặc nhận con nuôi",
      }),
      doc("Giấy khai sinh hoặc trích lục khai sinh của con", "copy", { required: false, note: DATA_NOTE }),
      doc("Giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội", "original", {
        required: false,
        note: "Khi khám thai, sẩy thai, phá thai",
      }),
    ],
    eform: {
      fields: [fullName(), idNo(), siNumber(), date("childDateOfBirth", "Ngày sinh của con"), bankAccount(), phone()],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "postal"],
    aliases: ["tiền thai sản", "hưởng thai sản", "chế độ sinh con", "bảo hiểm thai sản"],
    popularity: 460,
  },
  {
    ...V1,
    code: "1.011964", // mã tham khảo
    name: "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
    summary:
      "Dành cho cha, mẹ có con dưới 6 tuổi chưa có thẻ bảo hiểm y tế (thường thực hiện cùng khai sinh). Kết quả là thẻ bảo hiểm y tế miễn phí cho trẻ, dùng được trên VNeID.",
    fieldId: "bao-hiem-y-te",
    ...tinh("bhxh-tinh", "Bảo hiểm xã hội tỉnh (Bảo hiểm xã hội cơ sở)"),
    serviceLevel: "toan_trinh",
    processingTime: { unit: "working_day", value: 5, note: "Thường thực hiện qua liên thông với đăng ký khai sinh" },
    fees: {
      counter: 0,
      online: 0,
      note: "Ngân sách nhà nước đóng bảo hiểm y tế cho trẻ em dưới 6 tuổi",
      legalBasis: "Luật Bảo hiểm y tế",
    },
    documents: [
      doc("Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế", "original", { template: "TK1-TS" }),
      doc("Giấy khai sinh hoặc trích lục khai sinh", "copy", {
        required: false,
        note: "Không cần nếu trẻ đã có số định danh cá nhân",
      }),
    ],
    eform: {
      fields: [
        text("childName", "Họ, chữ đệm và tên của trẻ", true, 100),
        idNo("childCitizenId", "Số định danh cá nhân của trẻ"),
        date("childDateOfBirth", "Ngày sinh của trẻ"),
        text("preferredClinic", "Nơi đăng ký khám chữa bệnh ban đầu"),
        text("parentName", "Họ, chữ đệm và tên cha hoặc mẹ", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "postal"],
    aliases: ["thẻ bảo hiểm y tế cho bé", "làm bảo hiểm cho con", "BHYT trẻ em", "thẻ BHYT cho trẻ"],
    popularity: 420,
  },
  // ----- Bảo trợ xã hội -----
  {
    ...V1,
    code: "1.001731", // mã tham khảo
    name: "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
    summary:
      "Dành cho gia đình, cá nhân tổ chức mai táng cho người đang hưởng trợ cấp xã hội hằng tháng qua đời. Kết quả là quyết định hỗ trợ chi phí mai táng.",
    fieldId: "bao-tro-xa-hoi",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 3, note: "Thời hạn tham khảo" },
    fees: { counter: 0, online: 0, legalBasis: "Nghị định 20/2021/NĐ-CP, sửa đổi bởi Nghị định 76/2024/NĐ-CP" },
    documents: [
      doc("Tờ khai đề nghị hỗ trợ chi phí mai táng", "original"),
      doc("Giấy chứng tử hoặc trích lục khai tử", "copy", { required: false, note: DATA_NOTE }),
    ],
    eform: {
      fields: [
        text("deceasedName", "Họ, chữ đệm và tên người đã mất", true, 100),
        date("dateOfDeath", "Ngày mất"),
        text("beneficiaryCategory", "Diện đối tượng đang hưởng"),
        text("claimantName", "Người tổ chức mai táng", true, 100),
        text("relationship", "Quan hệ với người đã mất", true, 50),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["tiền mai táng", "hỗ trợ mai táng"],
    popularity: 150,
  },
  {
    ...V1,
    code: "1.001776",
    name: "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
    summary:
      "Dành cho người cao tuổi, người khuyết tật, trẻ em mồ côi và đối tượng bảo trợ xã hội khác. Kết quả là quyết định hưởng, điều chỉnh hoặc thôi hưởng trợ cấp xã hội hằng tháng.",
    fieldId: "bao-tro-xa-hoi",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 20, note: "Thời hạn tham khảo, gồm thời gian xét duyệt và niêm yết công khai" },
    fees: { counter: 0, online: 0, legalBasis: "Nghị định 20/2021/NĐ-CP, sửa đổi bởi Nghị định 76/2024/NĐ-CP" },
    documents: [
      doc("Tờ khai đề nghị trợ giúp xã hội", "original", { template: "Mẫu số 1a" }),
      doc("Giấy xác nhận khuyết tật", "copy", { required: false, note: "Đối với người khuyết tật" }),
      doc("Giấy tờ chứng minh thuộc đối tượng hưởng", "copy", { required: false, note: DATA_NOTE }),
    ],
    eform: {
      fields: [
        text("beneficiaryName", "Họ, chữ đệm và tên người hưởng", true, 100),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        idNo(),
        select("category", "Diện đối tượng", [
          ["nguoi-cao-tuoi", "Người cao tuổi"],
          ["khuyet-tat", "Người khuyết tật"],
          ["tre-mo-coi", "Trẻ em mồ côi"],
          ["don-than-ngheo", "Người đơn thân thuộc hộ nghèo nuôi con"],
          ["khac", "Đối tượng khác"],
        ]),
        text("address", "Nơi cư trú"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["trợ cấp người già", "tiền trợ cấp hằng tháng", "trợ cấp khuyết tật", "trợ cấp xã hội"],
    popularity: 300,
  },
  // ----- Giáo dục -----
  {
    ...V1,
    code: "2.001914", // mã tham khảo
    name: "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
    summary:
      "Dành cho người đã được cấp bằng tốt nghiệp, chứng chỉ cần bản sao (kể cả khi bị mất bản chính). Kết quả là bản sao văn bằng, chứng chỉ có giá trị như bản chính.",
    fieldId: "giao-duc",
    ...tinh("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo hoặc cơ sở giáo dục đang quản lý sổ gốc"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "same_day",
      note: "Trường hợp tiếp nhận sau 15 giờ hoặc phải tra cứu sổ gốc: ngày làm việc tiếp theo",
    },
    fees: {
      counter: 5000,
      online: 5000,
      per: "bản",
      note: "Mức thu tham khảo, do cơ quan cấp bản sao công bố",
      legalBasis: "Thông tư 21/2019/TT-BGDĐT",
    },
    documents: [
      doc("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "original"),
      doc("Giấy tờ tùy thân", "original_or_copy", { note: "Xuất trình khi nộp trực tiếp" }),
    ],
    eform: {
      fields: [
        fullName("Họ, chữ đệm và tên người được cấp văn bằng"),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        select("certificateType", "Loại văn bằng, chứng chỉ", [
          ["tot-nghiep-thpt", "Bằng tốt nghiệp trung học phổ thông"],
          ["tot-nghiep-thcs", "Bằng tốt nghiệp trung học cơ sở"],
          ["chung-chi", "Chứng chỉ khác"],
        ]),
        num("graduationYear", "Năm tốt nghiệp"),
        text("schoolName", "Trường đã học"),
        num("copies", "Số bản sao"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["sao bằng tốt nghiệp", "bản sao bằng cấp 3", "xin bản sao bằng", "mất bằng tốt nghiệp"],
    popularity: 280,
  },
  {
    ...V1,
    code: "1.005084", // mã tham khảo
    name: "Chuyển trường đối với học sinh trung học cơ sở",
    summary:
      "Dành cho cha, mẹ hoặc người giám hộ muốn chuyển con đang học trung học cơ sở sang trường khác. Kết quả là học sinh được tiếp nhận vào trường mới kèm hồ sơ học tập.",
    fieldId: "giao-duc",
    ...XA,
    agency: "Hiệu trưởng trường nơi đi và nơi đến (Ủy ban nhân dân cấp xã quản lý)",
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 3, note: "Thời hạn tham khảo" },
    fees: { counter: 0, online: 0, legalBasis: "Thông tư 50/2021/TT-BGDĐT" },
    documents: [
      doc("Đơn xin chuyển trường", "original", { note: "Do cha, mẹ hoặc người giám hộ ký" }),
      doc("Học bạ", "original"),
      doc("Giấy giới thiệu chuyển trường", "original", { note: "Do hiệu trưởng trường nơi đi cấp" }),
    ],
    eform: {
      fields: [
        text("studentName", "Họ, chữ đệm và tên học sinh", true, 100),
        date("studentDateOfBirth", "Ngày sinh của học sinh"),
        text("currentSchool", "Trường đang học"),
        select("currentGrade", "Lớp", [
          ["6", "Lớp 6"],
          ["7", "Lớp 7"],
          ["8", "Lớp 8"],
          ["9", "Lớp 9"],
        ]),
        text("targetSchool", "Trường xin chuyển đến"),
        longText("reason", "Lý do chuyển trường"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter"],
    aliases: ["chuyển trường cấp 2", "chuyển trường cho con", "xin chuyển trường"],
    popularity: 200,
  },
  // ----- Hộ tịch, nuôi con nuôi (bổ sung) -----
  {
    ...V1,
    code: "1.000689",
    name: "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
    summary:
      "Dành cho trường hợp khai sinh cho trẻ mà cha, mẹ chưa đăng ký kết hôn và người cha (hoặc mẹ) muốn được ghi tên. Kết quả là Giấy khai sinh có đủ thông tin cha, mẹ và Trích lục đăng ký nhận cha, mẹ, con.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 3, note: "Trường hợp cần xác minh: thêm không quá 5 ngày làm việc" },
    fees: {
      counter: 15000,
      online: 0,
      note: "Miễn lệ phí khai sinh đúng hạn; thu lệ phí nhận cha, mẹ, con theo nghị quyết của HĐND tỉnh",
      legalBasis: `${LUAT_HO_TICH}; ${HDND}`,
    },
    documents: [
      doc("Tờ khai đăng ký khai sinh", "original"),
      doc("Tờ khai đăng ký nhận cha, mẹ, con", "original"),
      doc("Giấy chứng sinh", "original"),
      doc("Chứng cứ chứng minh quan hệ cha, mẹ, con", "original_or_copy"),
    ],
    eform: {
      fields: [
        text("childName", "Họ, chữ đệm và tên của trẻ", true, 100),
        gender(),
        date("childDateOfBirth", "Ngày, tháng, năm sinh của trẻ"),
        text("fatherName", "Họ, chữ đệm và tên người cha", true, 100),
        text("motherName", "Họ, chữ đệm và tên người mẹ", true, 100),
        idNo("citizenId", "Số định danh cá nhân của người đi đăng ký"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["khai sinh nhận cha", "làm giấy khai sinh có tên cha", "khai sinh cho con ngoài giá thú"],
    popularity: 240,
  },
  {
    ...V1,
    code: "1.001695", // mã tham khảo
    name: "Đăng ký kết hôn có yếu tố nước ngoài",
    summary:
      "Dành cho công dân Việt Nam kết hôn với người nước ngoài, hoặc giữa công dân Việt Nam với nhau mà một bên định cư ở nước ngoài. Kết quả là Giấy chứng nhận kết hôn, trao khi cả hai bên có mặt.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "working_day",
      value: 10,
      note: "Thời hạn tham khảo; trường hợp cần xác minh có thể kéo dài. Hai bên phải có mặt khi nhận Giấy chứng nhận kết hôn",
    },
    fees: { counter: 1000000, online: 500000, legalBasis: HDND },
    documents: [
      doc("Tờ khai đăng ký kết hôn", "original"),
      doc("Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài", "original", {
        note: "Do cơ quan có thẩm quyền nước ngoài cấp, hợp pháp hóa lãnh sự và dịch sang tiếng Việt",
      }),
      doc("Giấy xác nhận không mắc bệnh tâm thần hoặc bệnh khác mất khả năng nhận thức", "original", {
        note: "Do tổ chức y tế có thẩm quyền cấp không quá 6 tháng",
      }),
      doc("Hộ chiếu hoặc giấy tờ thay hộ chiếu của người nước ngoài", "copy"),
    ],
    eform: {
      fields: [
        text("vnPartnerName", "Họ, chữ đệm và tên bên Việt Nam", true, 100),
        idNo("vnPartnerCitizenId", "Số định danh cá nhân bên Việt Nam"),
        text("foreignPartnerName", "Họ và tên bên nước ngoài", true, 100),
        text("foreignPartnerNationality", "Quốc tịch bên nước ngoài", true, 60),
        text("foreignPartnerPassport", "Số hộ chiếu bên nước ngoài", true, 20),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter"],
    aliases: ["kết hôn với người nước ngoài", "giấy hôn thú với người nước ngoài", "lấy chồng nước ngoài", "lấy vợ nước ngoài"],
    popularity: 120,
  },
  {
    ...V1,
    code: "1.004845",
    name: "Đăng ký chấm dứt giám hộ",
    summary:
      "Dành cho người giám hộ hoặc người được giám hộ khi việc giám hộ chấm dứt theo Bộ luật Dân sự. Kết quả là Trích lục đăng ký chấm dứt giám hộ.",
    fieldId: "ho-tich",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 2 },
    fees: { counter: 0, online: 0, legalBasis: LUAT_HO_TICH },
    documents: [doc("Tờ khai đăng ký chấm dứt giám hộ", "original"), doc("Giấy tờ làm căn cứ chấm dứt giám hộ", "copy")],
    eform: {
      fields: [
        text("guardianName", "Họ, chữ đệm và tên người giám hộ", true, 100),
        text("wardName", "Họ, chữ đệm và tên người được giám hộ", true, 100),
        idNo(),
        longText("reason", "Căn cứ chấm dứt giám hộ"),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: [],
    popularity: 25,
  },
  {
    ...V1,
    code: "1.003005", // mã tham khảo
    name: "Đăng ký việc nuôi con nuôi trong nước",
    summary:
      "Dành cho công dân Việt Nam cư trú trong nước muốn nhận một trẻ em làm con nuôi. Kết quả là Giấy chứng nhận nuôi con nuôi.",
    fieldId: "nuoi-con-nuoi",
    ...XA,
    serviceLevel: "mot_phan",
    processingTime: { unit: "day", value: 30, note: "Kể từ ngày nhận đủ hồ sơ hợp lệ" },
    fees: {
      counter: 400000,
      online: 400000,
      note: "Miễn cho cha dượng, mẹ kế nhận con riêng của vợ, chồng; cô, cậu, dì, chú, bác ruột nhận cháu; nhận trẻ em khuyết tật, mắc bệnh hiểm nghèo",
      legalBasis: "Nghị định 114/2016/NĐ-CP",
    },
    documents: [
      doc("Đơn xin nhận con nuôi", "original"),
      doc("Phiếu lý lịch tư pháp của người nhận con nuôi", "original"),
      doc("Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi", "copy", { note: DATA_NOTE }),
      doc("Giấy khám sức khỏe của người nhận con nuôi", "original"),
      doc("Giấy khai sinh và ảnh của trẻ được nhận làm con nuôi", "copy"),
    ],
    eform: {
      fields: [
        text("adopterName", "Họ, chữ đệm và tên người nhận con nuôi", true, 100),
        idNo("adopterCitizenId", "Số định danh cá nhân người nhận con nuôi"),
        text("childName", "Họ, chữ đệm và tên trẻ được nhận", true, 100),
        date("childDateOfBirth", "Ngày sinh của trẻ"),
        select("relationship", "Quan hệ với trẻ", [
          ["cha-duong-me-ke", "Cha dượng, mẹ kế"],
          ["ho-hang", "Cô, cậu, dì, chú, bác ruột"],
          ["khac", "Khác"],
        ]),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter"],
    aliases: ["nhận con nuôi", "xin con nuôi"],
    popularity: 40,
  },
  // ----- Trợ giúp pháp lý, y tế, du lịch, khoa học công nghệ -----
  {
    ...V1,
    code: "2.001680", // mã tham khảo
    name: "Yêu cầu trợ giúp pháp lý",
    summary:
      "Dành cho người có công với cách mạng, người thuộc hộ nghèo, trẻ em, người dân tộc thiểu số ở vùng khó khăn và đối tượng khác theo luật. Kết quả là được tư vấn, tham gia tố tụng hoặc đại diện ngoài tố tụng miễn phí.",
    fieldId: "tro-giup-phap-ly",
    ...tinh("so-tu-phap", "Trung tâm Trợ giúp pháp lý nhà nước tỉnh (Sở Tư pháp)"),
    serviceLevel: "mot_phan",
    processingTime: {
      unit: "same_day",
      note: "Thụ lý ngay khi nhận đủ hồ sơ; nếu thiếu giấy tờ chứng minh, người yêu cầu bổ sung sau",
    },
    fees: { counter: 0, online: 0, legalBasis: "Luật Trợ giúp pháp lý 2017" },
    documents: [
      doc("Đơn yêu cầu trợ giúp pháp lý", "original"),
      doc("Giấy tờ chứng minh thuộc diện được trợ giúp pháp lý", "copy"),
      doc("Giấy tờ, tài liệu liên quan đến vụ việc", "copy", { required: false }),
    ],
    eform: {
      fields: [
        fullName(),
        idNo(),
        select("beneficiaryCategory", "Diện được trợ giúp", [
          ["nguoi-co-cong", "Người có công với cách mạng"],
          ["ho-ngheo", "Người thuộc hộ nghèo"],
          ["tre-em", "Trẻ em"],
          ["dan-toc-thieu-so", "Người dân tộc thiểu số ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn"],
          ["khac", "Đối tượng khác theo luật"],
        ]),
        longText("caseSummary", "Tóm tắt vụ việc"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter"],
    aliases: ["luật sư miễn phí", "tư vấn pháp luật miễn phí", "trợ giúp pháp lý"],
    popularity: 90,
  },
  {
    ...V1,
    code: "1.012288", // mã tham khảo
    name: "Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh",
    summary:
      "Dành cho bác sĩ, y sĩ, điều dưỡng, hộ sinh, kỹ thuật y đã hoàn thành thực hành cần giấy phép để hành nghề. Kết quả là giấy phép hành nghề khám bệnh, chữa bệnh có thời hạn 5 năm.",
    fieldId: "y-te",
    ...tinh("so-y-te", "Sở Y tế"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "day", value: 30, note: "Thời hạn tham khảo" },
    fees: { counter: 360000, online: 360000, note: "Mức thu tham khảo", legalBasis: "Thông tư 59/2023/TT-BTC" },
    documents: [
      doc("Đơn đề nghị cấp mới giấy phép hành nghề", "original"),
      doc("Văn bằng chuyên môn", "certified_copy"),
      doc("Giấy xác nhận hoàn thành quá trình thực hành", "original"),
      doc("Giấy chứng nhận đủ sức khỏe để hành nghề", "original", { note: "Cấp không quá 6 tháng" }),
      doc("Ảnh chân dung cỡ 4 x 6 cm", "original", { count: 2 }),
    ],
    eform: {
      fields: [
        fullName(),
        date("dateOfBirth", "Ngày, tháng, năm sinh"),
        idNo(),
        select("profession", "Chức danh chuyên môn", [
          ["bac-si", "Bác sĩ"],
          ["y-si", "Y sĩ"],
          ["dieu-duong", "Điều dưỡng"],
          ["ho-sinh", "Hộ sinh"],
          ["ky-thuat-y", "Kỹ thuật y"],
        ]),
        text("scopeOfPractice", "Phạm vi hành nghề đề nghị"),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["counter", "postal"],
    aliases: ["chứng chỉ hành nghề y", "giấy phép hành nghề bác sĩ", "CCHN y"],
    popularity: 180,
  },
  {
    ...V1,
    code: "1.004628", // mã tham khảo
    name: "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa",
    summary:
      "Dành cho doanh nghiệp muốn tổ chức tour du lịch trong nước. Kết quả là giấy phép kinh doanh dịch vụ lữ hành nội địa.",
    fieldId: "du-lich",
    ...tinh("so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 10 },
    fees: { counter: 3000000, online: 3000000, legalBasis: "Thông tư 33/2018/TT-BTC" },
    documents: [
      doc("Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", "original"),
      doc("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa", "original"),
      doc("Văn bằng hoặc chứng chỉ nghiệp vụ điều hành du lịch nội địa của người phụ trách kinh doanh", "certified_copy"),
      doc("Quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh", "certified_copy"),
    ],
    eform: {
      fields: [
        text("companyName", "Tên doanh nghiệp"),
        text("enterpriseCode", "Mã số doanh nghiệp", true, 20),
        text("headOfficeAddress", "Địa chỉ trụ sở"),
        text("managerName", "Người phụ trách kinh doanh dịch vụ lữ hành", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["giấy phép lữ hành", "mở công ty du lịch", "giấy phép tour du lịch"],
    popularity: 60,
  },
  {
    ...V1,
    code: "1.002360", // mã tham khảo
    name: "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong y tế)",
    summary: "Dành cho phòng khám, bệnh viện sử dụng máy X-quang chẩn đoán. Kết quả là giấy phép tiến hành công việc bức xạ.",
    fieldId: "an-toan-buc-xa",
    ...tinh("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ"),
    serviceLevel: "mot_phan",
    processingTime: { unit: "working_day", value: 15, note: "Thời hạn tham khảo" },
    fees: { counter: 2000000, online: 2000000, per: "thiết bị", legalBasis: "Thông tư 287/2016/TT-BTC" },
    documents: [
      doc("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ", "original"),
      doc("Báo cáo đánh giá an toàn bức xạ", "original"),
      doc("Chứng chỉ nhân viên bức xạ của người phụ trách an toàn", "copy"),
      doc("Biên bản kiểm định thiết bị X-quang", "copy"),
    ],
    eform: {
      fields: [
        text("facilityName", "Tên cơ sở"),
        text("facilityAddress", "Địa chỉ cơ sở"),
        num("deviceCount", "Số thiết bị X-quang"),
        text("safetyOfficerName", "Người phụ trách an toàn bức xạ", true, 100),
        phone(),
      ],
    },
    onlineOnly: false,
    essential: false,
    resultDelivery: ["online", "counter", "postal"],
    aliases: ["giấy phép X-quang", "giấy phép bức xạ"],
    popularity: 30,
  },
];

export const sampleProvince: { province: Province; units: Unit[]; fields: Field[]; procedures: ProcedureInput[] } = {
  province,
  units,
  fields,
  procedures,
};
