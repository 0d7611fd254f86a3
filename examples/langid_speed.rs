//! Runs one detector over the 320 Cyrillic sentences of `benches/lang.rs`, for instruction
//! counts that a loaded machine does not blur:
//!
//! ```text
//! cargo build --release --example langid_speed
//! valgrind --tool=callgrind ./target/release/examples/langid_speed slovo 6   # or whatlang, spans
//! ```
//! (6 passes less 1 pass, divided by 5, is the steady-state cost of one pass.)
const CYR: [&str; 8] = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"];
fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "slovo".into());
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    // Read at run time: the fixture is not in the published crate (its licence is the
    // data's, see tests/data/README.md), and `cargo test` builds every example.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/langid/sample.jsonl"
    );
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("langid_speed: cannot read {path} (run it from a checkout of the repository)");
        std::process::exit(2);
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| {
            v["kind"] == "sentences" && CYR.contains(&v["lang"].as_str().unwrap_or_default())
        })
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let _ = slovo::detect("прогрев");
    let _ = whatlang::detect("прогрев");
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for s in &texts {
            match which.as_str() {
                "whatlang" => n += whatlang::detect(std::hint::black_box(s)).is_some() as usize,
                "spans" => n += slovo::detect_spans(std::hint::black_box(s)).len(),
                _ => n += slovo::detect(std::hint::black_box(s)).confidence as usize,
            }
        }
    }
    eprintln!(
        "{which}: {} items, {:?}, {n}",
        texts.len() * rounds,
        t.elapsed()
    );
}
