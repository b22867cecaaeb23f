//! The command line's help (`--help`) in Vietnamese: every command's and
//! option's description, clap's headings and its own flags, put in words a
//! clerk reads, laid over the English descriptions written in the source.

use crate::diag::Lang;
use clap::{Arg, ArgAction, Command};

/// The Vietnamese description of each command (by its path of names below
/// `ntm-site`, `""` for `ntm-site` itself).
const COMMANDS: &[(&str, &str)] = &[
    (
        "",
        "Dựng trang tin nông thôn mới của tỉnh từ thư mục nội dung (số liệu YAML, bài viết Markdown)",
    ),
    (
        "build",
        "Dựng trang web (các trang và tệp số liệu) vào thư mục kết quả",
    ),
    (
        "check",
        "Kiểm tra nội dung và in tóm tắt; không ghi tệp nào",
    ),
    (
        "serve",
        "Xem thử trang trên máy này: dựng, mở ở trình duyệt và dựng lại mỗi khi lưu tệp",
    ),
    (
        "new",
        "Tạo thư mục nội dung mới, hoặc một tệp mới trong thư mục nội dung",
    ),
    (
        "new site",
        "Thư mục nội dung mới, dựng được ngay (thư mục phải mới hoặc trống)",
    ),
    (
        "new snapshot",
        "Báo cáo tuần tiếp theo, mỗi xã ghi sẵn tình trạng hiện tại ở dạng chú thích",
    ),
    (
        "new news",
        "Một tin mới (news/TÊN-TỆP.md); tên tệp lấy từ tiêu đề",
    ),
    (
        "new model",
        "Một khu dân cư kiểu mẫu hoặc vườn mẫu (models/TÊN-TỆP/index.md)",
    ),
    ("new commune", "Một xã mới (communes/MÃ.yaml)"),
    (
        "import",
        "Đọc bảng báo cáo tuần (.xlsx, .xls, .ods, .csv) thành progress/<ngày>.yaml",
    ),
    (
        "export-sheet",
        "Xuất bảng tính báo cáo tuần (.xlsx), ghi sẵn tình trạng của mọi xã",
    ),
    (
        "sample",
        "Tạo một thư mục nội dung mẫu với cỡ tùy chọn, để đo tốc độ và thử ở quy mô lớn",
    ),
];

