//! The fuzz targets' entry points. The invariants live in `checks.rs`, which the crate's
//! integration tests also include to replay the seed corpus on stable Rust.

#[path = "checks.rs"]
pub mod checks;
