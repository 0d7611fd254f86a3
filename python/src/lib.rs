//! Python bindings for `slovo`: conversions and errors only, no logic of their own.
use pyo3::prelude::*;

/// One token of a text: `text`, code-point offsets `start`/`end`, and `kind`.
#[pyclass(module = "slovo._slovo", frozen, get_all)]
#[derive(Clone)]
struct Token {
    text: String,
    start: usize,
    end: usize,
    kind: &'static str,
}

#[pymethods]
impl Token {
    fn __repr__(&self) -> String {
        format!(
            "Token(text={:?}, start={}, end={}, kind={:?})",
            self.text, self.start, self.end, self.kind
        )
    }
}

/// Split `text` into tokens with code-point offsets.
#[pyfunction]
fn tokenize(py: Python<'_>, text: &str) -> Vec<Token> {
    py.detach(|| {
        let mut chars = 0usize;
        let mut byte = 0usize;
        slovo::tokenize(text)
            .map(|t| {
                chars += text[byte..t.span.start].chars().count();
                let start = chars;
                chars += t.text.chars().count();
                byte = t.span.end;
                Token {
                    text: t.text.to_owned(),
                    start,
                    end: chars,
                    kind: t.kind.as_str(),
                }
            })
            .collect()
    })
}

#[pymodule]
mod _slovo {
    #[pymodule_export]
    use super::{tokenize, Token};
}