/// The Vietnamese description of each option or argument: (command path,
/// argument id, text). Options of `ntm-site` itself (`""`) hold for every
/// command.
const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "lang",
        "Ngôn ngữ của thông báo: vi hoặc en (mặc định: ngôn ngữ của trang, không có thì vi)",
    ),
    (
        "",
        "quiet",
        "Chỉ in lỗi và cảnh báo: không in tóm tắt, không có thanh tiến độ",
    ),
    ("", "verbose", "In thêm: thời gian của từng bước khi dựng"),
    ("build", "content", "Thư mục nội dung"),
    (
        "build",
        "output",
        "Thư mục kết quả; một lần dựng thành công thay cả thư mục",
    ),
    (
        "build",
        "base_url",
        "Địa chỉ web của trang (thay cho base_url trong site.yaml)",
    ),
    (
        "build",
        "drafts",
        "Dựng cả các bài ghi draft: true (bản nháp)",
    ),
    ("build", "deny_warnings", "Coi cảnh báo là lỗi"),
    (
        "build",
        "pdf",
        "In các bản tin và tổng kết năm ra PDF bằng Chromium (không hiện cửa sổ)",
    ),
    (
        "build",
        "pdf_dates",
        "Với --pdf: chỉ in bản tin của ngày này (YYYY-MM-DD hoặc 'latest'); ghi được nhiều lần",
    ),
    (
        "build",
        "pdf_years",
        "Với --pdf: chỉ in tổng kết của năm này; ghi được nhiều lần",
    ),
    (
        "build",
        "chromium",
        "Chương trình Chromium dùng để in (mặc định: chromium hoặc google-chrome đầu tiên tìm thấy)",
    ),
    (
        "build",
        "cache",
        "Nơi giữ ảnh đã xử lý giữa các lần dựng (mặc định: .ntm-cache cạnh thư mục kết quả)",
    ),
    (
        "build",
        "photo_originals",
        "Đăng cả ảnh cỡ gốc (mã hóa lại, bỏ siêu dữ liệu như mọi cỡ ảnh)",
    ),
    (
        "build",
        "no_chart_png",
        "Không vẽ ảnh PNG của biểu đồ (dựng nhanh hơn; biểu đồ không có nút tải PNG)",
    ),
    (
        "build",
        "timings",
        "In thời gian của từng bước (đọc, tính, ảnh, trang, mẫu trang, ghi...)",
    ),
    ("sample", "communes", "Số xã (trước khi sáp nhập)"),
    ("sample", "weeks", "Số báo cáo tuần"),
    ("sample", "news", "Số tin"),
    ("sample", "photos", "Số ảnh, mỗi năm ảnh một mô hình"),
    (
        "sample",
        "flat",
        "Không có cấp huyện: mọi xã nằm ngay trong communes/",
    ),
    (
        "sample",
        "merger",
        "Sau hai phần ba thời gian, cứ ba xã sáp nhập thành một (sáp nhập của định dạng v1.2)",
    ),
    (
        "sample",
        "seed",
        "Hạt giống của các lựa chọn ngẫu nhiên: cùng hạt giống thì cùng nội dung",
    ),
    ("sample", "out", "Thư mục sẽ ghi (chưa có, hoặc trống)"),
    ("check", "content", "Thư mục nội dung"),
    ("check", "deny_warnings", "Coi cảnh báo là lỗi"),
    ("serve", "content", "Thư mục nội dung"),
    ("serve", "port", "Cổng để nghe (0: một cổng trống bất kỳ)"),
    (
        "serve",
        "bind",
        "Địa chỉ để nghe; mặc định chỉ máy này kết nối được",
    ),
    ("serve", "open", "Mở trang trong trình duyệt"),
    (
        "serve",
        "drafts",
        "Dựng cả các bài ghi draft: true (bản nháp)",
    ),
    (
        "serve",
        "cache",
        "Nơi giữ ảnh đã xử lý (mặc định: .ntm-cache, như build); bản xem thử dựng bên trong",
    ),
    ("new site", "dir", "Thư mục sẽ tạo"),
    (
        "new snapshot",
        "date",
        "Ngày báo cáo (mặc định: một tuần sau báo cáo mới nhất)",
    ),
    ("new snapshot", "content", "Thư mục nội dung"),
    ("new news", "title", "Tiêu đề của tin"),
    ("new news", "slug", "Tên tệp (mặc định: lấy từ tiêu đề)"),
    ("new news", "date", "Ngày đăng (mặc định: hôm nay)"),
    ("new news", "content", "Thư mục nội dung"),
    (
        "new model",
        "slug",
        "Tên tệp, hoặc tiêu đề tiếng Việt để lấy tên tệp từ đó",
    ),
    ("new model", "commune", "Mã của xã"),
    (
        "new model",
        "garden",
        "Một vườn mẫu (không phải khu dân cư kiểu mẫu)",
    ),
    ("new model", "content", "Thư mục nội dung"),
    (
        "new commune",
        "id",
        "Mã xã: huyện/xã như ky-anh/ky-thu, hoặc chỉ xã như ky-thu với tỉnh không còn cấp huyện",
    ),
    ("new commune", "name", "Tên xã, ví dụ \"Kỳ Thư\""),
    ("new commune", "content", "Thư mục nội dung"),
    (
        "import",
        "file",
        "Bảng báo cáo tuần: .xlsx, .xls, .ods hoặc .csv",
    ),
    ("import", "content", "Thư mục nội dung"),
    (
        "import",
        "date",
        "Ngày báo cáo (mặc định: ngày ghi ở tiêu đề bảng)",
    ),
    (
        "import",
        "dry_run",
        "Chỉ in những gì sẽ ghi và các xã thay đổi; không ghi gì",
    ),
    (
        "import",
        "skip_unmatched",
        "Bỏ qua các dòng không khớp xã nào (hoặc khớp nhiều xã), thay vì dừng lại",
    ),
    ("export-sheet", "file", "Tệp bảng tính sẽ ghi (.xlsx)"),
    ("export-sheet", "content", "Thư mục nội dung"),
    (
        "export-sheet",
        "date",
        "Ngày báo cáo (mặc định: một tuần sau báo cáo mới nhất)",
    ),
];

/// Examples under each command's help: (command path, Vietnamese, English).
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "",
        "Ví dụ:
  ntm-site check             kiểm tra thư mục content/
  ntm-site build             dựng trang vào thư mục output/
  ntm-site serve             xem thử trên máy này, tự tải lại khi lưu tệp
  ntm-site build --help      mọi tùy chọn của build
  ntm-site help import       cách dùng của import

Hướng dẫn cho văn phòng: docs/huong-dan.md; định dạng nội dung: docs/content-format.md",
        "Examples:
  ntm-site check             checks content/
  ntm-site build             builds the site into output/
  ntm-site serve             live preview on this machine, reloads on save
  ntm-site build --help      every option of build
  ntm-site help import       how to use import

