//! A JSON Lines object as the input wrote it: its "text" and its other fields, each field's
//! value kept as the exact bytes of the line (numbers of any size, `1e999999`, escapes and
//! spacing inside nested values are copied unchanged into the output).

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// A line's fields other than the text, in their order, values as written.
#[derive(Debug, Default)]
pub struct Fields(Vec<(String, Box<RawValue>)>);

impl Fields {
    /// No fields (input that is not JSON Lines).
    pub fn new() -> Self {
        Fields(Vec::new())
    }

    /// Removes the field `key` (an output field of the same name replaces it).
    pub fn shift_remove(&mut self, key: &str) -> Option<Box<RawValue>> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    /// The field `key`'s value, parsed (`None` if absent or not representable).
    pub fn value(&self, key: &str) -> Option<Value> {
        let (_, raw) = self.0.iter().find(|(k, _)| k == key)?;
        serde_json::from_str(raw.get()).ok()
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = (&'a String, &'a RawValue);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.0.iter().map(|(k, v)| (k, &**v)))
    }
}

/// A line's object: every field, values raw.
struct RawObject(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for RawObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = RawObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object with a \"text\" field")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawObject, A::Error> {
                let mut fields: Vec<(String, Box<RawValue>)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    // A repeated key: the last value wins, in the first one's place.
                    match fields.iter_mut().find(|(k, _)| *k == key) {
                        Some(field) => field.1 = value,
                        None => fields.push((key, value)),
                    }
                }
                Ok(RawObject(fields))
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// Splits a JSON Lines object into its `text` and the other fields. A lone surrogate
/// escape in the text (as Python's `json.dumps` writes for unpaired surrogates) is an
/// error, or with `lossy` becomes U+FFFD and is counted in `replaced`.
pub fn parse_json_line(
    line: &str,
    lossy: bool,
    replaced: &mut usize,
) -> Result<(String, Fields), String> {
    let RawObject(mut fields) = serde_json::from_str(line).map_err(|e: serde_json::Error| {
        if e.classify() == serde_json::error::Category::Data {
            return "expected a JSON object with a \"text\" field".to_owned();
        }
        let message = e.to_string();
        // serde_json ends its messages with "at line 1 column N"; only the column helps.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        format!("invalid JSON at column {}: {message}", e.column())
    })?;
    let Some(i) = fields.iter().position(|(k, _)| k == "text") else {
        return Err("no \"text\" field".to_owned());
    };
    let (_, raw) = fields.remove(i);
    let text = json_string(raw.get(), lossy, replaced)?;
    Ok((text, Fields(fields)))
}

/// The string a raw JSON string literal denotes.
fn json_string(raw: &str, lossy: bool, replaced: &mut usize) -> Result<String, String> {
    let not_string = || "the \"text\" field is not a string".to_owned();
    let body = (raw.strip_prefix('"'))
        .and_then(|r| r.strip_suffix('"'))
        .ok_or_else(not_string)?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    // A unit that is not part of a surrogate pair.
    let mut lone = |out: &mut String, unit: u32| -> Result<(), String> {
        if !lossy {
            return Err(format!(
                "the \"text\" field holds a lone surrogate escape \\u{unit:04x} \
                 (use --lossy to replace it with U+FFFD)"
            ));
        }
        *replaced += 1;
        out.push('\u{FFFD}');
        Ok(())
    };
    let hex4 = |chars: &mut std::str::Chars<'_>| -> Option<u32> {
        let digits: String = chars.by_ref().take(4).collect();
        (digits.len() == 4)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
    };
    let bad = || "the \"text\" field has an invalid escape".to_owned();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let mut unit = hex4(&mut chars).ok_or_else(bad)?;
                loop {
                    if !(0xD800..0xDC00).contains(&unit) {
                        match char::from_u32(unit) {
                            Some(c) => out.push(c),
                            None => lone(&mut out, unit)?,
                        }
                        break;
                    }
                    // A high surrogate: a pair only with a low one right after it.
                    let rest = chars.as_str();
                    let Some(next) = rest.strip_prefix("\\u") else {
                        lone(&mut out, unit)?;
                        break;
                    };
                    let mut after = next.chars();
                    let low = hex4(&mut after).ok_or_else(bad)?;
                    if (0xDC00..0xE000).contains(&low) {
                        chars = after;
                        let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        out.push(char::from_u32(c).ok_or_else(bad)?);
                        break;
                    }
                    // Another high surrogate or an ordinary unit follows: this one is lone.
                    lone(&mut out, unit)?;
                    chars = after;
                    unit = low;
                }
            }
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

impl fmt::Display for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str, lossy: bool) -> Result<(String, String, usize), String> {
        let mut replaced = 0;
        let (text, fields) = parse_json_line(line, lossy, &mut replaced)?;
        Ok((text, fields.to_string(), replaced))
    }

    #[test]
    fn fields_are_copied_byte_for_byte() {
        let line = r#"{"id":123456789012345678901234567890,"x":1e999999,"text":"a\u00e9\ud83d\ude00","m":{"k": [1.50, "\u00e9\/"]}}"#;
        let (text, fields, replaced) = parse(line, false).unwrap();
        assert_eq!(text, "aé😀");
        assert_eq!(
            fields,
            r#"{"id":123456789012345678901234567890,"x":1e999999,"m":{"k": [1.50, "\u00e9\/"]}}"#
        );
        assert_eq!(replaced, 0);
    }

    #[test]
    fn lone_surrogates_are_an_error_or_replaced_and_counted() {
        let line = r#"{"text":"a\ud800b\udc00\ud800\ud800\ude00","id":"\ud800"}"#;
        let err = parse(line, false).unwrap_err();
        assert!(
            err.contains("lone surrogate") && err.contains("--lossy"),
            "{err}"
        );
        let (text, fields, replaced) = parse(line, true).unwrap();
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{10200}");
        assert_eq!(replaced, 3);
        assert_eq!(fields, r#"{"id":"\ud800"}"#);
    }

    #[test]
    fn other_lines_are_errors() {
        assert!(parse("[1]", false).unwrap_err().contains("JSON object"));
        assert!(parse(r#"{"text":1}"#, false)
            .unwrap_err()
            .contains("not a string"));
        assert!(parse(r#"{"id":1}"#, false)
            .unwrap_err()
            .contains("no \"text\""));
        assert!(parse(r#"{"text":"a"#, false)
            .unwrap_err()
            .contains("column"));
    }
}
