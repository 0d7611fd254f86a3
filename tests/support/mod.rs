//! Code shared by the test suites (and, via `#[path]`, by the example tools).

pub mod hostile;
pub mod partition;
pub mod paths;

/// The text of `rel` (a path from the crate root, e.g. `tests/data/razdel/x.txt`), read at run
/// time. The published crate leaves the gold data out (it is large and under its sources'
/// licences), so there a missing file gives `None` and the test that needs it is skipped; in
/// the repository a missing file fails the test.
#[allow(dead_code)]
pub fn fixture(rel: &str) -> Option<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) if packaged() => {
            eprintln!("{rel} is not in the published crate: skipped");
            None
        }
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Whether the tests run from the published crate (`cargo package` writes `Cargo.toml.orig`
/// beside the normalized manifest), which has no gold data and no fuzz seeds.
#[allow(dead_code)]
pub fn packaged() -> bool {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("Cargo.toml.orig")
        .exists()
}

/// A decoder for `encoding`, lossy or strict.
#[cfg(feature = "encodings")]
pub fn decoder(encoding: slovo::Encoding, lossy: bool) -> slovo::Decoder {
    slovo::Decoder::builder()
        .encoding(encoding)
        .lossy(lossy)
        .build()
        .unwrap()
}
