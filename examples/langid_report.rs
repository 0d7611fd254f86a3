//! Accuracy report for `slovo::detect` on lingua's language-identification test items,
//! with raw `whatlang` as the baseline.
//!
//! ```text
//! cargo run --release --example langid_report [PATH/TO/dev.jsonl] [--split all|even|odd]
//! ```
//! Without a path it reads `$SLOVO_SHARED/data/langid/dev.jsonl`, else
//! `../shared/data/langid/dev.jsonl` or `../../shared/data/langid/dev.jsonl` relative to
//! the crate. `--split even|odd` keeps items whose index within their (language, kind)
//! is even / odd: slovo's few hand-set constants were tuned on the even half only.

use std::collections::BTreeMap;
use std::path::PathBuf;

use slovo::Lang;

const CYRILLIC: [&str; 8] = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"];
const LATIN: [&str; 5] = ["en", "de", "pl", "cs", "tr"];
const KINDS: [&str; 3] = ["sentences", "word-pairs", "words"];

struct Item {
    lang: String,
    kind: String,
    text: String,
    index: usize,
}

/// One detector's answers: (gold, kind, predicted code, reliable, confidence) per item.
struct Run {
    name: &'static str,
    answers: Vec<(String, String, &'static str, bool, f64)>,
}

fn data_path(arg: Option<String>) -> Option<PathBuf> {
    if let Some(p) = arg {
        return Some(PathBuf::from(p));
    }
    let rel = "data/langid/dev.jsonl";
    if let Ok(dir) = std::env::var("SLOVO_SHARED") {
        return Some(PathBuf::from(dir).join(rel));
    }
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|d| crate_dir.join(d).join(rel))
        .find(|p| p.exists())
}

fn load(path: &PathBuf) -> Result<Vec<Item>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut counters: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut items = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let field = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
        let (lang, kind) = (field("lang"), field("kind"));
        let counter = counters.entry((lang.clone(), kind.clone())).or_insert(0);
        items.push(Item {
            index: *counter,
            lang,
            kind,
            text: field("text"),
        });
        *counter += 1;
    }
    Ok(items)
}

fn run(name: &'static str, items: &[Item], f: impl Fn(&str) -> (Lang, bool, f64)) -> Run {
    let answers = items
        .iter()
        .map(|it| {
            let (lang, reliable, confidence) = f(&it.text);
            (
                it.lang.clone(),
                it.kind.clone(),
                lang.code(),
                reliable,
                confidence,
            )
        })
        .collect();
    Run { name, answers }
}

fn pct(num: usize, den: usize) -> f64 {
    if den == 0 {
        f64::NAN
    } else {
        100.0 * num as f64 / den as f64
    }
}

/// Coverage and accuracy of Cyrillic word pairs at several confidence thresholds.
fn confidence_sweep(r: &Run) {
    println!("\nCyrillic word pairs by confidence threshold:\n");
    println!("| confidence ≥ | coverage | accuracy |");
    println!("|---:|---:|---:|");
    let sel: Vec<_> = r
        .answers
        .iter()
        .filter(|a| a.1 == "word-pairs" && CYRILLIC.contains(&a.0.as_str()))
        .collect();
    for t in [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99] {
        let kept: Vec<_> = sel.iter().filter(|a| a.4 >= t).collect();
        let ok = kept.iter().filter(|a| a.0 == a.2).count();
        println!(
            "| {t} | {:.1}% | {:.1}% |",
            pct(kept.len(), sel.len()),
            pct(ok, kept.len())
        );
    }
}

