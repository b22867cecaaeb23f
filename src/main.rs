//! The `ntm-site` command line: `build`, `check`, `serve`, `new`, `import` and `export-sheet`.

use clap::{Parser, Subcommand};
use ntm_site::build::{self, BuildError, BuildOptions, PdfOptions};
use ntm_site::console;
use ntm_site::diag::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

/// `ntm-site --version`: the program's version and the content format it reads.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (định dạng nội dung / content format v1.2)"
);

const MAIN_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site check                      kiểm tra content/ / check content/
  ntm-site build                      dựng trang vào output/ / build into output/
  ntm-site serve                      xem thử, tự tải lại / live preview
  ntm-site build --help               mọi tùy chọn của build / every option of build

Định dạng nội dung / Content format: docs/content-format.md";

const BUILD_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site build
      dựng content/ vào output/ / builds content/ into output/
  ntm-site build --content tinh-toi/ --output public/ --base-url https://ntm.tinh.gov.vn/
      thư mục khác, địa chỉ web khác / other folders, another address
  ntm-site build --pdf --pdf-date latest
      in bản tin mới nhất ra PDF khổ A4 / prints the latest bulletin on A4
  ntm-site build --deny-warnings
      coi cảnh báo là lỗi (cho CI) / warnings fail the build (for CI)

Khi có lỗi, không tệp nào được ghi và output/ giữ nguyên.
On errors nothing is written and output/ stays as it was.";

const CHECK_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site check
      kiểm tra content/ và in tóm tắt / checks content/ and prints a summary
  ntm-site check --content tinh-toi/ --deny-warnings
      một thư mục khác; cảnh báo cũng là lỗi / another folder; warnings fail too

Mỗi lỗi ghi tệp:dòng:cột, sai gì và nên sửa thế nào.
Each error gives file:line:col, what is wrong and what would be right.";

const NEW_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site new site tinh-moi
      thư mục nội dung mới, dựng được ngay / a new content folder that builds as it is
  ntm-site new snapshot
      báo cáo tuần tiếp theo, mọi xã ghi sẵn dạng chú thích / the next weekly snapshot
  ntm-site new commune ky-anh/ky-thu --name \"Kỳ Thư\"
  ntm-site new news \"Tuần 23–29/12: 3 xã tăng tiêu chí\"
  ntm-site new model \"Vườn mẫu nhà ông Tâm\" --commune ky-anh/ky-tan --garden

Không ghi đè tệp đã có. / Never overwrites a file.";

const IMPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site import --dry-run bao-cao.xlsx
      xem trước: tệp sẽ ghi và các xã thay đổi / what would be written, who changed
  ntm-site import bao-cao.xlsx
      ghi progress/<ngày>.yaml / writes progress/<date>.yaml
  ntm-site import --date 2017-12-29 --skip-unmatched bao-cao-cu.csv

Dòng không khớp xã nào (hay khớp nhiều xã): không ghi gì, trừ khi --skip-unmatched.
A row matching no commune (or several) stops the import unless --skip-unmatched.";

const EXPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site export-sheet bao-cao-tuan.xlsx
      bảng tính tuần, mỗi huyện một trang / the weekly workbook, a sheet per district
  ntm-site export-sheet --date 2018-01-05 bao-cao-tuan.xlsx";
const SERVE_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site serve
      xem thử content/ ở http://127.0.0.1:1111/ / previews content/ at http://127.0.0.1:1111/
  ntm-site serve --content tinh-toi/ --port 8080 --open
      thư mục khác, cổng khác, mở trình duyệt / another folder and port, opens the browser

Trang tự tải lại khi lưu tệp; lỗi hiện ngay trên trang. Xem docs/serve.md.
Pages reload when a file is saved; errors show on the page. See docs/serve.md.";

const SAMPLE_EXAMPLES: &str = "\
Ví dụ / Examples:
  ntm-site sample --communes 250 --weeks 520 --news 2000 --photos 1000 tinh-mau/
      một tỉnh / a province
  ntm-site sample --communes 10000 --weeks 104 --news 10000 --merger ca-nuoc/
      cả nước, có sáp nhập / the nation, with the merger
  ntm-site sample --communes 3300 --flat tinh-phang/
      không có cấp huyện / no district level

Cùng tham số (và --seed) thì cùng nội dung. / The same options (and --seed) write the same files.";