The office's guide: docs/huong-dan.md; the content format: docs/content-format.md",
    ),
    (
        "build",
        "Ví dụ:
  ntm-site build
      dựng content/ vào output/
  ntm-site build --content tinh-toi/ --output public/ --base-url https://ntm.tinh.gov.vn/
      thư mục khác, địa chỉ web khác
  ntm-site build --pdf --pdf-date latest
      in bản tin mới nhất ra PDF khổ A4
  ntm-site build --deny-warnings
      coi cảnh báo là lỗi (cho kiểm tra tự động)

Khi có lỗi, không tệp nào được ghi và output/ giữ nguyên.",
        "Examples:
  ntm-site build
      builds content/ into output/
  ntm-site build --content my-province/ --output public/ --base-url https://ntm.example.gov.vn/
      other folders, another address
  ntm-site build --pdf --pdf-date latest
      prints the latest bulletin on A4
  ntm-site build --deny-warnings
      warnings fail the build (for CI)

On errors nothing is written and output/ stays as it was.",
    ),
    (
        "check",
        "Ví dụ:
  ntm-site check
      kiểm tra content/ và in tóm tắt
  ntm-site check --content tinh-toi/ --deny-warnings
      một thư mục khác; cảnh báo cũng là lỗi

Mỗi lỗi ghi tệp:dòng:cột, sai gì và nên sửa thế nào.",
        "Examples:
  ntm-site check
      checks content/ and prints a summary
  ntm-site check --content my-province/ --deny-warnings
      another folder; warnings fail too

Each error gives file:line:col, what is wrong and what would be right.",
    ),
    (
        "new",
        "Ví dụ:
  ntm-site new site tinh-moi
      thư mục nội dung mới, dựng được ngay
  ntm-site new snapshot
      báo cáo tuần tiếp theo, mọi xã ghi sẵn ở dạng chú thích
  ntm-site new commune ky-thu --name \"Kỳ Thư\"
  ntm-site new news \"Tuần 23–29/12: 3 xã tăng tiêu chí\"
  ntm-site new model \"Vườn mẫu nhà ông Tâm\" --commune ky-tan --garden

Không ghi đè tệp đã có.",
        "Examples:
  ntm-site new site new-province
      a new content folder that builds as it is
  ntm-site new snapshot
      the next weekly snapshot, every commune written as a comment
  ntm-site new commune ky-thu --name \"Kỳ Thư\"
  ntm-site new news \"Tuần 23–29/12: 3 xã tăng tiêu chí\"
  ntm-site new model \"Vườn mẫu nhà ông Tâm\" --commune ky-tan --garden

Never overwrites a file.",
    ),
    (
        "import",
        "Ví dụ:
  ntm-site import --dry-run bao-cao.xlsx
      xem trước: tệp sẽ ghi và các xã thay đổi
  ntm-site import bao-cao.xlsx
      ghi progress/<ngày>.yaml
  ntm-site import --date 2017-12-29 --skip-unmatched bao-cao-cu.csv

Có dòng không khớp xã nào (hay khớp nhiều xã) thì không ghi gì, trừ khi có --skip-unmatched.",
        "Examples:
  ntm-site import --dry-run report.xlsx
      what would be written, and who changed
  ntm-site import report.xlsx
      writes progress/<date>.yaml
  ntm-site import --date 2017-12-29 --skip-unmatched old-report.csv

A row matching no commune (or several) stops the import unless --skip-unmatched.",
    ),
    (
        "export-sheet",
        "Ví dụ:
  ntm-site export-sheet bao-cao-tuan.xlsx
      bảng tính của tuần tới, mỗi huyện một trang
  ntm-site export-sheet --date 2026-12-04 bao-cao-tuan.xlsx",
        "Examples:
  ntm-site export-sheet weekly-report.xlsx
      next week's workbook, a sheet per district
  ntm-site export-sheet --date 2026-12-04 weekly-report.xlsx",
    ),
    (
        "serve",
        "Ví dụ:
  ntm-site serve
      xem thử content/ ở http://127.0.0.1:1111/
  ntm-site serve --content tinh-toi/ --port 8080 --open
      thư mục khác, cổng khác, mở trình duyệt

Trang tự tải lại khi lưu tệp; lỗi hiện ngay trên trang. Xem docs/serve.md.",
        "Examples:
  ntm-site serve
      previews content/ at http://127.0.0.1:1111/
  ntm-site serve --content my-province/ --port 8080 --open
      another folder and port, opens the browser

Pages reload when a file is saved; errors show on the page. See docs/serve.md.",
    ),
    (
        "sample",
        "Ví dụ:
  ntm-site sample --communes 250 --weeks 520 --news 2000 --photos 1000 tinh-mau/
      một tỉnh
  ntm-site sample --communes 10000 --weeks 104 --news 10000 --merger ca-nuoc/
      cả nước, có sáp nhập
  ntm-site sample --communes 3300 --flat tinh-phang/
      không có cấp huyện

Cùng tham số (và --seed) thì cùng nội dung. Xem docs/benchmarks.md.",
        "Examples:
  ntm-site sample --communes 250 --weeks 520 --news 2000 --photos 1000 province/
      a province
  ntm-site sample --communes 10000 --weeks 104 --news 10000 --merger nation/
      the nation, with the merger
  ntm-site sample --communes 3300 --flat flat-province/
      no district level

The same options (and --seed) write the same files. See docs/benchmarks.md.",
    ),
];