fn report(r: &Run) {
    println!("\n## {}\n", r.name);
    println!("| lang | sentences | word-pairs | words |");
    println!("|---|---:|---:|---:|");
    let acc = |lang: &str, kind: &str| {
        let (mut ok, mut all) = (0, 0);
        for (g, k, p, ..) in &r.answers {
            if g == lang && k == kind {
                all += 1;
                ok += usize::from(p == g);
            }
        }
        pct(ok, all)
    };
    for lang in CYRILLIC.iter().chain(LATIN.iter()) {
        let cells: Vec<String> = KINDS
            .iter()
            .map(|k| format!("{:.1}", acc(lang, k)))
            .collect();
        println!("| {lang} | {} |", cells.join(" | "));
    }
    let means: Vec<String> = KINDS
        .iter()
        .map(|k| {
            format!(
                "**{:.1}**",
                CYRILLIC.iter().map(|l| acc(l, k)).sum::<f64>() / 8.0
            )
        })
        .collect();
    println!("| mean Cyrillic (8) | {} |", means.join(" | "));

    let predicted_ru: Vec<_> = r
        .answers
        .iter()
        .filter(|(_, k, p, ..)| k == "sentences" && *p == "ru")
        .collect();
    let ru_ok = predicted_ru.iter().filter(|(g, ..)| g == "ru").count();
    println!(
        "\nRussian precision on sentences: {:.1}% ({ru_ok}/{})",
        pct(ru_ok, predicted_ru.len()),
        predicted_ru.len()
    );
    let latin_ru = r
        .answers
        .iter()
        .filter(|(g, _, p, ..)| LATIN.contains(&g.as_str()) && *p == "ru")
        .count();
    println!("Latin-script items answered ru: {latin_ru}");
    for (label, langs) in [
        ("Cyrillic", &CYRILLIC[..]),
        ("all 13", &[&CYRILLIC[..], &LATIN[..]].concat()[..]),
    ] {
        for kind in KINDS {
            let sel: Vec<_> = r
                .answers
                .iter()
                .filter(|(g, k, ..)| k == kind && langs.contains(&g.as_str()))
                .collect();
            let reliable: Vec<_> = sel.iter().filter(|a| a.3).collect();
            let ok = reliable.iter().filter(|a| a.0 == a.2).count();
            println!(
                "reliable {kind} ({label}): coverage {:.1}%, accuracy {:.1}% ({ok}/{})",
                pct(reliable.len(), sel.len()),
                pct(ok, reliable.len()),
                reliable.len()
            );
        }
    }
}

/// Spans: how often a one-language sentence is split (spurious spans), and how well a
/// sentence pair in two Cyrillic languages is labelled (share of letters whose span has
/// the right language).
fn spans_report(items: &[Item]) {
    println!("\n## slovo::detect_spans\n");
    let sentences = |lang: &str| -> Vec<&str> {
        items
            .iter()
            .filter(|it| it.kind == "sentences" && it.lang == lang)
            .map(|it| it.text.as_str())
            .collect()
    };
    println!("| lang | sentences split into >1 language | pair with ru: letters labelled right |");
    println!("|---|---:|---:|");
    let ru = sentences("ru");
    for lang in CYRILLIC {
        let own = sentences(lang);
        let split = own
            .iter()
            .filter(|t| {
                let spans = slovo::detect_spans(t);
                spans.iter().any(|s| s.lang != spans[0].lang)
            })
            .count();
        let (mut right, mut total) = (0usize, 0usize);
        for (a, b) in ru.iter().zip(own.iter()) {
            if lang == "ru" {
                break;
            }
            let text = format!("{a} {b}");
            let spans = slovo::detect_spans(&text);
            for (i, c) in text.char_indices() {
                if !c.is_alphabetic() {
                    continue;
                }
                let gold = if i < a.len() { "ru" } else { lang };
                let got = spans
                    .iter()
                    .find(|s| s.span.contains(&i))
                    .map_or("und", |s| s.lang.code());
                total += 1;
                right += usize::from(got == gold);
            }
        }
        println!(
            "| {lang} | {:.1}% | {} |",
            pct(split, own.len()),
            if total == 0 {
                "—".to_owned()
            } else {
                format!("{:.1}%", pct(right, total))
            }
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut split = "all".to_owned();
    let mut quick = false;
    while let Some(a) = args.next() {
        if a == "--quick" {
            quick = true;
        } else if a == "--split" {
            split = args.next().unwrap_or_default();
        } else {
            path = Some(a);
        }
    }
    let Some(path) = data_path(path) else {
        eprintln!(
            "langid_report: dev.jsonl not found; pass its path or set SLOVO_SHARED \
             (looked for ../shared/data/langid/dev.jsonl)"
        );
        std::process::exit(2);
    };
    let items = match load(&path) {
        Ok(items) => items,
        Err(e) => {
            eprintln!("langid_report: {e}");
            std::process::exit(1);
        }
    };
    let items: Vec<Item> = items
        .into_iter()
        .filter(|it| match split.as_str() {
            "even" => it.index % 2 == 0,
            "odd" => it.index % 2 == 1,
            _ => true,
        })
        .collect();
    println!(
        "# langid report: {} ({} items, split {split})",
        path.display(),
        items.len()
    );

    let slovo_run = run("slovo::detect", &items, |t| {
        let d = slovo::detect(t);
        (d.lang, d.is_reliable(), d.confidence)
    });
    report(&slovo_run);
    confidence_sweep(&slovo_run);
    if quick {
        return;
    }
    spans_report(&items);
    let whatlang_run = run(
        "whatlang::detect (baseline)",
        &items,
        |t| match whatlang::detect(t) {
            Some(info) => (
                Lang::ALL
                    .iter()
                    .copied()
                    .find(|l| l.iso639_3() == info.lang().code())
                    .unwrap_or(Lang::Unknown),
                info.is_reliable(),
                info.confidence(),
            ),
            None => (Lang::Unknown, false, 0.0),
        },
    );
    report(&whatlang_run);
}
