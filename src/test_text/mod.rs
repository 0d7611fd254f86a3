//! Sample text for the unit tests, packaged with the crate so that `cargo test` runs from
//! the published tarball (which holds neither `examples/` nor `tests/`).

/// The opening of chapter I of Pushkin's *Пиковая дама* (public domain; see `NOTICE.md`).
pub(crate) const PUSHKIN: &str = include_str!("pushkin_pikovaya_ch1.txt");
