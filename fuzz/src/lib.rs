//! The fuzz targets' entry points. The invariants live in `tests/support/fuzz_checks.rs`, which the crate's
//! integration tests also include to replay the seed corpus on stable Rust.

#[path = "../../tests/support/fuzz_checks.rs"]
pub mod checks;
