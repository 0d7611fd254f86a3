//! What `tokenize` and `sentences` share: per document, the input line's other fields and
//! one list of items with offsets, serialized straight from the iterator.

use std::marker::PhantomData;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::CliError;
use crate::input::{for_each_document, Source, SpanArgs};
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// A command that lists spans of each document under one key.
pub trait SpanList {
    /// The key of the list in each output object (`"tokens"`, `"sentences"`).
    const KEY: &'static str;

    /// Serializes the items of `text` as a sequence, converting their spans with
    /// `offsets`.
    fn serialize_items<S: Serializer>(
        text: &str,
        offsets: SpanOffsets<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;
}

/// Prints `{…fields, KEY: [items]}` per document of the sources `args` name.
pub fn print<L: SpanList>(args: SpanArgs, out: &mut Output) -> Result<(), CliError> {
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        document.fields.shift_remove(L::KEY);
        out.json_line(&Listed::<L> {
            fields: &document.fields,
            text: &document.text,
            byte_offsets: args.byte_offsets,
            list: PhantomData,
        })
    })
}

/// One output object: the fields, then the list.
struct Listed<'a, L> {
    fields: &'a crate::fields::Fields,
    text: &'a str,
    byte_offsets: bool,
    list: PhantomData<L>,
}

impl<L: SpanList> Serialize for Listed<'_, L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len() + 1))?;
        for (key, value) in self.fields {
            map.serialize_entry(key, value)?;
        }
        map.serialize_entry(
            L::KEY,
            &Items::<L>(self.text, self.byte_offsets, PhantomData),
        )?;
        map.end()
    }
}

/// The list of one document.
struct Items<'a, L>(&'a str, bool, PhantomData<L>);

impl<L: SpanList> Serialize for Items<'_, L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        L::serialize_items(self.0, SpanOffsets::new(self.0, self.1), serializer)
    }
}
