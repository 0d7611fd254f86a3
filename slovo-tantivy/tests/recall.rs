//! slovo's tokenizer finds what tantivy's default Russian pipeline misses, on the same
//! documents and queries, and loses nothing it finds.

mod common;

use common::{index_with, recall, search, tantivy_russian, DOCS, QUERIES};
use slovo_tantivy::SlovoTokenizer;
use tantivy_tokenizer_api::{TokenStream, Tokenizer};

#[test]
fn stems_recall_more_than_tantivy_default() {
    let (index, body) = index_with(tantivy_russian());
    let (base_found, total, base_missed) = recall(&index, body);
    println!("tantivy missed {base_missed:?}");
    let (index, body) = index_with(SlovoTokenizer::new().into());
    let (found, _, missed) = recall(&index, body);
    println!(
        "recall: tantivy {base_found}/{total}, slovo stems {found}/{total}; missed {missed:?}"
    );
    assert!(
        found > base_found,
        "slovo {found} vs tantivy {base_found} of {total}"
    );
    // Normalization is what stems add: soft hyphens, stress marks, decomposed letters.
    assert!(search(&index, body, "компьютер").contains(&16));
    assert!(search(&index, body, "замок").contains(&17));
    assert!(search(&index, body, "чайник").contains(&18));
}

#[cfg(feature = "morph")]
#[test]
fn lemmas_recall_more_than_stems() {
    let (index, body) = index_with(SlovoTokenizer::new().into());
    let (stem_found, total, _) = recall(&index, body);
    let (index, body) = index_with(SlovoTokenizer::lemmas().into());
    let (found, _, missed) = recall(&index, body);
    println!(
        "recall: slovo stems {stem_found}/{total}, slovo lemmas {found}/{total}; missed {missed:?}"
    );
    assert!(
        found > stem_found,
        "lemmas {found} vs stems {stem_found} of {total}"
    );
    // Stem alternations and suppletive forms only a dictionary knows:
    assert!(search(&index, body, "отец").contains(&7)); // отца
    assert!(search(&index, body, "день").contains(&12)); // дня
    assert!(search(&index, body, "человек").contains(&8)); // люди
}

#[test]
fn everything_tantivy_default_finds_slovo_finds() {
    let (base, base_body) = index_with(tantivy_russian());
    let (ours, our_body) = index_with(SlovoTokenizer::new().into());
    for (query, relevant) in QUERIES {
        let theirs = search(&base, base_body, query);
        let mine = search(&ours, our_body, query);
        for doc in relevant {
            assert!(
                !theirs.contains(doc) || mine.contains(doc),
                "{query}: tantivy finds document {doc}, slovo does not"
            );
        }
    }
}

#[test]
fn offsets_slice_the_text_and_positions_grow() {
    let mut tokenizer = SlovoTokenizer::new();
    for text in DOCS.iter().copied().chain([
        "",
        " ",
        "-",
        "--а--",
        "а-",
        "-б",
        "ё-ё-ё.",
        "т.е. Е. Казыхан",
        "\u{301}\u{ad}",
    ]) {
        let mut stream = tokenizer.token_stream(text);
        let mut last = 0;
        while let Some(token) = stream.next() {
            assert!(
                text.get(token.offset_from..token.offset_to).is_some(),
                "{text:?} {token:?}"
            );
            assert!(
                token.position >= last,
                "{text:?}: positions go back at {token:?}"
            );
            last = token.position;
        }
    }
}

#[test]
fn a_phrase_query_keeps_word_order() {
    let (index, body) = index_with(SlovoTokenizer::new().into());
    assert!(search(&index, body, "\"новый поезд\"").contains(&1));
    assert!(search(&index, body, "\"поезд новый\"").is_empty());
    // "в" between "Ростова-на-Дону" and "Москву" is a stop word that keeps its position:
    assert!(search(&index, body, "\"Ростова-на-Дону Москву\"").is_empty());
    assert!(search(&index, body, "\"Ростова-на-Дону в Москву\"").contains(&1));
}
