/** A province's or the built-in synonym: any of the keys reads as any of the expansions. */
export type SynonymEntry = readonly [keys: readonly string[], expansions: readonly string[]];

/**
 * What residents type → how the catalogue names it. Keys and expansions are
 * written plainly and folded at load time; the longest key wins at each position.
 */
const SYNONYMS: readonly SynonymEntry[] = [
  [["sổ đỏ", "sổ hồng", "làm sổ đỏ", "làm sổ hồng"], ["giấy chứng nhận quyền sử dụng đất"]],
  [["sang tên sổ đỏ", "sang tên sổ hồng", "sang tên nhà đất"], ["đăng ký biến động"]],
  [["bằng lái", "bằng lái xe", "gplx"], ["giấy phép lái xe"]],
  [["cccd", "căn cước công dân", "cmnd", "chứng minh nhân dân", "chứng minh thư"], ["căn cước"]],
  [["độc thân", "giấy độc thân", "xác nhận độc thân", "giấy xác nhận độc thân"], ["tình trạng hôn nhân"]],
  [["giấy khai sinh", "làm khai sinh", "khai sinh cho con"], ["khai sinh"]],
  [["báo tử", "giấy chứng tử", "chứng tử", "giấy báo tử"], ["khai tử"]],
  [["giấy hôn thú", "hôn thú", "giấy đăng ký kết hôn"], ["kết hôn"]],
  [["nhập hộ khẩu", "chuyển hộ khẩu", "nhập khẩu", "hộ khẩu"], ["thường trú"]],
  [["cắt khẩu", "cắt hộ khẩu", "xóa hộ khẩu"], ["xóa đăng ký thường trú"]],
  [["giấy xác nhận cư trú", "xác nhận cư trú", "ct07"], ["xác nhận thông tin về cư trú"]],
  [["photo công chứng", "công chứng bản sao", "sao y", "sao y bản chính"], ["chứng thực bản sao"]],
  [["không tiền án", "giấy không tiền án", "lltp", "lý lịch"], ["lý lịch tư pháp"]],
  [["passport", "hộ chiếu"], ["hộ chiếu"]],
  [["xin phép xây nhà", "phép xây nhà", "giấy phép xây nhà", "xây nhà"], ["giấy phép xây dựng"]],
  [["mở quán", "kinh doanh cá thể", "hộ kinh doanh cá thể", "mở cửa hàng"], ["hộ kinh doanh"]],
  [["lãnh thất nghiệp", "lĩnh thất nghiệp", "tiền thất nghiệp", "bảo hiểm thất nghiệp"], ["trợ cấp thất nghiệp"]],
  [["rút bảo hiểm một lần", "rút bhxh một lần", "rút bảo hiểm"], ["bảo hiểm xã hội một lần"]],
  [["bhxh"], ["bảo hiểm xã hội"]],
  [["bhyt"], ["bảo hiểm y tế"]],
  [["qsdđ", "qsdd"], ["quyền sử dụng đất"]],
  [["hkd"], ["hộ kinh doanh"]],
  [["gks"], ["khai sinh"]],
  [["gcn"], ["giấy chứng nhận"]],
  [["dkkd", "đkkd"], ["đăng ký kinh doanh"]],
  [["gpxd"], ["giấy phép xây dựng"]],
  [["trích lục khai sinh", "bản sao khai sinh", "xin trích lục khai sinh"], ["trích lục hộ tịch"]],
  [["biển số xe", "đăng ký xe máy", "cà vẹt xe", "cà vẹt"], ["đăng ký xe"]],
  [["thành lập công ty", "mở công ty", "giấy phép kinh doanh công ty"], ["thành lập doanh nghiệp"]],
  [["an toàn vệ sinh thực phẩm", "vệ sinh an toàn thực phẩm", "attp"], ["an toàn thực phẩm"]],
];

/**
 * Words that carry no meaning for matching ("làm", "xin", "thủ tục").
 * They are dropped only when something else remains in the query.
 */
const FILLERS: readonly string[] = [
  "làm",
  "xin",
  "thủ tục",
  "cách",
  "ở đâu",
  "như thế nào",
  "thế nào",
  "muốn",
  "tôi",
  "cần",
  "gì",
  "bao lâu",
  "hướng dẫn",
];

export { FILLERS, SYNONYMS };
