//! Detects the language of a document and of its parts.
//!
//! ```text
//! cargo run --example detect_language [FILE]
//! ```
//! Without a file it reads the bundled sample, a Russian news item with Kazakh names.

fn main() -> Result<(), slovo::Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/kazinform_eu_ru.txt".to_owned());
    let text = slovo::read_text(&path)?;

    let d = slovo::detect(&text);
    println!(
        "document: {} ({}), confidence {:.3}, reliable: {}",
        d.lang,
        d.script,
        d.confidence,
        d.is_reliable()
    );
    for span in slovo::detect_spans(&text) {
        let excerpt: String = text[span.span].chars().take(50).collect();
        println!(
            "{:>5}..{:<5} {} {:.3}  {:?}",
            span.span.start, span.span.end, span.lang, span.confidence, excerpt
        );
    }
    Ok(())
}
