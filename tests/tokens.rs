//! Token invariants (bootstrap; grows with the tokenizer).

#[test]
fn spans_slice_the_text() {
    let text = "Е. Казыхан посетил Брюссель.";
    for t in slovo::tokenize(text) {
        assert_eq!(&text[t.span.clone()], t.text);
    }
}
