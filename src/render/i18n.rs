//! Every word of the site's own, in one table: Vietnamese now, English
//! ready (`site.language: en`). Templates read them as `t.<key>`; the
//! renderers through [`Strings::get`]. A key missing from a language falls
//! back to the Vietnamese text.

use super::format::Lang;
use serde_json::{Map, Value};

/// `(key, Vietnamese, English)`.
pub const TABLE: &[(&str, &str, &str)] = &[
    (
        "progress_title",
        "Tiến độ qua các năm",
        "Progress over the years",
    ),
    ("data_table", "Bảng số liệu", "Data table"),
    (
        "fig_tools",
        "Tải về, nhúng, trích dẫn",
        "Download, embed, cite",
    ),
    ("cite_data_of", "số liệu ngày", "data of"),
    ("permalink", "Liên kết cố định", "Permanent link"),
    ("fig_svg", "Hình (SVG)", "Image (SVG)"),
    (
        "fig_png",
        "Hình (PNG, in hoặc đăng mạng xã hội)",
        "Image (PNG, for print or social media)",
    ),
    (
        "fig_csv",
        "Số liệu của hình (CSV)",
        "The figures drawn (CSV)",
    ),
    (
        "fig_embed",
        "Mã nhúng vào trang khác:",
        "Code to embed it in another page:",
    ),
    (
        "search_label",
        "Tìm xã, huyện, tiêu chí, tin bài",
        "Search communes, districts, criteria, news",
    ),
    ("search_button", "Tìm", "Search"),
    ("search_placeholder", "Tìm xã, huyện, tiêu chí…", "Search…"),
    (
        "search_found",
        "{n} kết quả; dùng phím mũi tên để chọn",
        "{n} results; use the arrow keys to choose",
    ),
    ("search_none", "Không tìm thấy kết quả nào", "Nothing found"),
    (
        "search_loading",
        "Đang tải danh mục tìm kiếm…",
        "Loading the search index…",
    ),
    ("table", "Bảng", "Table"),
    ("col_figure", "Chỉ số", "Figure"),
    (
        "skip_to_content",
        "Bỏ qua, đến nội dung chính",
        "Skip to main content",
    ),
    ("nav_main", "Điều hướng chính", "Main navigation"),
    ("nav_pages", "Trang thông tin", "Information pages"),
    ("breadcrumbs", "Vị trí trang", "Breadcrumbs"),
    ("nav_home", "Trang chủ", "Home"),
    ("nav_districts", "Huyện, thị xã, thành phố", "Districts"),
    ("nav_communes", "Xã", "Communes"),
    ("nav_criteria", "Tiêu chí", "Criteria"),
    ("nav_targets", "Mục tiêu", "Targets"),
    ("nav_bulletins", "Bản tin", "Bulletins"),
    ("nav_news", "Tin tức", "News"),
    ("nav_models", "Mô hình", "Model areas"),
    ("nav_downloads", "Dữ liệu", "Data"),
    ("data_as_of", "Số liệu đến ngày", "Data as of"),
    ("as_of", "đến ngày", "as of"),
    ("data_of", "dữ liệu ngày", "data of"),
    ("license", "Giấy phép dữ liệu", "Data licence"),
    ("download_data", "Tải dữ liệu", "Download the data"),
    ("made_with", "Trang được tạo bởi", "Built with"),
    ("headline", "Số liệu chính", "Key figures"),
    (
        "kpi_standard",
        "Xã đạt chuẩn nông thôn mới",
        "Communes meeting the standard",
    ),
    ("kpi_known_communes", "xã có số liệu", "communes with data"),
    (
        "kpi_average",
        "Bình quân tiêu chí đạt",
        "Average criteria met",
    ),
    (
        "kpi_criteria_per_commune",
        "tiêu chí/xã",
        "criteria per commune",
    ),
    (
        "kpi_recognized",
        "Xã đã có quyết định công nhận",
        "Communes officially recognised",
    ),
    ("communes_unit", "xã", "communes"),
    ("groups_unit", "đơn vị", "areas"),
    ("kpi_target", "Xã đăng ký về đích năm", "Communes targeting"),
    (
        "kpi_target_done",
        "xã đã đạt chuẩn",
        "already at the standard",
    ),
    (
        "unknown_note_after",
        "xã chưa có số liệu báo cáo.",
        "communes have not reported yet.",
    ),
    (
        "bands_title",
        "Phân bố xã theo số tiêu chí đạt",
        "Communes by criteria met",
    ),
    (
        "bands_caption",
        "Số xã theo nhóm tiêu chí đạt, đến ngày",
        "Communes by criteria met, as of",
    ),
    ("col_band", "Nhóm", "Band"),
    ("col_communes", "Số xã", "Communes"),
    ("col_share", "Tỷ lệ", "Share"),
    (
        "band_standard",
        "Đạt chuẩn (đủ tiêu chí)",
        "At the standard (all criteria)",
    ),
    ("band_15", "Từ 15 tiêu chí", "15 criteria or more"),
    ("band_10", "10–14 tiêu chí", "10–14 criteria"),
    ("band_5", "5–9 tiêu chí", "5–9 criteria"),
    ("band_0", "Dưới 5 tiêu chí", "Fewer than 5 criteria"),
    ("level_standard", "Đạt chuẩn NTM", "Standard"),
    ("level_advanced", "NTM nâng cao", "Advanced"),
    ("level_model", "NTM kiểu mẫu", "Model"),
    ("latest_bulletin", "Bản tin mới nhất", "Latest bulletin"),
    ("bulletin_of", "Bản tin ngày", "Bulletin of"),
    ("period", "tuần", "week"),
    ("b_reporting", "xã báo cáo", "communes reported"),
    ("b_communes_gained", "xã tăng thêm", "communes gained"),
    ("b_communes_lost", "xã giảm", "communes lost"),
    ("b_criteria", "tiêu chí", "criteria"),
    (
        "b_no_gain",
        "xã không tăng tiêu chí",
        "communes gained none",
    ),
    (
        "b_target_prefix",
        "Trong các xã đăng ký về đích năm",
        "Among the communes targeting",
    ),
    ("all_bulletins", "Tất cả bản tin", "All bulletins"),
    (
        "all_districts",
        "Các huyện, thị xã, thành phố",
        "All districts",
    ),
    (
        "districts_caption",
        "Số liệu theo huyện, thị xã, thành phố",
        "Figures by district",
    ),
    ("col_district", "Huyện", "District"),
    ("col_standard", "Đạt chuẩn", "At the standard"),
    ("col_average", "Bình quân tiêu chí", "Average criteria"),
    ("col_target", "Về đích năm nay", "Target this year"),
    // A group with no commune registered for this year: said in words,
    // never "0/0".
    ("none_registered", "Không có", "None"),
    ("col_recognized_count", "Đã công nhận", "Recognised"),
    (
        "loose_communes",
        "Các xã không thuộc huyện",
        "Communes in no district",
    ),
    (
        "targets_title",
        "Mục tiêu của tỉnh",
        "The province's targets",
    ),
    ("deadline", "hạn", "deadline"),
    ("shortfall", "Còn thiếu", "Shortfall"),
    ("latest_news", "Tin mới", "Latest news"),
    ("all_news", "Tất cả tin tức", "All news"),
    (
        "districts_lead",
        "Số liệu của từng huyện, thị xã, thành phố",
        "Figures for each district",
    ),
    ("subgroups", "Các cụm xã trực thuộc", "Groups within"),
    ("communes_of", "Các xã của", "Communes of"),
    ("communes_caption", "Danh sách xã:", "Communes:"),
    ("latest_changes", "Thay đổi gần đây", "Latest changes"),
    (
        "indicators",
        "Chỉ số phát triển sản xuất",
        "Production indicators",
    ),
    ("communes_reporting", "xã báo cáo", "communes reporting"),
    (
        "ind_production_models",
        "Mô hình sản xuất",
        "Production models",
    ),
    (
        "ind_efficient_models",
        "Mô hình hiệu quả cao",
        "Highly effective models",
    ),
    ("ind_enterprises", "Doanh nghiệp", "Enterprises"),
    ("ind_cooperatives", "Hợp tác xã", "Cooperatives"),
    (
        "communes_lead",
        "Tất cả các xã với số tiêu chí đạt theo báo cáo gần nhất",
        "Every commune with the criteria met in its latest report",
    ),
    (
        "filter_label",
        "Lọc theo tên xã hoặc huyện:",
        "Filter by commune or district:",
    ),
    ("all_communes_caption", "Danh sách các xã", "All communes"),
    ("col_commune", "Xã", "Commune"),
    ("col_met", "Tiêu chí đạt", "Criteria met"),
    ("col_grid", "Các tiêu chí", "Each criterion"),
    ("col_target_year", "Năm đăng ký về đích", "Target year"),
    ("col_recognized", "Công nhận", "Recognition"),
    ("col_last_report", "Báo cáo gần nhất", "Last report"),
    ("no_data", "Chưa có số liệu", "No data"),
    ("code", "Mã đơn vị hành chính", "Code"),
    ("population", "Dân số", "Population"),
    ("people", "người", "people"),
    ("area", "Diện tích", "Area"),
    ("criteria_met", "Tiêu chí đã đạt", "Criteria met"),
    ("status", "Tình trạng", "Status"),
    ("meets_standard", "Đạt chuẩn NTM", "Meets the standard"),
    ("target_year", "Năm đăng ký về đích", "Target year"),
    ("left_before", "còn", "still"),
    ("left_after", "tiêu chí chưa đạt", "criteria to go"),
    ("recognition", "Công nhận", "Recognition"),
    (
        "not_recognized",
        "Chưa có quyết định công nhận",
        "Not recognised yet",
    ),
    ("last_report", "Báo cáo gần nhất ngày", "Last report on"),
    ("under_set", "theo", "under"),
    (
        "commune_no_data",
        "Xã chưa có số liệu báo cáo nào.",
        "This commune has not reported yet.",
    ),
    ("criteria_table", "Bảng tiêu chí", "Criteria"),
    ("criteria_caption", "Các tiêu chí của xã", "Criteria of"),
    ("col_number", "TT", "No."),
    ("col_criterion", "Tiêu chí", "Criterion"),
    ("col_state", "Kết quả", "Result"),
    ("col_since", "Đạt từ ngày", "Met since"),
    ("met", "Đạt", "Met"),
    ("not_met", "Chưa đạt", "Not met"),
    (
        "progress_over_time",
        "Diễn biến theo thời gian",
        "Progress over time",
    ),
    (
        "fig_timeline",
        "Số tiêu chí đạt qua các lần báo cáo",
        "Criteria met at each report",
    ),
    ("col_date", "Ngày", "Date"),
    ("col_set", "Bộ tiêu chí", "Criteria set"),
    ("history", "Lịch sử thay đổi", "History of changes"),
    (
        "reports_count",
        "lần báo cáo; dưới đây là các lần có thay đổi.",
        "reports; those with a change are listed below.",
    ),
    ("col_change", "Thay đổi", "Change"),
    ("change_baseline", "Báo cáo lần đầu", "First report"),
    (
        "change_rebased",
        "Chuyển bộ tiêu chí",
        "Moved to another criteria set:",
    ),
    ("change_gained", "Đạt thêm", "Gained"),
    ("change_lost", "Không còn đạt", "Lost"),
    (
        "recognitions",
        "Quyết định công nhận",
        "Recognition decisions",
    ),
    ("sponsors", "Đơn vị đỡ đầu", "Sponsors"),
    ("officers", "Cán bộ phụ trách", "Officers in charge"),
    ("from", "từ", "from"),
    ("until", "đến", "until"),
    ("about_commune", "Giới thiệu", "About"),
    (
        "models_of_commune",
        "Mô hình của xã",
        "Model areas of the commune",
    ),
    ("news_of_commune", "Tin tức về xã", "News about the commune"),
    ("cite_title", "Trích dẫn", "How to cite"),
    (
        "criteria_lead",
        "Các bộ tiêu chí quốc gia về xã nông thôn mới dùng trong số liệu của trang.",
        "The national criteria sets used in the site's figures.",
    ),
    ("valid_from", "Áp dụng từ", "In force from"),
    ("criteria_unit", "tiêu chí", "criteria"),
    (
        "set_known_communes",
        "xã đang báo cáo theo bộ tiêu chí này",
        "communes report under this set",
    ),
    (
        "set_table",
        "Số xã đạt từng tiêu chí",
        "Communes meeting each criterion",
    ),
    (
        "col_department",
        "Sở, ngành phụ trách",
        "Department in charge",
    ),
    ("col_meeting", "Số xã đạt", "Communes meeting"),
    ("col_not_meeting", "Số xã chưa đạt", "Communes not meeting"),
    (
        "fig_coverage",
        "Số xã đạt từng tiêu chí",
        "Communes meeting each criterion",
    ),
    ("fig_progress", "Kết quả qua các năm", "Results by year"),
    (
        "fig_bands",
        "Phân bố xã theo số tiêu chí đạt",
        "Communes by criteria met",
    ),
    ("criterion", "Tiêu chí", "Criterion"),
    ("criterion_group", "Nhóm", "Group"),
    ("department", "Sở, ngành phụ trách", "Department in charge"),
    ("communes_meeting", "Xã đạt", "Communes meeting"),
    (
        "communes_not_meeting",
        "Xã chưa đạt",
        "Communes not meeting",
    ),
    (
        "criterion_note",
        "Theo báo cáo gần nhất của từng xã đang dùng bộ tiêu chí này,",
        "From each commune's latest report under this set,",
    ),
    (
        "other_sets_note",
        "xã báo cáo theo bộ tiêu chí khác, không tính ở đây.",
        "communes report under another set and are not counted here.",
    ),
    ("by_district", "Theo huyện", "By district"),
    ("by_district_caption", "theo huyện", "by district"),
    ("no_district", "Không thuộc huyện", "In no district"),
    (
        "criteria_pager",
        "Tiêu chí trước và sau",
        "Previous and next criterion",
    ),
    ("prev_criterion", "Tiêu chí trước", "Previous criterion"),
    ("next_criterion", "Tiêu chí sau", "Next criterion"),
    ("no_news", "Chưa có tin.", "No news yet."),
    ("all_tags", "Tất cả chủ đề", "All topics"),
    ("tags", "Chủ đề", "Topics"),
    ("tag", "Chủ đề", "Topic"),
    ("page", "trang", "page"),
    ("pagination", "Phân trang", "Pages"),
    ("newer", "Tin mới hơn", "Newer"),
    ("older", "Tin cũ hơn", "Older"),
    (
        "communes_in_story",
        "Xã được nhắc đến",
        "Communes in this story",
    ),
    (
        "bulletins_lead",
        "Mỗi bản tin tổng hợp một lần báo cáo tiến độ: số xã báo cáo, số xã tăng, giảm tiêu chí và số xã đạt chuẩn.",
        "Each bulletin sums up one progress report: communes reporting, gaining and losing criteria, and at the standard.",
    ),
    ("year", "Năm", "Year"),
    ("bulletins_caption", "Các bản tin năm", "Bulletins of"),
    ("col_reporting", "Xã báo cáo", "Reporting"),
    ("col_gained", "Xã tăng", "Gained"),
    ("col_lost", "Xã giảm", "Lost"),
    (
        "bulletin_figures",
        "Số liệu bản tin ngày",
        "Figures of the bulletin of",
    ),
    ("scope_all", "Toàn tỉnh", "Whole province"),
    ("scope_target", "Xã về đích năm", "Target communes"),
    ("bf_known", "Xã có số liệu", "Communes with data"),
    ("bf_standard", "Xã đạt chuẩn", "At the standard"),
    (
        "bf_average",
        "Bình quân tiêu chí/xã",
        "Average criteria per commune",
    ),
    ("bf_reporting", "Xã báo cáo lần này", "Communes reporting"),
    (
        "bf_communes_gained",
        "Xã tăng tiêu chí",
        "Communes that gained",
    ),
    ("bf_criteria_gained", "Số tiêu chí tăng", "Criteria gained"),
    (
        "bf_no_gain",
        "Xã không tăng tiêu chí",
        "Communes with no gain",
    ),
    // --- Read right (issue 17) ---
    (
        "bf_reported_no_gain",
        "Xã báo cáo, không tăng",
        "Reported, gained none",
    ),
    (
        "bf_steady_standard",
        "trong đó đã đạt đủ từ trước",
        "of which already met all",
    ),
    ("bf_not_reported", "Xã không báo cáo", "Did not report"),
    (
        "method_link",
        "Cách tính số liệu",
        "How the figures are computed",
    ),
    (
        "method_title",
        "Cách tính số liệu",
        "How the figures are computed",
    ),
    (
        "method_lead",
        "Mọi con số trên trang này được tính theo cùng một cách, giải thích dưới đây bằng lời thường.",
        "Every figure on this site is computed the same way, explained here in plain words.",
    ),
    ("method_toc", "Nội dung", "Contents"),
    ("method_sets", "Các bộ tiêu chí", "The criteria sets"),
    ("method_from", "áp dụng từ", "in force from"),
    ("method_until", "đến", "until"),
    ("crit_abbr", "TC", "C"),
    ("crit_word", "Tiêu chí", "Criterion"),
    (
        "note_standard_recognized",
        "Đạt chuẩn: xã đạt đủ tiêu chí theo báo cáo của xã; đã công nhận: xã đã có quyết định công nhận của UBND tỉnh, thường đến sau.",
        "At the standard: the commune reports meeting every criterion; recognised: the province has issued its decision, which usually comes later.",
    ),
    ("bf_communes_lost", "Xã giảm tiêu chí", "Communes that lost"),
    ("bf_criteria_lost", "Số tiêu chí giảm", "Criteria lost"),
    ("bf_baseline", "Xã báo cáo lần đầu", "First reports"),
    (
        "bf_rebased",
        "Xã chuyển bộ tiêu chí",
        "Moved to another set",
    ),
    ("editor_text", "Nhận định", "Commentary"),
    (
        "communes_gaining",
        "Xã tăng tiêu chí",
        "Communes that gained criteria",
    ),
    (
        "communes_losing",
        "Xã giảm tiêu chí",
        "Communes that lost criteria",
    ),
    (
        "communes_baseline",
        "Xã báo cáo lần đầu",
        "Communes reporting for the first time",
    ),
    (
        "communes_rebased",
        "Xã chuyển sang bộ tiêu chí khác (không tính tăng, giảm)",
        "Communes moved to another set (no gain or loss counted)",
    ),
    (
        "bulletin_pager",
        "Bản tin trước và sau",
        "Previous and next bulletin",
    ),
    ("prev_bulletin", "Bản tin trước", "Previous bulletin"),
    ("next_bulletin", "Bản tin sau", "Next bulletin"),
    (
        "targets_lead",
        "Các mục tiêu tỉnh tự đặt ra, đánh giá vào ngày hết hạn hoặc theo số liệu mới nhất nếu chưa đến hạn.",
        "The targets the province set itself, judged on their deadline, or on the latest data while open.",
    ),
    (
        "evaluated_on",
        "đánh giá theo số liệu ngày",
        "judged on the data of",
    ),
    ("scope", "Phạm vi", "Scope"),
    ("whole_province", "Toàn tỉnh", "Whole province"),
    ("measure", "Chỉ tiêu", "Measure"),
    ("target_source", "Căn cứ", "Source"),
    ("groups_behind", "Các đơn vị chưa đạt", "Areas behind"),
    ("communes_behind", "Các xã chưa đạt", "Communes behind"),
    ("no_targets", "Chưa có mục tiêu nào.", "No targets yet."),
    ("year_review", "Tổng kết theo năm", "Year review"),
    (
        "year_review_caption",
        "Kết quả từng năm (cuối năm hoặc ngày có số liệu mới nhất)",
        "Results of each year (at its end, or on the latest data)",
    ),
    ("col_year", "Năm", "Year"),
    ("col_end", "Đến ngày", "Up to"),
    ("col_known", "Xã có số liệu", "Communes with data"),
    ("col_newly", "Đạt chuẩn mới", "Newly at the standard"),
    (
        "col_average_gain",
        "Bình quân tăng (tiêu chí/xã)",
        "Average gain (criteria per commune)",
    ),
    ("col_min_met", "Ít nhất (tiêu chí)", "Fewest criteria"),
    (
        "measure_min_met",
        "Không còn xã đạt dưới số tiêu chí",
        "No commune below this many criteria",
    ),
    (
        "measure_standard_per_group",
        "Số xã đạt chuẩn tối thiểu mỗi đơn vị",
        "Standard communes per area, at least",
    ),
    (
        "measure_standard_count",
        "Số xã đạt chuẩn tối thiểu",
        "Standard communes, at least",
    ),
    (
        "measure_target_year_done",
        "Các xã đăng ký về đích trong năm đều đạt chuẩn",
        "Every commune targeting the year reaches the standard",
    ),
    ("status_achieved", "Đã đạt", "Achieved"),
    ("status_missed", "Không đạt", "Missed"),
    ("status_open", "Đang thực hiện", "Open"),
    (
        "model_residential",
        "Khu dân cư NTM kiểu mẫu",
        "Model residential area",
    ),
    ("model_garden", "Vườn mẫu", "Model garden"),
    ("model_status_registered", "Đã đăng ký", "Registered"),
    ("model_status_building", "Đang xây dựng", "In progress"),
    ("model_status_recognized", "Đã công nhận", "Recognised"),
    ("registered", "đăng ký", "registered"),
    ("recognized_on", "công nhận", "recognised"),
    ("photo", "Ảnh", "Photo"),
    (
        "downloads_lead",
        "Các tệp số liệu dưới đây được tạo cùng lúc với trang, từ cùng một nguồn. Mọi con số trên trang đều lấy từ đây.",
        "These data files are made with the site, from the same source: every figure on the site comes from them.",
    ),
    ("files_caption", "Các tệp dữ liệu", "Data files"),
    ("col_file", "Tệp", "File"),
    ("col_content", "Nội dung", "Contents"),
    ("col_format", "Định dạng", "Format"),
    ("col_size", "Dung lượng", "Size"),
    (
        "downloads_format_note",
        "Tệp CSV mã hóa UTF-8 (có BOM, mở được bằng Excel), ngày theo dạng ISO (2015-08-27), số thập phân dùng dấu chấm.",
        "CSV files are UTF-8 with a byte-order mark (Excel reads them), dates are ISO (2015-08-27), decimals use a dot.",
    ),
    (
        "file_communes_csv",
        "Mỗi xã một dòng: trạng thái theo báo cáo gần nhất, năm đăng ký về đích, công nhận",
        "One row per commune: its latest state, target year, recognition",
    ),
    (
        "file_changes_csv",
        "Các lần xã tăng hoặc giảm tiêu chí",
        "Every time a commune gained or lost criteria",
    ),
    (
        "file_criteria_csv",
        "Các tiêu chí của từng bộ, với sở, ngành phụ trách",
        "The criteria of each set, with the department in charge",
    ),
    (
        "file_targets_csv",
        "Các mục tiêu của tỉnh và kết quả đánh giá",
        "The province's targets and how they stand",
    ),
    ("file_years_csv", "Tổng kết theo năm", "The year review"),
    (
        "file_summary_json",
        "Số liệu tổng hợp của từng lần báo cáo",
        "The figures of every report date",
    ),
    // --- the downloads page: data files and their columns ---
    ("col_files", "Số tệp", "Files"),
    ("downloads_data_date", "Số liệu đến ngày", "Data as of"),
    ("downloads_columns", "Các cột", "Columns"),
    ("downloads_keys", "Các khóa", "Keys"),
    (
        "kind_huyen",
        "huyen/<mã huyện>.csv",
        "huyen/<district id>.csv",
    ),
    (
        "kind_tieu_chi",
        "tieu-chi/<mã bộ>-<số tiêu chí>.csv",
        "tieu-chi/<set id>-<criterion number>.csv",
    ),
    (
        "downloads_files_of",
        "Dung lượng và mã SHA-256 của",
        "Size and SHA-256 of",
    ),
    (
        "downloads_sha_note",
        "Mã SHA-256 của mỗi tệp được tính từ chính các byte đã ghi ra. Tải tệp về rồi tính lại (lệnh sha256sum trên Linux, certutil -hashfile <tệp> SHA256 trên Windows): hai mã trùng nhau thì tệp đúng là tệp của trang, không bị đổi.",
        "Each file's SHA-256 is computed from the very bytes written. Compute it again on the file you downloaded (sha256sum on Linux, certutil -hashfile <file> SHA256 on Windows): the same code means the file is the site's, unchanged.",
    ),
    (
        "file_huyen",
        "Mỗi huyện một tệp: các xã của huyện như trong communes.csv, thêm bốn chỉ số sản xuất theo báo cáo gần nhất",
        "One file per district: its communes as in communes.csv, with the four production indicators as last reported",
    ),
    (
        "file_tieu_chi",
        "Mỗi tiêu chí một tệp: các xã theo bộ tiêu chí đó, xã nào đạt, đạt từ ngày nào",
        "One file per criterion: the communes under its set, which meet it and since when",
    ),
    (
        "file_chi_so_csv",
        "Chỉ số sản xuất (mô hình sản xuất, mô hình hiệu quả cao, doanh nghiệp, hợp tác xã) của từng xã ở từng lần báo cáo",
        "The production indicators (production models, efficient models, enterprises, cooperatives) of each commune at each report",
    ),
    (
        "file_chi_so_tong_csv",
        "Tổng chỉ số sản xuất của tỉnh ở từng ngày báo cáo",
        "The province's production indicator totals at each report date",
    ),
    (
        "file_bao_cao_json",
        "Toàn bộ số liệu đã tính: con số của tỉnh, từng huyện, từng xã qua các ngày, thay đổi, tổng kết năm, mục tiêu",
        "The whole computed report: the province's, each district's and each commune's figures over time, changes, year review, targets",
    ),
    (
        "dcol_id",
        "Mã xã (đường dẫn của xã trong communes/)",
        "The commune's id (its path in communes/)",
    ),
    ("dcol_name", "Tên xã", "The commune's name"),
    (
        "dcol_group",
        "Mã huyện (nhóm) chứa xã trực tiếp; trống nếu xã nằm thẳng trong communes/",
        "The id of the district (group) directly holding the commune; empty for a commune directly under communes/",
    ),
    (
        "dcol_latest_date",
        "Ngày của báo cáo gần nhất có ghi xã",
        "The date of the latest report listing the commune",
    ),
    (
        "dcol_criteria_set",
        "Bộ tiêu chí của tình trạng đó",
        "The criteria set of that state",
    ),
    (
        "dcol_met_count",
        "Số tiêu chí đạt",
        "How many criteria it meets",
    ),
    (
        "dcol_criteria_total",
        "Số tiêu chí của bộ",
        "How many criteria the set has",
    ),
    (
        "dcol_met",
        "Các số tiêu chí đạt, nối bằng dấu ;",
        "The numbers of the criteria met, joined by ;",
    ),
    (
        "dcol_meets_standard",
        "true nếu xã đạt đủ mọi tiêu chí của bộ (đạt chuẩn), false nếu chưa",
        "true when the commune meets every criterion of its set (the standard), false otherwise",
    ),
    (
        "dcol_target_year",
        "Năm đăng ký về đích; trống nếu không có",
        "The year the commune aims to reach the standard; empty if none",
    ),
    (
        "dcol_recognized_level",
        "Mức của quyết định công nhận gần nhất: standard (đạt chuẩn), advanced (nâng cao), model (kiểu mẫu)",
        "The level of the latest recognition: standard, advanced or model",
    ),
    (
        "dcol_recognized_date",
        "Ngày của quyết định công nhận đó",
        "The date of that recognition",
    ),
    (
        "dcol_code",
        "Mã đơn vị hành chính; trống nếu không có",
        "The administrative unit code; empty if none",
    ),
    (
        "dcol_class",
        "Nhóm xã (1, 2, 3) theo bộ tiêu chí; trống nếu không có",
        "The commune's class (1, 2, 3) under the set; empty if none",
    ),
    (
        "dcol_established",
        "Ngày thành lập xã (xã mới sau sáp nhập); trống nếu không có",
        "The date the commune was established (after a merger); empty if none",
    ),
    (
        "dcol_merged_into",
        "Với xã cũ: mã xã mà nó nhập vào; trống với xã khác",
        "For a former commune: the commune it merged into; empty otherwise",
    ),
    (
        "dcol_indicators_met",
        "Số chỉ tiêu đạt; trống khi bộ không có chỉ tiêu",
        "How many indicators it meets; empty when the set has none",
    ),
    (
        "dcol_indicators_total",
        "Tổng số chỉ tiêu của bộ; trống khi bộ không có chỉ tiêu",
        "How many indicators the set has; empty when it has none",
    ),
    ("dcol_date", "Ngày báo cáo", "The report date"),
    ("dcol_commune_id", "Mã xã", "The commune's id"),
    (
        "dcol_gained",
        "Các số tiêu chí tăng, nối bằng dấu ;",
        "The numbers of the criteria gained, joined by ;",
    ),
    (
        "dcol_lost",
        "Các số tiêu chí giảm, nối bằng dấu ;",
        "The numbers of the criteria lost, joined by ;",
    ),
    (
        "dcol_met_before",
        "Số tiêu chí đạt trước báo cáo",
        "Criteria met before the report",
    ),
    (
        "dcol_met_after",
        "Số tiêu chí đạt theo báo cáo",
        "Criteria met after the report",
    ),
    (
        "dcol_indicators_gained",
        "Các mã chỉ tiêu tăng, nối bằng dấu ;",
        "The ids of the indicators gained, joined by ;",
    ),
    (
        "dcol_indicators_lost",
        "Các mã chỉ tiêu giảm, nối bằng dấu ;",
        "The ids of the indicators lost, joined by ;",
    ),
    ("dcol_set_id", "Mã bộ tiêu chí", "The criteria set's id"),
    (
        "dcol_number",
        "Số thứ tự của tiêu chí",
        "The criterion's number",
    ),
    (
        "dcol_criteria_csv_name",
        "Tên tiêu chí",
        "The criterion's name",
    ),
    (
        "dcol_name_en",
        "Tên tiếng Anh; trống nếu không có",
        "Its English name; empty if none",
    ),
    (
        "dcol_criteria_csv_group",
        "Nhóm tiêu chí; trống nếu không có",
        "The criterion's group; empty if none",
    ),
    (
        "dcol_department",
        "Sở, ngành phụ trách; trống nếu không có",
        "The department in charge; empty if none",
    ),
    (
        "dcol_targets_csv_id",
        "Mã mục tiêu (tên tệp của mục tiêu)",
        "The target's id (its file name)",
    ),
    ("dcol_title", "Tên mục tiêu", "The target's title"),
    ("dcol_deadline", "Hạn của mục tiêu", "The target's deadline"),
    (
        "dcol_scope",
        "Mã huyện (nhóm) của mục tiêu; trống khi là cả tỉnh",
        "The id of the district (group) it covers; empty for the whole province",
    ),
    (
        "dcol_measure",
        "Cách đo: min_met (không xã nào dưới K tiêu chí), standard_count (số xã đạt chuẩn), standard_per_group (số xã đạt chuẩn mỗi huyện), target_year_done (xã đăng ký về đích năm đó đều đạt chuẩn)",
        "How it is measured: min_met (no commune below K criteria), standard_count (communes at the standard), standard_per_group (communes at the standard in each district), target_year_done (every commune targeting the year reaches the standard)",
    ),
    (
        "dcol_value",
        "Con số K cần đạt; trống với target_year_done",
        "The figure K to reach; empty for target_year_done",
    ),
    (
        "dcol_status",
        "achieved (đã đạt), missed (không đạt) hoặc open (đang thực hiện)",
        "achieved, missed or open",
    ),
    (
        "dcol_evaluated_on",
        "Ngày xét: hạn, hoặc ngày báo cáo gần nhất khi chưa đến hạn",
        "The date it is evaluated on: the deadline, or the latest report before it",
    ),
    (
        "dcol_shortfall",
        "Phần còn thiếu vào ngày xét",
        "What is still missing on that date",
    ),
    ("dcol_year", "Năm của tổng kết", "The year reviewed"),
    (
        "dcol_end",
        "Ngày cuối của năm (năm nay: ngày báo cáo gần nhất)",
        "The year's last day (this year: the latest report)",
    ),
    (
        "dcol_known",
        "Số xã có số liệu vào ngày đó",
        "Communes with data on that date",
    ),
    (
        "dcol_years_csv_meets_standard",
        "Số xã đạt chuẩn vào ngày cuối năm",
        "Communes at the standard at the year's end",
    ),
    (
        "dcol_newly_standard",
        "Số xã mới đạt chuẩn trong năm",
        "Communes newly at the standard during the year",
    ),
    (
        "dcol_compared",
        "Số xã so sánh được (có số liệu cả đầu và cuối năm, cùng bộ tiêu chí)",
        "Communes compared (with data at both ends of the year, under one set)",
    ),
    (
        "dcol_average_gain",
        "Bình quân số tiêu chí tăng trong năm (có thể âm); trống khi không xã nào so sánh được",
        "The average criteria gained in the year (may be negative); empty when no commune is compared",
    ),
    (
        "dcol_min_met",
        "Số tiêu chí ít nhất của một xã vào ngày cuối năm",
        "The fewest criteria any commune meets at the year's end",
    ),
    (
        "dcol_all",
        "Các con số cho mọi xã",
        "The figures over every commune",
    ),
    (
        "dcol_target",
        "Cùng các con số, chỉ cho các xã đăng ký về đích năm đó",
        "The same figures over the communes targeting that year only",
    ),
    (
        "dcol_summary_json_meets_standard",
        "Số xã đạt chuẩn",
        "Communes at the standard",
    ),
    (
        "dcol_average_met",
        "Bình quân số tiêu chí đạt của các xã có số liệu",
        "The average criteria met by the communes with data",
    ),
    (
        "dcol_bands",
        "Số xã theo mức đạt: standard (đạt chuẩn), 15+, 10-14, 5-9, 0-4 tiêu chí",
        "Communes by criteria met: standard, 15+, 10-14, 5-9, 0-4",
    ),
    (
        "dcol_reporting",
        "Số xã có báo cáo ở ngày đó",
        "Communes that reported on that date",
    ),
    (
        "dcol_communes_gained",
        "Số xã tăng tiêu chí",
        "Communes that gained criteria",
    ),
    (
        "dcol_criteria_gained",
        "Tổng số tiêu chí tăng",
        "Criteria gained in all",
    ),
    (
        "dcol_communes_lost",
        "Số xã giảm tiêu chí",
        "Communes that lost criteria",
    ),
    (
        "dcol_criteria_lost",
        "Tổng số tiêu chí giảm",
        "Criteria lost in all",
    ),
    (
        "dcol_no_gain",
        "Số xã có số liệu mà không tăng tiêu chí",
        "Communes with data that gained nothing",
    ),
    (
        "dcol_baseline",
        "Số xã báo cáo lần đầu",
        "Communes reporting for the first time",
    ),
    (
        "dcol_rebased",
        "Số xã chuyển sang bộ tiêu chí khác",
        "Communes moving to another criteria set",
    ),
    (
        "dcol_stale",
        "Số xã có số liệu đã cũ (quá số ngày quy định)",
        "Communes whose data is stale (older than the set number of days)",
    ),
    (
        "dcol_summary_json_indicators_gained",
        "Tổng số chỉ tiêu tăng",
        "Indicators gained in all",
    ),
    (
        "dcol_summary_json_indicators_lost",
        "Tổng số chỉ tiêu giảm",
        "Indicators lost in all",
    ),
    (
        "dcol_production_models",
        "Số mô hình sản xuất, theo báo cáo gần nhất có số này",
        "Production models, as last reported",
    ),
    (
        "dcol_efficient_models",
        "Số mô hình sản xuất hiệu quả cao, theo báo cáo gần nhất có số này",
        "Highly efficient production models, as last reported",
    ),
    (
        "dcol_enterprises",
        "Số doanh nghiệp, theo báo cáo gần nhất có số này",
        "Enterprises, as last reported",
    ),
    (
        "dcol_cooperatives",
        "Số hợp tác xã, theo báo cáo gần nhất có số này",
        "Cooperatives, as last reported",
    ),
    (
        "dcol_tieu_chi_latest_date",
        "Ngày báo cáo gần nhất của xã, theo bộ tiêu chí của tệp",
        "The commune's latest report, under the file's criteria set",
    ),
    (
        "dcol_meets",
        "true nếu xã đạt tiêu chí này theo báo cáo gần nhất, false nếu chưa",
        "true when the commune meets this criterion by its latest report, false otherwise",
    ),
    (
        "dcol_met_since",
        "Ngày xã bắt đầu đạt tiêu chí liên tục đến nay; trống nếu chưa đạt",
        "The date since which the commune has met it without a break; empty when it does not",
    ),
    (
        "dcol_tieu_chi_indicators_met",
        "Các mã chỉ tiêu của tiêu chí này đã đạt, nối bằng dấu ;",
        "The ids of this criterion's indicators met, joined by ;",
    ),
    (
        "dcol_indicators_missing",
        "Các mã chỉ tiêu của tiêu chí này còn thiếu, nối bằng dấu ;",
        "The ids of this criterion's indicators still missing, joined by ;",
    ),
    (
        "dcol_chi_so_csv_production_models",
        "Số mô hình sản xuất xã báo cáo ngày đó; trống nếu không báo cáo số này",
        "Production models the commune reported that day; empty when not reported",
    ),
    (
        "dcol_chi_so_csv_efficient_models",
        "Số mô hình sản xuất hiệu quả cao xã báo cáo ngày đó; trống nếu không báo cáo",
        "Highly efficient models reported that day; empty when not reported",
    ),
    (
        "dcol_chi_so_csv_enterprises",
        "Số doanh nghiệp xã báo cáo ngày đó; trống nếu không báo cáo",
        "Enterprises reported that day; empty when not reported",
    ),
    (
        "dcol_chi_so_csv_cooperatives",
        "Số hợp tác xã xã báo cáo ngày đó; trống nếu không báo cáo",
        "Cooperatives reported that day; empty when not reported",
    ),
    (
        "dcol_chi_so_tong_csv_production_models",
        "Tổng số mô hình sản xuất của tỉnh: cộng số báo cáo gần nhất của từng xã; trống khi chưa xã nào báo cáo",
        "The province's production models: the sum of each commune's latest report; empty while no commune has reported it",
    ),
    (
        "dcol_chi_so_tong_csv_efficient_models",
        "Tổng số mô hình sản xuất hiệu quả cao, tính như trên",
        "The province's highly efficient models, summed the same way",
    ),
    (
        "dcol_chi_so_tong_csv_enterprises",
        "Tổng số doanh nghiệp, tính như trên",
        "The province's enterprises, summed the same way",
    ),
    (
        "dcol_chi_so_tong_csv_cooperatives",
        "Tổng số hợp tác xã, tính như trên",
        "The province's cooperatives, summed the same way",
    ),
    (
        "dcol_production_models_communes",
        "Số xã đã báo cáo số mô hình sản xuất (tổng trên cộng từ các xã này)",
        "Communes that reported production models (the total is over them)",
    ),
    (
        "dcol_efficient_models_communes",
        "Số xã đã báo cáo số mô hình hiệu quả cao",
        "Communes that reported highly efficient models",
    ),
    (
        "dcol_enterprises_communes",
        "Số xã đã báo cáo số doanh nghiệp",
        "Communes that reported enterprises",
    ),
    (
        "dcol_cooperatives_communes",
        "Số xã đã báo cáo số hợp tác xã",
        "Communes that reported cooperatives",
    ),
    (
        "dcol_data_date",
        "Ngày của báo cáo gần nhất: số liệu tính đến ngày này",
        "The latest report's date: the figures are as of it",
    ),
    (
        "dcol_province",
        "Các con số của cả tỉnh vào ngày đó: số xã, có số liệu, đạt chuẩn, bình quân, mức đạt, xã về đích, chỉ số sản xuất",
        "The province's figures on that date: communes, with data, at the standard, average, bands, target communes, production indicators",
    ),
    (
        "dcol_groups",
        "Các con số đó cho từng huyện (nhóm), với mã, tên và nhóm cha",
        "The same figures for each district (group), with its id, name and parent",
    ),
    (
        "dcol_communes",
        "Từng xã với tình trạng ở mỗi lần báo cáo: bộ tiêu chí, các tiêu chí đạt, chỉ số sản xuất",
        "Each commune with its state at every report: set, criteria met, production indicators",
    ),
    (
        "dcol_changes",
        "Mỗi lần một xã tăng hoặc giảm tiêu chí (hay chỉ tiêu), như changes.csv",
        "Every time a commune gained or lost criteria (or indicators), as in changes.csv",
    ),
    (
        "dcol_summaries",
        "Các con số của từng ngày báo cáo, như summary.json",
        "The figures of each report date, as in summary.json",
    ),
    (
        "dcol_indicators",
        "Tổng chỉ số sản xuất của tỉnh theo ngày, như chi-so-tong.csv",
        "The province's production indicator totals by date, as in chi-so-tong.csv",
    ),
    (
        "dcol_years",
        "Tổng kết năm, như years.csv, với mã các xã mới đạt chuẩn",
        "The year review, as in years.csv, with the ids of the communes newly at the standard",
    ),
    (
        "dcol_targets",
        "Các mục tiêu và kết quả đánh giá, với các xã, huyện còn thiếu",
        "The targets and how they stand, with the communes or districts behind",
    ),
    ("source", "Nguồn", "Source"),
    ("not_found_title", "Không tìm thấy trang", "Page not found"),
    (
        "not_found_text",
        "Địa chỉ này không có trang nào. Có thể trang đã được chuyển đi, hoặc địa chỉ bị gõ nhầm.",
        "There is no page at this address. It may have moved, or the address may be mistyped.",
    ),
    ("contact_email", "Thư điện tử", "Email"),
    ("contact_phone", "Điện thoại", "Phone"),
    ("contact_address", "Địa chỉ", "Address"),
    // Targets, the year review, sponsors and officers (src/render/pages/review.rs;
    // targets.html, target.html, years.html, year.html, sponsors.html, sponsor.html, officers.html).
    ("nav_years", "Tổng kết năm", "Year review"),
    ("targets_word", "mục tiêu", "targets"),
    ("targets_achieved", "đã đạt", "achieved"),
    ("targets_missed", "không đạt", "missed"),
    ("targets_open", "đang thực hiện", "open"),
    ("deadline_label", "Thời hạn", "Deadline"),
    (
        "evaluated_on_label",
        "Đánh giá theo số liệu ngày",
        "Judged on the data of",
    ),
    ("target_details", "Chi tiết", "Details"),
    ("all_targets", "Tất cả mục tiêu", "All targets"),
    (
        "col_left_to_value",
        "Còn thiếu (tiêu chí)",
        "Criteria short of the target",
    ),
    (
        "col_left_to_standard",
        "Còn thiếu để đạt chuẩn (tiêu chí)",
        "Criteria short of the standard",
    ),
    (
        "scope_groups_title",
        "Số xã đạt chuẩn của từng đơn vị",
        "Communes at the standard in each area",
    ),
    ("col_area", "Đơn vị", "Area"),
    ("col_target_met", "Mục tiêu", "Target"),
    ("target_history", "Diễn biến", "Over time"),
    (
        "target_history_caption",
        "Mức còn thiếu vào cuối mỗi năm và vào ngày đánh giá",
        "The shortfall at each year's end and on the date judged",
    ),
    ("judged_here", "ngày đánh giá", "date judged"),
    (
        "open_targets_title",
        "Mục tiêu đang thực hiện",
        "Targets in progress",
    ),
    (
        "closed_targets_note",
        "Các mục tiêu đã đến hạn:",
        "Targets past their deadline:",
    ),
    ("district_targets", "Mục tiêu", "Targets"),
    ("year_review_of", "Tổng kết năm", "Year review"),
    (
        "years_lead",
        "Kết quả xây dựng nông thôn mới của từng năm, tính đến ngày 31/12 (năm đang diễn ra: đến ngày có số liệu mới nhất).",
        "The results of each year, at 31 December (the current year: on the latest data).",
    ),
    ("col_compared", "Xã so sánh được", "Communes compared"),
    (
        "years_note",
        "Bình quân tăng tính trên các xã báo cáo theo cùng một bộ tiêu chí vào cuối năm trước và cuối năm; xã chuyển bộ tiêu chí trong năm không được tính.",
        "The average gain covers the communes reporting under the same criteria set at the end of the year before and at the year's end; communes that moved to another set in the year are left out.",
    ),
    ("no_years", "Chưa có số liệu.", "No data yet."),
    ("year_to_end", "Số liệu đến ngày", "Data as of"),
    (
        "year_to_latest",
        "Năm chưa kết thúc; số liệu mới nhất ngày",
        "The year is not over; the latest data are of",
    ),
    ("year_results", "Kết quả chung", "Results"),
    (
        "year_fewest_list",
        "Các xã đạt ít tiêu chí nhất",
        "The communes meeting the fewest criteria",
    ),
    (
        "year_none_met",
        "Các xã chưa đạt tiêu chí nào",
        "The communes meeting no criterion",
    ),
    (
        "year_lost_list",
        "Các xã không còn đạt chuẩn",
        "The communes no longer at the standard",
    ),
    (
        "year_newly_title",
        "Các xã đạt chuẩn nông thôn mới trong năm",
        "Communes that reached the standard in",
    ),
    (
        "col_reached",
        "Ngày đạt đủ tiêu chí",
        "Met every criterion on",
    ),
    (
        "col_recognition",
        "Quyết định công nhận",
        "Recognition decision",
    ),
    ("col_support", "Hỗ trợ", "Support"),
    ("mark_sponsored", "có đơn vị đỡ đầu", "sponsored"),
    ("mark_seconded", "có cán bộ biệt phái", "seconded officer"),
    (
        "year_targets_title",
        "Các mục tiêu đến hạn trong năm",
        "Targets due in",
    ),
    (
        "year_districts_title",
        "Kết quả theo huyện",
        "Results by district",
    ),
    (
        "pdf_link",
        "Tải bản in (PDF, khổ A4)",
        "Download the print (PDF, A4)",
    ),
    (
        "year_pager",
        "Năm trước và năm sau",
        "Previous and next year",
    ),
    ("sponsors_title", "Đơn vị đỡ đầu", "Sponsoring agencies"),
    (
        "sponsors_lead",
        "Các sở, ban, ngành và đơn vị của tỉnh đỡ đầu xã xây dựng nông thôn mới, và tiến độ của các xã được đỡ đầu.",
        "The provincial departments and agencies that sponsor communes, and the progress of those communes.",
    ),
    (
        "sponsors_caption",
        "Các đơn vị đỡ đầu và số xã đạt chuẩn",
        "Sponsors and their communes at the standard",
    ),
    ("col_sponsor", "Đơn vị đỡ đầu", "Sponsor"),
    ("col_sponsored", "Số xã đỡ đầu", "Communes sponsored"),
    ("all_sponsors", "Tất cả đơn vị đỡ đầu", "All sponsors"),
    (
        "sponsored_figures",
        "Số liệu các xã được đỡ đầu",
        "Figures of the sponsored communes",
    ),
    (
        "sponsored_communes",
        "Các xã được đỡ đầu",
        "Sponsored communes",
    ),
    (
        "officers_title",
        "Cán bộ phụ trách và cán bộ biệt phái",
        "Officers in charge and seconded officers",
    ),
    (
        "officers_lead",
        "Cán bộ được phân công phụ trách xã và cán bộ các sở, ngành được biệt phái về xã, với tiến độ của xã.",
        "Officers assigned to communes and officers seconded to them by provincial departments, with the communes' progress.",
    ),
    ("seconded_title", "Cán bộ biệt phái", "Seconded officers"),
    ("merged_short", "xã đã sáp nhập", "merged away"),
    // v1.2 on the pages: classes, indicators, mergers, stale states.
    ("class_label", "Xã nhóm", "Commune class"),
    (
        "former_before",
        "Xã đã sáp nhập vào",
        "This commune became part of",
    ),
    ("former_on", "từ ngày", "on"),
    (
        "former_history",
        "Số liệu dưới đây là lịch sử của xã đến hết ngày",
        "The figures below are its history up to",
    ),
    ("stale_label", "Số liệu cũ", "Old data"),
    (
        "stale_before",
        "báo cáo gần nhất của xã là ngày",
        "the commune's last report is of",
    ),
    ("stale_over", "đã quá", "more than"),
    ("stale_days_before", "ngày tính đến ngày", "days before"),
    ("stale_short", "số liệu cũ", "old data"),
    ("stale_report_of", "báo cáo ngày", "report of"),
    (
        "timeline_from_established",
        "Biểu đồ tính từ ngày thành lập xã,",
        "The chart starts on the day the commune was established,",
    ),
    (
        "timeline_before",
        "số liệu trước đó là của",
        "earlier figures are those of",
    ),
    (
        "timeline_predecessors",
        "các xã cũ hợp thành",
        "the former communes merged into it",
    ),
    ("col_indicators", "Chỉ tiêu đạt", "Indicators met"),
    ("indicators_missing", "còn thiếu", "missing"),
    (
        "predecessors_title",
        "Các xã cũ hợp thành",
        "The former communes merged into it",
    ),
    (
        "predecessors_lead",
        "Xã được thành lập do sáp nhập các xã dưới đây, từ ngày",
        "The commune was formed by merging the communes below, on",
    ),
    (
        "predecessors_caption",
        "Các xã cũ hợp thành",
        "The former communes of",
    ),
    ("col_former_commune", "Xã cũ", "Former commune"),
    ("col_former_district", "Huyện cũ", "Former district"),
    ("col_reports", "Số lần báo cáo", "Reports"),
    ("merged_into_short", "đã sáp nhập vào", "merged into"),
    ("kpi_stale", "Xã có số liệu cũ", "Communes with old data"),
    (
        "kpi_stale_after",
        "báo cáo gần nhất đã quá",
        "last report more than",
    ),
    ("kpi_stale_days", "ngày", "days old"),
    (
        "former_districts_caption",
        "Huyện cũ, nay là lịch sử: các xã đã sáp nhập vào xã mới (số liệu đến ngày cuối của huyện)",
        "Former districts, now history: their communes merged into new ones (figures as of each district's last day)",
    ),
    ("col_last_day", "Ngày cuối", "Last day"),
    (
        "no_districts_today",
        "Tỉnh không còn cấp huyện: mọi xã, phường trực thuộc tỉnh.",
        "The province has no district level any more: every commune and ward is directly under it.",
    ),
    (
        "former_district_note",
        "Đơn vị cũ, nay là lịch sử: mọi xã của đơn vị đã sáp nhập vào xã mới. Số liệu dưới đây tính đến hết ngày",
        "A former district, now history: all its communes merged into new ones. The figures below are as of",
    ),
    (
        "in_charge_title",
        "Cán bộ phụ trách xã",
        "Officers in charge",
    ),
    (
        "rounds_title",
        "Các đợt cử cán bộ biệt phái",
        "Rounds of secondment",
    ),
    ("col_year_sent", "Năm cử", "Year sent"),
    ("col_officers", "Số cán bộ", "Officers"),
    ("col_officer", "Cán bộ", "Officer"),
    ("col_agency", "Đơn vị công tác", "Agency"),
    ("col_from", "Từ ngày", "From"),
    ("col_until", "Đến ngày", "Until"),
    ("unknown_year", "Không rõ", "Unknown"),
    (
        "standard_as_of",
        "đạt chuẩn tính đến ngày",
        "standard as of",
    ),
    (
        "press_title",
        "Đỡ đầu và biệt phái",
        "Sponsors and seconded officers",
    ),
    (
        "bulletin_targets",
        "Các mục tiêu chưa đến hạn",
        "Targets not yet due",
    ),
    // Galleries of model areas and gardens (src/render/pages/gallery.rs, gallery_*.html).
    ("gallery_total", "Tổng số", "Total"),
    ("gallery_any", "Tất cả", "All"),
    ("gallery_filter_kind", "Loại", "Kind"),
    ("gallery_filter_status", "Tình trạng", "Status"),
    ("gallery_filter_district", "Huyện", "District"),
    ("gallery_filters", "Lọc mô hình", "Filter the models"),
    (
        "gallery_lead",
        "Khu dân cư nông thôn mới kiểu mẫu và vườn mẫu đã đăng ký, đang xây dựng và đã được công nhận, với ảnh của từng mô hình.",
        "Model residential areas and model gardens registered, in progress and recognised, with photos of each.",
    ),
    ("gallery_showing", "Đang hiện", "Showing"),
    ("gallery_models_word", "mô hình", "models"),
    ("gallery_clear", "Bỏ lọc", "Clear the filters"),
    ("gallery_kind", "Loại mô hình", "Kind"),
    ("gallery_status", "Tình trạng", "Status"),
    ("gallery_commune", "Địa bàn", "Where"),
    ("gallery_registered", "Ngày đăng ký", "Registered on"),
    ("gallery_recognized", "Ngày công nhận", "Recognised on"),
    ("gallery_photos", "Ảnh", "Photos"),
    ("gallery_close", "Đóng", "Close"),
    ("gallery_prev", "Ảnh trước", "Previous photo"),
    ("gallery_next", "Ảnh sau", "Next photo"),
    ("gallery_viewer", "Xem ảnh", "Photo viewer"),
    ("gallery_original", "Ảnh cỡ gốc", "Full size"),
    (
        "gallery_more",
        "Các mô hình cùng loại trong huyện",
        "More models of this kind in the district",
    ),
    ("gallery_all", "Tất cả mô hình", "All models"),
    (
        "gallery_counts_title",
        "Khu dân cư kiểu mẫu và vườn mẫu",
        "Model areas and gardens",
    ),
    (
        "gallery_counts_caption",
        "Số mô hình theo tình trạng",
        "Models by status",
    ),
    ("gallery_province", "Toàn tỉnh", "Province"),
    ("gallery_see_all", "Xem ảnh các mô hình", "See the photos"),
    // --- The weekly bulletin's page and print (issue 6) ---
    (
        "b_kind",
        "Bản tin tiến độ xây dựng nông thôn mới",
        "New Rural Development progress bulletin",
    ),
    ("b_data_of", "Số liệu ngày", "Data of"),
    ("b_period", "Kỳ báo cáo", "Reporting period"),
    ("b_set", "Bộ tiêu chí áp dụng", "Criteria set in force"),
    ("b_source", "Nguồn số liệu", "Data source"),
    (
        "b_source_text",
        "báo cáo tiến độ của các xã",
        "the communes' progress reports",
    ),
    ("b_note", "Ghi chú", "Note"),
    (
        "b_pdf",
        "Tải bản in (PDF, khổ A4)",
        "Download the print (PDF, A4)",
    ),
    ("b_summary", "Tóm tắt", "Summary"),
    ("b_scope_target", "Xã về đích", "Target communes"),
    (
        "b_changed",
        "Các xã thay đổi tiêu chí",
        "Communes whose criteria changed",
    ),
    ("b_col_gained", "Tiêu chí tăng", "Criteria gained"),
    ("b_indicator", "chỉ tiêu", "indicator"),
    ("b_col_lost", "Tiêu chí giảm", "Criteria lost"),
    ("b_col_met", "Số tiêu chí đạt", "Criteria met"),
    ("b_col_left", "Còn thiếu", "Left"),
    ("b_at_standard", "Đạt chuẩn", "At the standard"),
    (
        "b_target_mark",
        "Xã đăng ký về đích năm",
        "Commune registered to reach the standard in",
    ),
    (
        "b_no_change",
        "Không có xã nào tăng hay giảm tiêu chí trong kỳ này.",
        "No commune gained or lost a criterion in this period.",
    ),
    (
        "b_losses",
        "Cảnh báo: xã giảm tiêu chí",
        "Warning: communes that lost criteria",
    ),
    ("b_lost_word", "giảm", "lost"),
    (
        "b_targets",
        "Các xã đăng ký về đích năm",
        "Communes registered for",
    ),
    (
        "b_targets_caption",
        "Các xã chưa đạt chuẩn, xếp từ xã còn thiếu ít tiêu chí nhất",
        "Communes short of the standard, fewest criteria left first",
    ),
    ("b_col_met_now", "Đạt", "Met"),
    (
        "b_col_missing",
        "Tiêu chí còn thiếu",
        "Criteria still missing",
    ),
    ("b_no_data", "chưa có số liệu", "no data yet"),
    ("b_col_unchanged", "Không đổi", "Unchanged"),
    ("b_weeks", "tuần", "weeks"),
    ("b_since", "từ", "since"),
    ("b_not_reported_short", "chưa báo cáo", "did not report"),
    (
        "b_stalled_note_1",
        "Xã không có tiêu chí nào thay đổi từ",
        "Communes with no change for",
    ),
    ("b_stalled_note_2", "tuần trở lên", "weeks or more"),
    ("b_targets_done", "Đã đạt chuẩn", "At the standard"),
    (
        "b_targets_silent",
        "Chưa báo cáo trong kỳ này",
        "Did not report in this period",
    ),
    (
        "b_rebased_note",
        "Chuyển bộ tiêu chí",
        "Criteria set changed",
    ),
    ("b_districts", "Tình hình theo huyện", "By district"),
    ("b_col_known", "Xã có số liệu", "With data"),
    ("b_col_standard", "Đạt chuẩn", "At standard"),
    ("b_col_average", "Bình quân tiêu chí", "Average criteria"),
    ("b_col_reporting", "Xã báo cáo", "Reporting"),
    ("b_col_communes_gained", "Xã tăng", "Gained"),
    ("b_col_criteria_gained", "Tiêu chí tăng", "Criteria gained"),
    ("b_col_communes_lost", "Xã giảm", "Lost"),
    ("b_col_criteria_lost", "Tiêu chí giảm", "Criteria lost"),
    (
        "b_no_district",
        "Xã không thuộc huyện",
        "Communes in no district",
    ),
    ("b_charts", "Biểu đồ", "Charts"),
    (
        "b_open_targets",
        "Mục tiêu của tỉnh còn trong hạn",
        "The province's targets still open",
    ),
    ("b_online", "Bản điện tử", "Online"),
    (
        "b_col_target_gained",
        "Xã về đích tăng/tổng số",
        "Target communes gained/all",
    ),
    ("b_col_text", "Nhận định", "Commentary"),
    ("b_years", "Các năm", "Years"),
    // --- end of the weekly bulletin ---
];

