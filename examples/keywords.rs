//! Prints the keywords of a text file (default: the bundled sample document).
//!
//! ```text
//! cargo run --release --example keywords -- [FILE] [K]
//! ```

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/kazinform_eu_ru.txt"
        )
        .into()
    });
    let k = args.next().and_then(|v| v.parse().ok()).unwrap_or(10);
    let text = match slovo::read_text(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("keywords: {e}");
            std::process::exit(1);
        }
    };
    for kw in slovo::keywords(&text, k) {
        println!(
            "{:7.3}  {:<40} [{}] ×{}",
            kw.score,
            kw.phrase,
            kw.stem_key,
            kw.spans.len()
        );
    }
}
