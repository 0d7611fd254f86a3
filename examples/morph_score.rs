//! Lemma and part-of-speech accuracy of `slovo::Morph` on CoNLL-U gold files.
//!
//! ```text
//! cargo run --release --features morph --example morph_score -- \
//!     ../shared/data/ud/ru_gsd-ud-dev.conllu ../shared/data/ud/ru_taiga-ud-dev.conllu
//! ```
//!
//! The convention of `shared/data/ud/README.md`: multiword-token lines (`1-2`) and empty nodes
//! (`1.1`) are skipped; lemmas are compared lowercased with `ё` → `е`; accuracy is over the
//! words whose gold UPOS is not PUNCT, SYM or X (and, for the lemma, also over all words).
//! Two modes: context-free (`Morph::parse`, the first analysis of each word alone) and with
//! context (`Morph::parse_sentence`, the context model over the sentence). Each file is also
//! scored in halves (first and second half of its sentences), the split used to check that
//! nothing was tuned to one part.
//!
//! Options: `--errors N` prints the N most frequent context-free lemma errors of each file.
//! Without files, the fixtures in `tests/data/ud/` are scored.

use std::collections::HashMap;
use std::time::Instant;

use slovo::Morph;

/// One word of a sentence: form, gold lemma, gold UPOS.
struct Word {
    form: String,
    lemma: String,
    upos: String,
}

fn read_conllu(text: &str) -> Vec<Vec<Word>> {
    let mut sentences = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if sentences.last().is_some_and(|s| !s.is_empty()) {
                sentences.push(Vec::new());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 4 || columns[0].contains(['-', '.']) {
            continue;
        }
        if let Some(sentence) = sentences.last_mut() {
            sentence.push(Word {
                form: columns[1].to_owned(),
                lemma: columns[2].to_owned(),
                upos: columns[3].to_owned(),
            });
        }
    }
    sentences.retain(|s| !s.is_empty());
    sentences
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

#[derive(Default, Clone, Copy)]
struct Tally {
    words: usize,
    lemma_free: usize,
    lemma_context: usize,
    upos_free: usize,
    upos_context: usize,
    all_words: usize,
    all_lemma_free: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.words += other.words;
        self.lemma_free += other.lemma_free;
        self.lemma_context += other.lemma_context;
        self.upos_free += other.upos_free;
        self.upos_context += other.upos_context;
        self.all_words += other.all_words;
        self.all_lemma_free += other.all_lemma_free;
    }

    fn line(&self, name: &str) -> String {
        let pct = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
        format!(
            "{name:<28} {:>6} words | lemma {:6.2} free {:6.2} context | UPOS {:6.2} free {:6.2} context | lemma, all {:>6} words: {:6.2} free",
            self.words,
            pct(self.lemma_free, self.words),
            pct(self.lemma_context, self.words),
            pct(self.upos_free, self.words),
            pct(self.upos_context, self.words),
            self.all_words,
            pct(self.all_lemma_free, self.all_words),
        )
    }
}

fn score(
    morph: &Morph,
    sentences: &[Vec<Word>],
    errors: &mut HashMap<(String, String, String), usize>,
) -> Tally {
    let mut tally = Tally::default();
    for sentence in sentences {
        let forms: Vec<&str> = sentence.iter().map(|w| w.form.as_str()).collect();
        let in_context = morph.parse_sentence(&forms);
        for (word, context) in sentence.iter().zip(&in_context) {
            let free = morph.parse(&word.form);
            let (free_lemma, free_pos) = match free.first() {
                Some(p) => (fold(p.lemma()), p.pos().as_str()),
                None => (fold(&word.form), "X"),
            };
            let gold = fold(&word.lemma);
            tally.all_words += 1;
            tally.all_lemma_free += usize::from(free_lemma == gold);
            if matches!(word.upos.as_str(), "PUNCT" | "SYM" | "X") {
                continue;
            }
            tally.words += 1;
            if free_lemma == gold {
                tally.lemma_free += 1;
            } else {
                *errors
                    .entry((fold(&word.form), free_lemma.clone(), gold.clone()))
                    .or_default() += 1;
            }
            tally.lemma_context += usize::from(fold(context.lemma()) == gold);
            tally.upos_free += usize::from(free_pos == word.upos);
            tally.upos_context += usize::from(context.pos().as_str() == word.upos);
        }
    }
    tally
}

fn main() -> Result<(), slovo::Error> {
    let mut files = Vec::new();
    let mut show_errors = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--errors" => show_errors = args.next().and_then(|n| n.parse().ok()).unwrap_or(20),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ud");
        files.push(format!("{dir}/ru_gsd-ud-dev.sample.conllu"));
        files.push(format!("{dir}/ru_taiga-ud-dev.sample.conllu"));
    }
    let started = Instant::now();
    let morph = Morph::new();
    eprintln!("dictionary loaded in {:.1?}", started.elapsed());
    for file in &files {
        let text = slovo::read_text(file)?;
        let sentences = read_conllu(&text);
        let half = sentences.len() / 2;
        let mut errors = HashMap::new();
        let started = Instant::now();
        let first = score(&morph, &sentences[..half], &mut errors);
        let second = score(&morph, &sentences[half..], &mut errors);
        let elapsed = started.elapsed();
        let mut all = first;
        all.add(second);
        let name = std::path::Path::new(file)
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
        println!("{}", all.line(&name));
        println!("{}", first.line("  first half"));
        println!("{}", second.line("  second half"));
        eprintln!(
            "  {} sentences, {} words, both modes in {:.1?}",
            sentences.len(),
            all.all_words,
            elapsed
        );
        if show_errors > 0 {
            let mut errors: Vec<_> = errors.into_iter().collect();
            errors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            for ((form, got, gold), n) in errors.into_iter().take(show_errors) {
                println!("    {n:>3}  {form} → {got} (gold {gold})");
            }
        }
    }
    Ok(())
}
