# Treffpunkt tasks. `just` is optional: each recipe is one plain command.

target := env_var_or_default("CARGO_TARGET_DIR", env_var("HOME") + "/.cache/treffpunkt-target")

# Serve on 127.0.0.1:8080 with SQLite in ./data and the demo events
run:
    CARGO_TARGET_DIR={{target}} cargo run -- --demo

# All tests on SQLite
test:
    CARGO_TARGET_DIR={{target}} cargo test --workspace

# All tests on SQLite, then on a fresh PostgreSQL database (as CI does)
test-pg:
    CARGO_TARGET_DIR={{target}} .ci/run

# Load benchmark (see README, "Benchmarks")
bench:
    CARGO_TARGET_DIR={{target}} cargo build --release -p treffpunkt -p treffpunkt-bench
    CARGO_TARGET_DIR={{target}} {{target}}/release/treffpunkt-bench --server {{target}}/release/treffpunkt

fmt:
    cargo fmt --all

lint:
    CARGO_TARGET_DIR={{target}} cargo clippy --workspace --all-targets -- -D warnings