#[derive(Parser)]
#[command(
    name = "ntm-site",
    version = VERSION,
    about = "Static-site report generator for the New Rural Development programme (Nông thôn mới)",
    after_help = MAIN_EXAMPLES
)]
struct Cli {
    /// The language of messages: vi or en (default: the site's language, else vi).
    #[arg(long, global = true, value_name = "vi|en", value_parser = console::parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
    /// Print only errors and warnings: no summary, no progress bars.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Print more: the time of each stage of a build.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site (pages and data files) into the output folder.
    #[command(after_help = BUILD_EXAMPLES)]
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The output folder, replaced as a whole by a successful build.
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// The absolute URL the site is served from (overrides site.yaml).
        #[arg(long)]
        base_url: Option<String>,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Print the bulletins and year reviews to PDF with a headless Chromium.
        #[arg(long)]
        pdf: bool,
        /// With --pdf: only the bulletin of this date (YYYY-MM-DD or 'latest'); repeatable.
        #[arg(long = "pdf-date", value_name = "DATE")]
        pdf_dates: Vec<String>,
        /// With --pdf: only the review of this year; repeatable.
        #[arg(long = "pdf-year", value_name = "YEAR")]
        pdf_years: Vec<i32>,
        /// The Chromium to print with (default: the first chromium or google-chrome on PATH).
        #[arg(long, value_name = "PATH")]
        chromium: Option<PathBuf>,
        /// Where processed photos are kept between builds (default: .ntm-cache beside the output folder).
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
        /// Also publish each photo at full size (re-encoded, metadata stripped like every version).
        #[arg(long)]
        photo_originals: bool,
        /// Print the time of each stage (load, compute, images, pages, templates, write...).
        #[arg(long)]
        timings: bool,
    },
    /// Create a new content folder, or a new file in one.
    #[command(after_help = NEW_EXAMPLES)]
    New {
        #[command(subcommand)]
        what: ntm_site::scaffold::NewCommand,
    },
    /// Read a weekly table (.xlsx, .xls, .ods, .csv) into progress/<date>.yaml.
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ntm_site::sheet::ImportArgs),
    /// Write the office's weekly workbook (.xlsx), every commune's state pre-filled.
    #[command(after_help = EXPORT_EXAMPLES)]
    ExportSheet(ntm_site::sheet::ExportArgs),
    /// Preview the site: build it, serve it on this machine and rebuild on every change.
    #[command(after_help = SERVE_EXAMPLES)]
    Serve {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; only this machine can connect by default.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Where processed photos are kept (default: .ntm-cache, as for build); the preview is built inside it.
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
    },
    /// Write a generated content folder of any size, for benchmarks and scale tests.
    #[command(after_help = SAMPLE_EXAMPLES)]
    Sample(ntm_site::sample::SampleArgs),
    /// Check the content and print a summary; writes nothing.
    #[command(after_help = CHECK_EXAMPLES)]
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
}

/// Parses the command line; a usage error is printed in the reader's
/// language (clap's own English for `--lang en`) and exits with 2.
fn parse_cli() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let args: Vec<String> = std::env::args().collect();
            let usage = !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
            if usage && console::lang_from_args(&args) == Lang::Vi {
                eprint!("{}", console::usage_error_vi(&e));
                std::process::exit(2);
            }
            e.exit()
        }
    }
}

/// Prints what a command did (standard output) or why it did nothing
/// (standard error, exit status 1).
fn print_outcome(outcome: ntm_site::scaffold::Outcome, lang: ntm_site::diag::Lang) -> ExitCode {
    match outcome {
        Ok(lines) => {
            for l in lines {
                println!("{}", l.get(lang));
            }
            ExitCode::SUCCESS
        }
        Err(m) => {
            let word = match lang {
                ntm_site::diag::Lang::Vi => "lỗi",
                ntm_site::diag::Lang::En => "error",
            };
            eprintln!("{word}: {}", m.get(lang));
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = parse_cli();
    let flag = cli.lang;
    ntm_site::progress::set_quiet(cli.quiet);
    match cli.command {
        Command::New { what } => {
            let lang = match what.content() {
                Some(content) => console::lang_for(flag, content),
                None => flag.unwrap_or_default(),
            };
            print_outcome(what.run(), lang)
        }
        Command::Import(args) => print_outcome(
            ntm_site::sheet::run_import(&args),
            console::lang_for(flag, &args.content),
        ),
        Command::Sample(args) => {
            print_outcome(ntm_site::sample::run(&args), flag.unwrap_or_default())
        }
        Command::ExportSheet(args) => print_outcome(
            ntm_site::sheet::run_export(&args),
            console::lang_for(flag, &args.content),
        ),
        Command::Serve {
            content,
            port,
            bind,
            open,
            drafts,
            cache,
        } => {
            let lang = console::lang_for(flag, &content);
            let opts = ntm_site::serve::ServeOptions {
                content,
                bind,
                port,
                open,
                drafts,
                cache,
                lang: flag,
            };
            match ntm_site::serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(m) => {
                    eprintln!("{}", m.get(lang));
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            content,
            deny_warnings,
        } => {
            let lang = console::lang_for(flag, &content);
            match build::check_site(&content, true, deny_warnings) {
                Ok(checked) => {
                    eprint!("{}", checked.diagnostics.render_in(lang));
                    print!("{}", console::summary(&checked, lang));
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    eprint!("{}", diags.render_in(lang));
                    ExitCode::from(1)
                }
            }
        }
        Command::Build {
            content,
            output,
            base_url,
            drafts,
            deny_warnings,
            pdf,
            pdf_dates,
            pdf_years,
            chromium,
            cache,
            photo_originals,
            timings,
        } => {
            let lang = console::lang_for(flag, &content);
            let mut images = ntm_site::imageproc::Options::beside(&output);
            if let Some(dir) = cache {
                images.cache_dir = dir;
            }
            images.settings.originals = photo_originals;
            let pdf = (pdf || !pdf_dates.is_empty() || !pdf_years.is_empty() || chromium.is_some())
                .then_some(PdfOptions {
                    chromium,
                    dates: pdf_dates,
                    years: pdf_years,
                });
            let opts = BuildOptions {
                content,
                output: output.clone(),
                base_url,
                drafts,
                deny_warnings,
                pdf,
            };
            ntm_site::progress::set_lang(lang);
            let started = std::time::Instant::now();
            match build::build_with(&opts, &images) {
                Ok(checked) => {
                    eprint!("{}", checked.diagnostics.render_in(lang));
                    if !cli.quiet {
                        let lines = ntm_site::progress::build_summary(
                            &checked.stats,
                            started.elapsed().as_secs_f64(),
                            &checked.content.site.title,
                            &output.display().to_string(),
                            cli.verbose || timings,
                        );
                        for l in lines {
                            eprintln!("{}", l.get(lang));
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diags)) => {
                    eprint!("{}", diags.render_in(lang));
                    eprintln!("{}", console::nothing_written(&output).get(lang));
                    ExitCode::from(1)
                }
                Err(e) => {
                    eprintln!("{}", console::failed(&e.message(), &output).get(lang));
                    ExitCode::from(1)
                }
            }
        }
    }
}
