//! Word lists embedded as data: a text file with one entry per line, looked up
//! case-insensitively.

use std::sync::OnceLock;

/// A word list embedded in the binary, parsed on first use: a `static` built with
/// `EmbeddedList::new(include_str!("data/….txt"))`, queried with [`EmbeddedList::contains`].
pub(crate) struct EmbeddedList {
    data: &'static str,
    list: OnceLock<WordList>,
}

impl EmbeddedList {
    /// A list over `data` (the file's text); nothing is parsed yet.
    pub(crate) const fn new(data: &'static str) -> EmbeddedList {
        EmbeddedList {
            data,
            list: OnceLock::new(),
        }
    }

    /// Whether `word`, lowercased, is in the list.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.list
            .get_or_init(|| WordList::parse(self.data))
            .contains_lowercase(word)
    }
}

/// A sorted list of lowercase entries parsed from an embedded text file.
///
/// File format: one entry per line; leading/trailing white space is trimmed; empty lines
/// and lines starting with `#` are skipped. Entries are stored lowercased.
#[derive(Debug)]
pub(crate) struct WordList {
    words: Vec<String>,
    /// Longest entry in bytes: longer keys are rejected without lowercasing.
    max_len: usize,
}

impl WordList {
    /// Parses the list (done once per list; see the `OnceLock`s that hold them).
    pub(crate) fn parse(data: &str) -> WordList {
        let mut words: Vec<String> = data
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        words.sort_unstable();
        words.dedup();
        let max_len = words.iter().map(String::len).max().unwrap_or(0);
        WordList { words, max_len }
    }

    /// Whether `word`, lowercased, is in the list. Does not allocate.
    pub(crate) fn contains_lowercase(&self, word: &str) -> bool {
        // Lowercasing can change the byte length (rarely); allow some slack, then compare
        // the lowercased bytes built in a stack buffer.
        if word.is_empty() || word.len() > self.max_len * 2 {
            return false;
        }
        let mut buf = [0u8; 64];
        let mut len = 0;
        for c in word.chars() {
            // ASCII and Russian capitals without the full Unicode case tables.
            let lower = match c {
                'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20),
                'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50),
                'a'..='z' | 'а'..='я' | 'ѐ'..='џ' => Some(c),
                _ => None,
            };
            let mut push = |c: char| {
                let n = c.len_utf8();
                match buf.get_mut(len..len + n) {
                    Some(slot) => {
                        c.encode_utf8(slot);
                        len += n;
                        true
                    }
                    None => false,
                }
            };
            let pushed = match lower {
                Some(l) => push(l),
                None => c.to_lowercase().all(&mut push),
            };
            if !pushed {
                return false;
            }
        }
        let key = &buf[..len];
        self.words
            .binary_search_by(|w| w.as_bytes().cmp(key))
            .is_ok()
    }

    /// Number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

#[cfg(test)]
mod tests {
    use super::WordList;

    #[test]
    fn parses_and_looks_up_case_insensitively() {
        let list = WordList::parse("# comment\n\nгг\n Им \nгг\nmr\n");
        assert_eq!(list.len(), 3);
        assert!(list.contains_lowercase("гг"));
        assert!(list.contains_lowercase("ГГ"));
        assert!(list.contains_lowercase("им"));
        assert!(list.contains_lowercase("Mr"));
        assert!(!list.contains_lowercase("г"));
        assert!(!list.contains_lowercase(""));
        assert!(!list.contains_lowercase(&"г".repeat(100)));
    }
}
