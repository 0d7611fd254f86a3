//! The RAM index that the tests and the benchmark build (`benches/index.rs` includes this
//! file), and tantivy's own Russian pipeline to compare with.

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{doc, Index};

/// tantivy's pipeline for Russian text: what its documentation builds for a language
/// with a Snowball stemmer.
pub fn tantivy_russian() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Russian))
        .build()
}

/// A RAM index of `docs`, committed as one segment (so a document's id is its position),
/// whose one text field analyzes with `analyzer`; one indexing thread with a
/// `memory_budget` in bytes.
pub fn ram_index<'a>(
    analyzer: TextAnalyzer,
    docs: impl IntoIterator<Item = &'a str>,
    memory_budget: usize,
) -> (Index, Field) {
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
    let mut writer = index
        .writer_with_num_threads(1, memory_budget)
        .expect("writer");
    for text in docs {
        writer.add_document(doc!(body => text)).expect("add");
    }
    writer.commit().expect("commit");
    (index, body)
}
