//! The results as a Markdown section, newest first in `bench/RESULTS.md`.

use std::process::Command;

use crate::Section;

const RESULTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/RESULTS.md");
const HEADER: &str = "# Benchmark results\n\nNewest first. Produced by `just bench` (see README, \"Benchmarks\").\n";

fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|line| {
                line.strip_prefix("model name").map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|line| {
                line.strip_prefix("MemTotal:")
                    .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            })
        })
        .map(|kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!("{cores} cores ({cpu}), {memory}; load generator on the same machine")
}

pub fn render(sections: &[Section], binary_size: u64) -> String {
    let date = command_output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    let commit = command_output("git", &["rev-parse", "--short", "HEAD"]);
    let dirty = if command_output("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty() {
        ""
    } else {
        " (with uncommitted changes)"
    };
    let mut text = format!(
        "## {date}, commit {commit}{dirty}\n\nMachine: {}. Release binary: {:.1} MB.\n\n",
        machine(),
        binary_size as f64 / 1_000_000.0
    );
    for section in sections {
        text.push_str(&format!(
            "### {}\n\nStart-up to first response: {:.0} ms. RSS idle: {:.1} MB, peak under load: {:.1} MB.\n\n",
            section.database.name(),
            section.startup.as_secs_f64() * 1e3,
            section.idle_rss_kib as f64 / 1024.0,
            section.peak_rss_kib as f64 / 1024.0,
        ));
        if section.listed_attendees > 0 {
            text.push_str(&format!(
                "Back-office steps run against the online event with {} attendees (everyone the registration step created).\n\n",
                section.listed_attendees
            ));
        }
        text.push_str(
            "| scenario | concurrency | requests | errors | requests/s | p50 ms | p99 ms | p99.9 ms | server CPU µs/request |\n",
        );
        text.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for m in &section.measurements {
            text.push_str(&format!(
                "| {} | {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.0} |\n",
                m.name,
                m.concurrency,
                m.requests,
                m.errors,
                m.throughput(),
                m.p50.as_secs_f64() * 1e3,
                m.p99.as_secs_f64() * 1e3,
                m.p999.as_secs_f64() * 1e3,
                m.server_cpu_per_request.as_secs_f64() * 1e6,
            ));
        }
        text.push_str(&mail_comparison(section));
        if let Some(error) = section.measurements.iter().find_map(|m| m.first_error.as_ref()) {
            text.push_str(&format!("\nFirst error: `{error}`\n"));
        }
        text.push('\n');
    }
    text.push_str(
        "The steps after the registration step start once its confirmation mails are sent (at most \
         120 s of waiting): on the day of an event the door does not share the server with \
         thousands of mails being composed.\n\n",
    );
    text.push_str(
        "Back-office rows are cached for 3 s per event and re-read after any write to the instance: \
         \"first page\", \"search\" and \"CSV\" mostly hit the cache; \"rows re-read\" posts a \
         (rejected) form before each request, so every read goes to the database.\n\n",
    );
    text
}

/// Registration throughput with the outbox and the mail worker against a server that
/// sends no mail, per concurrency level.
fn mail_comparison(section: &Section) -> String {
    let throughput = |name: &str, concurrency: usize| {
        section.measurements.iter().find(|m| m.name == name && m.concurrency == concurrency).map(|m| m.throughput())
    };
    let mut lines = Vec::new();
    for concurrency in [1, 8, 32] {
        if let (Some(with), Some(without)) = (
            throughput("registration submit", concurrency),
            throughput("registration submit, no mail sent", concurrency),
        ) && without > 0.0
        {
            lines.push(format!(
                "c={concurrency}: {with:.0}/s vs {without:.0}/s ({:+.0} %)",
                (with / without - 1.0) * 100.0
            ));
        }
    }
    if lines.is_empty() {
        String::new()
    } else {
        format!("\nRegistrations with the outbox and mail worker vs no mail sent: {}.\n", lines.join("; "))
    }
}

pub fn prepend_to_results(section: &str) -> std::io::Result<()> {
    let existing = std::fs::read_to_string(RESULTS).unwrap_or_default();
    let older = existing.strip_prefix(HEADER).unwrap_or(&existing).trim_start();
    std::fs::write(RESULTS, format!("{HEADER}\n{section}{older}"))
}
