//! The methodology page (`cach-tinh-so-lieu/`): how every figure of the site
//! is computed, in plain words, from the content format's binding
//! definitions (state carried forward, standard and recognised, gains and
//! first reports, re-basing, bands, target communes, averages and
//! rounding), with the criteria sets of this content. Every chart, the
//! bulletin's source line and the notes beside the figures link to it.

use super::Builder;
use crate::render::format::{self, Lang};
use crate::report::decimal::Dec2;
use crate::report::timeline::BAND_KEYS;
use serde_json::{Value, json};

/// The page's folder, relative to the root.
pub const METHOD_DIR: &str = "cach-tinh-so-lieu/";

/// A section: its anchor, heading and paragraphs.
fn section(id: &str, title: &str, paragraphs: Vec<String>) -> Value {
    json!({"id": id, "title": title, "paragraphs": paragraphs})
}

impl Builder<'_, '_> {
    /// The methodology page.
    pub(super) fn method(&mut self) {
        let v = self.v;
        let lang = v.lang;
        let sets: Vec<Value> = v.content.sets.iter().map(|s| self.set_value(s)).collect();
        let n_text = {
            let mut counts: Vec<usize> = v.content.sets.iter().map(|s| s.len()).collect();
            counts.sort_unstable();
            counts.dedup();
            counts
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(match lang {
                    Lang::Vi => " hoặc ",
                    Lang::En => " or ",
                })
        };
        // The rounding example of the contract: 77 criteria over 8 communes.
        let example = Dec2::ratio(77, 8)
            .map(|d| format::dec2(lang, d))
            .unwrap_or_default();
        let bands = BAND_KEYS.len();
        let sections = match lang {
            Lang::Vi => vec![
                section(
                    "nguon",
                    "Số liệu lấy từ đâu",
                    vec![
                        "Mỗi tuần, cán bộ phụ trách các xã báo cáo xã mình đã đạt những tiêu chí nào. Văn phòng Điều phối nông thôn mới tổng hợp các báo cáo đó thành một bản báo cáo theo ngày; mỗi bản tin và mỗi biểu đồ ghi rõ ngày của số liệu.".into(),
                    ],
                ),
                section(
                    "giu-so-lieu",
                    "Xã không báo cáo trong tuần",
                    vec![
                        "Số liệu của một xã vào một ngày là báo cáo gần nhất của xã tính đến ngày đó. Xã không báo cáo trong tuần vẫn được tính, với số liệu của lần báo cáo trước.".into(),
                        "Xã chưa từng báo cáo là xã \"chưa có số liệu\": không được tính vào con số nào (không vào số xã, không vào bình quân). Một huyện chưa có xã nào báo cáo cũng được ghi là \"chưa có số liệu\", không phải 0.".into(),
                    ],
                ),
                section(
                    "dat-chuan",
                    "Đạt chuẩn và đã công nhận",
                    vec![
                        format!("Xã đạt chuẩn là xã đạt tất cả các tiêu chí của bộ tiêu chí áp dụng cho xã ({n_text} tiêu chí), theo báo cáo của xã."),
                        "Xã đã công nhận là xã đã có quyết định công nhận đạt chuẩn nông thôn mới của UBND tỉnh. Quyết định đến sau khi xã đạt đủ tiêu chí và được thẩm định, nên số xã đã công nhận thường ít hơn số xã đạt chuẩn; một xã đã được công nhận theo bộ tiêu chí cũ có thể chưa đạt đủ bộ tiêu chí mới. Trang web ghi cả hai con số.".into(),
                    ],
                ),
                section(
                    "tang-giam",
                    "Tăng, giảm tiêu chí",
                    vec![
                        "Số tiêu chí tăng (giảm) của một xã trong một kỳ là số tiêu chí xã đạt trong báo cáo này mà báo cáo trước của chính xã đó chưa đạt (đã đạt). Lần báo cáo đầu tiên của một xã không tính tăng, giảm.".into(),
                        "\"Xã báo cáo, không tăng tiêu chí\" chỉ tính các xã đã báo cáo trong kỳ; trong đó có những xã không thể tăng vì đã đạt đủ tiêu chí từ trước. Các xã không báo cáo trong kỳ được đếm riêng.".into(),
                        "Tiêu chí được ghi bằng số thứ tự và tên (TC16 Môi trường), để số thứ tự của tiêu chí không bị đọc nhầm thành số lượng.".into(),
                    ],
                ),
                section(
                    "chuyen-bo",
                    "Chuyển sang bộ tiêu chí mới",
                    vec![
                        "Khi một bộ tiêu chí mới được áp dụng, lần đầu một xã báo cáo theo bộ mới không được so với báo cáo theo bộ cũ: không tính tăng, giảm, vì hai bộ tiêu chí khác nhau. Bản tin và trang của xã ghi rõ các xã đã chuyển bộ.".into(),
                    ],
                ),
                section(
                    "nhom",
                    "Nhóm theo số tiêu chí đạt",
                    vec![
                        format!("Các xã được chia thành {bands} nhóm theo số tiêu chí đạt: đạt chuẩn (đủ tất cả tiêu chí); từ 15 tiêu chí trở lên nhưng chưa đủ; 10–14 tiêu chí; 5–9 tiêu chí; dưới 5 tiêu chí."),
                    ],
                ),
                section(
                    "ve-dich",
                    "Xã đăng ký về đích",
                    vec![
                        "Xã đăng ký về đích năm Y là xã có năm đăng ký đạt chuẩn là Y. Bản tin của một ngày trong năm Y theo dõi riêng các xã này.".into(),
                    ],
                ),
                section(
                    "binh-quan",
                    "Bình quân và làm tròn",
                    vec![
                        format!("Bình quân tiêu chí/xã là tổng số tiêu chí đạt của các xã có số liệu chia cho số xã đó. Phép chia được tính chính xác rồi làm tròn đến hai chữ số thập phân, từ 5 trở lên làm tròn lên: 77 tiêu chí của 8 xã là {example} tiêu chí/xã."),
                        "Mức tăng bình quân trong năm chỉ tính trên các xã có số liệu theo cùng một bộ tiêu chí ở cả đầu và cuối năm.".into(),
                    ],
                ),
            ],
            Lang::En => vec![
                section(
                    "nguon",
                    "Where the figures come from",
                    vec![
                        "Every week the officers in charge of the communes report which criteria their commune meets; the coordination office gathers the reports into one report per date. Every bulletin and chart gives the date of its data.".into(),
                    ],
                ),
                section(
                    "giu-so-lieu",
                    "Communes that did not report",
                    vec![
                        "A commune's figures on a date are its latest report up to that date: a commune that did not report this week still counts, with its previous figures.".into(),
                        "A commune that never reported has no data and counts nowhere. A district none of whose communes reported shows \"no data\", not 0.".into(),
                    ],
                ),
                section(
                    "dat-chuan",
                    "At the standard and recognised",
                    vec![
                        format!("A commune at the standard meets every criterion of its criteria set ({n_text} criteria), by its own report."),
                        "A recognised commune has the province's official decision. The decision comes after the commune meets every criterion and is inspected, so fewer communes are recognised than at the standard; a commune recognised under an older set may not meet a newer one. The site shows both figures.".into(),
                    ],
                ),
                section(
                    "tang-giam",
                    "Criteria gained and lost",
                    vec![
                        "A commune's criteria gained (lost) in a report are those it meets now and did not (did) meet in its own previous report. A first report counts no gain or loss.".into(),
                        "\"Reported, gained none\" counts only communes that reported; some of them could not gain because they already met every criterion. Communes that did not report are counted apart.".into(),
                        "Criteria are named by number and name (C16 Environment), so that a criterion's number is not read as a count.".into(),
                    ],
                ),
                section(
                    "chuyen-bo",
                    "Moving to a new criteria set",
                    vec![
                        "When a new criteria set applies, a commune's first report under it is not compared with its reports under the old set: no gain or loss is counted. The bulletin and the commune's page say so.".into(),
                    ],
                ),
                section(
                    "nhom",
                    "Bands of criteria met",
                    vec![
                        format!("Communes fall into {bands} bands: at the standard (every criterion); 15 or more but not all; 10–14; 5–9; fewer than 5."),
                    ],
                ),
                section(
                    "ve-dich",
                    "Target communes",
                    vec![
                        "The target communes of year Y registered to reach the standard in Y; a bulletin dated in Y follows them apart.".into(),
                    ],
                ),
                section(
                    "binh-quan",
                    "Averages and rounding",
                    vec![
                        format!("The average criteria per commune is the total criteria met by the communes with data divided by their number, computed exactly and rounded half up to two decimals: 77 criteria over 8 communes is {example}."),
                        "A year's average gain counts only the communes with data under the same criteria set at the start and the end of the year.".into(),
                    ],
                ),
            ],
        };
        let title = self.t("method_title").to_string();
        let vars = json!({
            "sections": sections,
            "sets": sets,
            "description": self.t("method_lead"),
        });
        self.add(METHOD_DIR, "method.html", "method", &title, vec![], vars);
    }
}
