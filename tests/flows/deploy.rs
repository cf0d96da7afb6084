//! The deployment files and the README name only settings the binary has: a renamed
//! flag or variable fails here, not on an operator's server.

use std::collections::BTreeSet;

fn help() -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt")).arg("--help").output().expect("runs");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn file(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path)
}

/// Words starting with `prefix` followed by `[A-Z0-9_]`, e.g. environment variables.
fn variables(text: &str, prefix: &str) -> BTreeSet<String> {
    text.match_indices(prefix)
        .map(|(start, _)| {
            text[start..].chars().take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_').collect()
        })
        .collect()
}

#[test]
fn every_environment_variable_in_the_env_file_and_the_readme_exists() {
    let help = help();
    let mut named = variables(&file("deploy/treffpunkt.env"), "TREFFPUNKT_");
    named.extend(variables(&file("README.md"), "TREFFPUNKT_"));
    named.extend(variables(&file("deploy/Caddyfile"), "TREFFPUNKT_"));
    named.extend(variables(&file("deploy/nginx.conf"), "TREFFPUNKT_"));
    assert!(named.len() > 15, "{named:?}");
    for variable in named {
        assert!(help.contains(&format!("[env: {variable}")), "{variable} is not a setting of treffpunkt");
    }
}

#[test]
fn every_flag_in_the_readme_tables_and_the_unit_exists() {
    let help = help();
    let readme = file("README.md");
    let unit = file("deploy/treffpunkt.service");
    let exec_start = unit.lines().find(|line| line.starts_with("ExecStart=")).expect("ExecStart");
    let table_cells = readme.lines().filter(|line| line.starts_with("| `--")).collect::<Vec<_>>().join(" ");
    let named = format!("{table_cells} {exec_start}");
    let flags: BTreeSet<&str> = named
        .split(|c: char| c.is_whitespace() || c == '`' || c == ',')
        .filter(|word| word.starts_with("--"))
        .map(|word| word.trim_end_matches(['.', ':']))
        .collect();
    assert!(flags.len() > 15, "{flags:?}");
    for flag in flags {
        assert!(
            help.contains(&format!("{flag} ")) || help.contains(&format!("{flag}\n")),
            "{flag} is not a flag of treffpunkt"
        );
    }
    let subcommand = exec_start.split_whitespace().nth(1).expect("a subcommand");
    assert!(help.contains(&format!("  {subcommand} ")), "{subcommand} is not a subcommand");
}
