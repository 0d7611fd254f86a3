//! Indexes news documents twice — with tantivy's default Russian pipeline and with slovo's
//! tokenizer — and prints how many documents each finds for a few queries.
//!
//! ```text
//! cargo run --release -p slovo-tantivy --example search [NEWS.jsonl]
//! ```
//!
//! Without an argument it reads `shared/data/corpus/opencorpora_docs.jsonl` beside the
//! checkout, else the bundled sample document split into paragraphs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use slovo_tantivy::SlovoTokenizer;
use tantivy::collector::Count;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{doc, Index};

const SAMPLE: &str = include_str!("../../examples/data/kazinform_eu_ru.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let docs = documents(std::env::args_os().nth(1).map(PathBuf::from))?;
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("{} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);

    let tantivy_ru = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Russian))
        .build();
    #[cfg_attr(not(feature = "morph"), allow(unused_mut))]
    let mut analyzers = vec![
        ("tantivy default", tantivy_ru),
        ("slovo stems", SlovoTokenizer::new().into()),
    ];
    #[cfg(feature = "morph")]
    analyzers.push(("slovo lemmas", SlovoTokenizer::lemmas().into()));

    let queries = [
        "Ростов-на-Дону",
        "COVID-19",
        "кто-то",
        "интернет-кафе",
        "Санкт-Петербург",
        "человек",
        "день",
        "отец",
        "идти",
    ];
    let mut table = Vec::new();
    for (name, analyzer) in analyzers {
        let started = Instant::now();
        let (index, body) = build(analyzer, &docs)?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{name:>16}: indexed in {seconds:.2} s ({:.1} MB/s)",
            bytes as f64 / 1e6 / seconds
        );
        let searcher = index.reader()?.searcher();
        let parser = QueryParser::for_index(&index, vec![body]);
        let mut counts = Vec::with_capacity(queries.len());
        for query in queries {
            counts.push(searcher.search(&parser.parse_query(query)?, &Count)?);
        }
        table.push((name, counts));
    }
    print!("{:>16}", "query");
    for (name, _) in &table {
        print!(" {name:>16}");
    }
    println!();
    for (i, query) in queries.iter().enumerate() {
        print!("{query:>16}");
        for (_, counts) in &table {
            print!(" {:>16}", counts[i]);
        }
        println!();
    }
    Ok(())
}

fn build(analyzer: TextAnalyzer, docs: &[String]) -> tantivy::Result<(Index, Field)> {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("ru")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(indexing),
    );
    let index = Index::create_in_ram(schema.build());
    index.tokenizers().register("ru", analyzer);
    let mut writer = index.writer_with_num_threads(1, 50_000_000)?;
    for text in docs {
        writer.add_document(doc!(body => text.as_str()))?;
    }
    writer.commit()?;
    Ok((index, body))
}

fn documents(path: Option<PathBuf>) -> std::io::Result<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = path.or_else(|| {
        [
            root.join("../../shared/data/corpus/opencorpora_docs.jsonl"),
            root.join("../../../shared/data/corpus/opencorpora_docs.jsonl"),
        ]
        .into_iter()
        .find(|p| p.exists())
    });
    let Some(path) = path else {
        return Ok(SAMPLE.split("\n\n").map(str::to_owned).collect());
    };
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|doc| doc.get("text")?.as_str().map(str::to_owned))
        .collect())
}