/// The strings of one language.
pub struct Strings {
    lang: Lang,
}

impl Strings {
    pub fn for_lang(lang: Lang) -> Strings {
        Strings { lang }
    }

    fn pick(&self, row: &(&'static str, &'static str, &'static str)) -> &'static str {
        match self.lang {
            Lang::Vi => row.1,
            Lang::En if row.2.is_empty() => row.1,
            Lang::En => row.2,
        }
    }

    /// The text of `key`, if the table has it.
    pub fn try_get(&self, key: &str) -> Option<&'static str> {
        TABLE.iter().find(|r| r.0 == key).map(|r| self.pick(r))
    }

    /// The text of `key`; the key itself when missing (a test keeps the
    /// table complete).
    pub fn get(&self, key: &str) -> &'static str {
        match TABLE.iter().find(|r| r.0 == key) {
            Some(r) => self.pick(r),
            None => {
                debug_assert!(false, "no string '{key}'");
                ""
            }
        }
    }

    /// The whole table as the template variable `t`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        for r in TABLE {
            m.insert(r.0.to_string(), Value::String(self.pick(r).to_string()));
        }
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_both_languages_filled() {
        let mut seen = HashSet::new();
        for (k, vi, en) in TABLE {
            assert!(seen.insert(*k), "key {k} twice");
            assert!(!vi.is_empty() && !en.is_empty(), "{k} is empty");
        }
    }

    #[test]
    fn every_key_a_template_uses_is_in_the_table() {
        for (name, text) in super::super::theme::DEFAULT_TEMPLATES {
            let mut rest = *text;
            while let Some(i) = rest.find("t.") {
                let before = rest[..i].chars().last();
                let after = &rest[i + 2..];
                let key: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                let boundary =
                    before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'));
                if boundary && !key.is_empty() {
                    assert!(
                        TABLE.iter().any(|r| r.0 == key),
                        "{name} uses t.{key}, which the table lacks"
                    );
                }
                rest = after;
            }
        }
    }
}
