//! A small Russian collection with relevance judgements, and indexes of it built with
//! tantivy's default Russian pipeline and with slovo's tokenizer. The sentences were
//! written for these tests (no third-party text).

use std::collections::BTreeSet;

use tantivy::collector::DocSetCollector;
use tantivy::query::QueryParser;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Index;

mod index;
pub use index::{ram_index, tantivy_russian};

pub const DOCS: [&str; 19] = [
    "Фестиваль пройдёт в Ростове-на-Дону в начале июня.",
    "Из Ростова-на-Дону в Москву запустят новый поезд.",
    "Число случаев COVID-19 в регионе снизилось.",
    "Пишите нам на адрес info@example.ru или звоните.",
    "Подробности на сайте https://example.ru/news/2024 в разделе новостей.",
    "Кто-то оставил у двери ёлку с игрушками.",
    "Отец подарил сыну книгу о море.",
    "У отца было много книг, и он читал их детям.",
    "Люди вышли на улицы, чтобы увидеть салют.",
    "Каждый человек имеет право на отдых.",
    "На ёлке горели огни, а под ней лежали подарки.",
    "Наступил новый день, и город проснулся.",
    "Два дня шёл дождь.",
    "Мы шли по лесу и собирали грибы.",
    "Кошка спала на подоконнике, пока кто-нибудь не пришёл.",
    "Интернет-кафе открылось на главной улице.",
    // Web text with soft hyphens, a stress mark, and a decomposed й (NFD, as macOS writes it):
    "В библиоте\u{ad}ке поставили новый компью\u{ad}тер.",
    "Старый за\u{301}мок стоит на холме.",
    "На кухне закипел чаи\u{306}ник.",
];

/// Queries (in tantivy's query syntax) and the documents each should find.
pub const QUERIES: [(&str, &[usize]); 19] = [
    ("Ростов-на-Дону", &[0, 1]),
    ("Ростов", &[0, 1]),
    ("COVID-19", &[2]),
    ("covid", &[2]),
    ("\"info@example.ru\"", &[3]),
    ("\"https://example.ru/news/2024\"", &[4]),
    ("кто-то", &[5]),
    ("елка", &[5, 10]),
    ("ёлками", &[5, 10]),
    ("книгами", &[6, 7]),
    ("отец", &[6, 7]),
    ("человек", &[8, 9]),
    ("день", &[11, 12]),
    ("идти", &[12, 13]),
    ("интернет-кафе", &[15]),
    ("улица", &[8, 15]),
    ("компьютер", &[16]),
    ("замок", &[17]),
    ("чайник", &[18]),
];

/// An index of `DOCS` whose one text field uses `analyzer`.
pub fn index_with(analyzer: TextAnalyzer) -> (Index, Field) {
    ram_index(analyzer, DOCS, 15_000_000)
}

/// The `DOCS` indices a query finds.
pub fn search(index: &Index, body: Field, query: &str) -> BTreeSet<usize> {
    let searcher = index.reader().expect("reader").searcher();
    let parser = QueryParser::for_index(index, vec![body]);
    let query = parser.parse_query(query).expect("query");
    let hits = searcher.search(&query, &DocSetCollector).expect("search");
    // One segment, documents added in order: the doc id is the index in DOCS.
    hits.into_iter()
        .map(|address| address.doc_id as usize)
        .collect()
}

/// Relevant documents found, and relevant documents in all, over `QUERIES`.
pub fn recall(index: &Index, body: Field) -> (usize, usize, Vec<String>) {
    let (mut found, mut total, mut missed) = (0, 0, Vec::new());
    for (query, relevant) in QUERIES {
        let hits = search(index, body, query);
        for doc in relevant {
            total += 1;
            if hits.contains(doc) {
                found += 1;
            } else {
                missed.push(format!("{query} → {doc}"));
            }
        }
    }
    (found, total, missed)
}