/// The page of `--help` in Vietnamese: clap's headings replaced.
const TEMPLATE_VI: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// `cmd` (the whole command line, before it parses anything) with its
/// help in `lang`. English is the source's own text, left as it is.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let cmd = with_examples(cmd, "", lang);
    match lang {
        Lang::En => cmd,
        Lang::Vi => localize_vi(cmd, "", "ntm-site").0,
    }
}

/// `cmd` and its commands with their examples in `lang`.
fn with_examples(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some((_, vi, en)) = EXAMPLES.iter().find(|(p, _, _)| *p == path) {
        cmd = cmd.after_help(match lang {
            Lang::Vi => *vi,
            Lang::En => *en,
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| with_examples(s, &sub, lang));
    }
    cmd
}

/// What has no Vietnamese text (`command path` or `command path: --arg`),
/// for the test that keeps every new option translated.
pub fn untranslated(cmd: &Command) -> Vec<String> {
    localize_vi(cmd.clone(), "", "ntm-site").1
}

fn localize_vi(mut cmd: Command, path: &str, shown: &str) -> (Command, Vec<String>) {
    let mut missing = Vec::new();
    match COMMANDS.iter().find(|(p, _)| *p == path) {
        Some((_, about)) => cmd = cmd.about(*about).long_about(None),
        None => missing.push(format!("'{path}'")),
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let mut usage = format!("{shown} [tùy chọn]");
    for (id, positional) in &ids {
        match ARGS.iter().find(|(p, a, _)| *p == path && a == id) {
            Some((_, _, help)) => cmd = cmd.mut_arg(id, |a| describe(a, help)),
            None => missing.push(format!("'{path}': {id}")),
        }
        if *positional {
            let arg = cmd.get_arguments().find(|a| a.get_id() == id);
            let name = arg
                .and_then(|a| a.get_value_names())
                .and_then(|v| v.first())
                .map(|s| s.to_string())
                .unwrap_or_else(|| id.to_uppercase());
            let required = arg.is_some_and(Arg::is_required_set);
            usage.push_str(&if required {
                format!(" <{name}>")
            } else {
                format!(" [{name}]")
            });
        }
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading(*positional)));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    if !names.is_empty() {
        usage.push_str(" <LỆNH>");
    }
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        let sub_shown = format!("{shown} {name}");
        let mut found = Vec::new();
        cmd = cmd.mut_subcommand(&name, |s| {
            let (s, m) = localize_vi(s, &sub_path, &sub_shown);
            found = m;
            s
        });
        missing.extend(found);
    }
    cmd = cmd
        .help_template(TEMPLATE_VI)
        .override_usage(usage)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In trợ giúp này")
                .help_heading(heading(false)),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản")
                .help_heading(heading(false)),
        );
    }
    (cmd, missing)
}

/// An argument with its Vietnamese description, the name of its value in
/// Vietnamese and its default said in Vietnamese too.
fn describe(a: Arg, help: &str) -> Arg {
    if !a.get_action().takes_values() {
        return a.help(help.to_string()).long_help(None);
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let help = match defaults.as_slice() {
        [] => help.to_string(),
        _ => format!("{help} [mặc định: {}]", defaults.join(", ")),
    };
    let name = VALUE_NAMES
        .iter()
        .find(|(id, _)| a.get_id() == *id)
        .map(|(_, n)| *n);
    let a = a.help(help).long_help(None).hide_default_value(true);
    match name {
        Some(n) => a.value_name(n),
        None => a,
    }
}

/// The names of values in the usage lines (`--content <THƯ-MỤC>`), by
/// argument id.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("content", "THƯ-MỤC"),
    ("output", "THƯ-MỤC"),
    ("cache", "THƯ-MỤC"),
    ("dir", "THƯ-MỤC"),
    ("base_url", "ĐỊA-CHỈ"),
    ("bind", "ĐỊA-CHỈ"),
    ("pdf_dates", "NGÀY"),
    ("date", "NGÀY"),
    ("pdf_years", "NĂM"),
    ("chromium", "TỆP"),
    ("file", "TỆP"),
    ("port", "CỔNG"),
    ("title", "TIÊU-ĐỀ"),
    ("slug", "TÊN-TỆP"),
    ("commune", "MÃ-XÃ"),
    ("id", "MÃ"),
    ("name", "TÊN"),
];

/// clap's "Arguments:" and "Options:" headings, in Vietnamese.
fn heading(positional: bool) -> &'static str {
    if positional {
        "Tham số"
    } else {
        "Tùy chọn"
    }
}
