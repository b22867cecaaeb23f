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

#[derive(Parser)]
#[command(
    name = "ntm-site",
    version = VERSION,
    about = "Static-site report generator for the New Rural Development programme (Nông thôn mới)"
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
        /// Draw no PNG of the charts (faster; the charts then have no PNG download).
        #[arg(long)]
        no_chart_png: bool,
        /// Print the time of each stage (load, compute, images, pages, templates, write...).
        #[arg(long)]
        timings: bool,
    },
    /// Create a new content folder, or a new file in one.
    New {
        #[command(subcommand)]
        what: ntm_site::scaffold::NewCommand,
    },
    /// Read a weekly table (.xlsx, .xls, .ods, .csv) into progress/<date>.yaml.
    Import(ntm_site::sheet::ImportArgs),
    /// Write the office's weekly workbook (.xlsx), every commune's state pre-filled.
    ExportSheet(ntm_site::sheet::ExportArgs),
    /// Preview the site: build it, serve it on this machine and rebuild on every change.
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
    Sample(ntm_site::sample::SampleArgs),
    /// Check the content and print a summary; writes nothing.
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
///
/// The help (`--help`, `help`) is in the reader's language too.
fn parse_cli() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let mut args: Vec<String> = std::env::args().collect();
    let lang = console::lang_from_args(&args);
    if lang == Lang::Vi {
        console::help_as_flag(&mut args);
    }
    let cmd = ntm_site::cli_help::localize(Cli::command(), lang);
    match cmd
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let usage = !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
            if usage && lang == Lang::Vi {
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

/// mimalloc instead of the system's allocator: a build makes and frees
/// millions of small values (page contexts, rendered strings), and with
/// glibc's malloc that was a third of its time (see `docs/benchmarks.md`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
                verbose: cli.verbose,
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
            no_chart_png,
            timings,
        } => {
            let lang = console::lang_for(flag, &content);
            let mut images = ntm_site::imageproc::Options::beside(&output);
            if let Some(dir) = cache {
                images.cache_dir = dir;
            }
            images.settings.originals = photo_originals;
            images.chart_pngs = !no_chart_png;
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

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every command and option of the command line has its Vietnamese
    /// description in `cli_help`: a new one without it fails here.
    #[test]
    fn every_command_and_option_has_vietnamese_help() {
        let missing = ntm_site::cli_help::untranslated(&Cli::command());
        assert!(missing.is_empty(), "no Vietnamese help for: {missing:?}");
        Cli::command().debug_assert();
        ntm_site::cli_help::localize(Cli::command(), ntm_site::diag::Lang::Vi).debug_assert();
    }
}
