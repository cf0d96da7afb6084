//! Puts the git commit the binary is built from into `TREFFPUNKT_COMMIT`, for
//! `treffpunkt --version` and the logs: an operator's bug report then names the exact
//! code. Built outside a git checkout (a source tarball), the commit is "unknown".

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn main() {
    let commit = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=TREFFPUNKT_COMMIT={commit}");
    // Build again when HEAD moves (a commit, a checkout). `--git-path` finds the files in
    // a worktree too, where `.git` is a file. Without git, only a change of this script.
    println!("cargo:rerun-if-changed=build.rs");
    for file in ["HEAD", "logs/HEAD"] {
        if let Some(path) = git(&["rev-parse", "--git-path", file])
            && std::path::Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
