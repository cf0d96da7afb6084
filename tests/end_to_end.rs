//! End-to-end tests: the real server on a random port with a fresh database each
//! (SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set), talked to over HTTP.

mod flows;
mod support;
