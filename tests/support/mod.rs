//! Code shared by the test suites (and, via `#[path]`, by the example tools).

pub mod hostile;
pub mod partition;
pub mod paths;
