//! Language and script identifiers: [`Lang`] and [`Script`], with their ISO codes and
//! the mapping to and from `whatlang`'s enums.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

macro_rules! languages {
    ($( $(#[$doc:meta])* $variant:ident = ($iso1:literal, $iso3:literal, $name:literal, $wl:expr) ),* $(,)?) => {
        /// A language that [`detect`](crate::detect) can report.
        ///
        /// Every language `whatlang` 0.18 recognises, plus Kazakh and Mongolian (which
        /// `whatlang` lacks), plus [`Lang::Unknown`] for "undetermined". The string forms
        /// are ISO 639-1 codes (`"ru"`; `"und"` for unknown), see [`Lang::code`];
        /// [`FromStr`] also accepts ISO 639-3 codes and English names.
        ///
        /// ```
        /// use slovo::Lang;
        ///
        /// assert_eq!(Lang::Russian.code(), "ru");
        /// assert_eq!(Lang::Kazakh.iso639_3(), "kaz");
        /// assert_eq!("uk".parse::<Lang>().unwrap(), Lang::Ukrainian);
        /// assert_eq!("mon".parse::<Lang>().unwrap(), Lang::Mongolian);
        /// assert_eq!(Lang::Unknown.to_string(), "und");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Lang {
            $( $(#[$doc])* $variant, )*
            /// Undetermined: too little text, no letters, or no language fits.
            Unknown,
        }

        impl Lang {
            /// Every language (without [`Lang::Unknown`]), in declaration order.
            pub const ALL: &'static [Lang] = &[ $( Lang::$variant, )* ];

            /// The ISO 639-1 code (`"ru"`, `"kk"`), or `"und"` for [`Lang::Unknown`].
            ///
            /// ```
            /// assert_eq!(slovo::Lang::Belarusian.code(), "be");
            /// ```
            pub fn code(self) -> &'static str {
                match self { $( Lang::$variant => $iso1, )* Lang::Unknown => "und" }
            }

            /// The ISO 639-3 code (`"rus"`, `"kaz"`), or `"und"` for [`Lang::Unknown`].
            ///
            /// ```
            /// assert_eq!(slovo::Lang::Serbian.iso639_3(), "srp");
            /// ```
            pub fn iso639_3(self) -> &'static str {
                match self { $( Lang::$variant => $iso3, )* Lang::Unknown => "und" }
            }

            /// The English name (`"Russian"`), or `"Unknown"`.
            ///
            /// ```
            /// assert_eq!(slovo::Lang::Macedonian.name(), "Macedonian");
            /// ```
            pub fn name(self) -> &'static str {
                match self { $( Lang::$variant => $name, )* Lang::Unknown => "Unknown" }
            }

            pub(crate) fn from_whatlang(lang: whatlang::Lang) -> Lang {
                $( if $wl == Some(lang) { return Lang::$variant; } )*
                Lang::Unknown
            }

            pub(crate) fn to_whatlang(self) -> Option<whatlang::Lang> {
                match self { $( Lang::$variant => $wl, )* Lang::Unknown => None }
            }
        }
    };
}

use whatlang::Lang as W;

languages! {
    /// Afrikaans.
    Afrikaans = ("af", "afr", "Afrikaans", Some(W::Afr)),
    /// Akan.
    Akan = ("ak", "aka", "Akan", Some(W::Aka)),
    /// Amharic.
    Amharic = ("am", "amh", "Amharic", Some(W::Amh)),
    /// Arabic.
    Arabic = ("ar", "ara", "Arabic", Some(W::Ara)),
    /// Armenian.
    Armenian = ("hy", "hye", "Armenian", Some(W::Hye)),
    /// Azerbaijani.
    Azerbaijani = ("az", "aze", "Azerbaijani", Some(W::Aze)),
    /// Belarusian.
    Belarusian = ("be", "bel", "Belarusian", Some(W::Bel)),
    /// Bengali.
    Bengali = ("bn", "ben", "Bengali", Some(W::Ben)),
    /// Bulgarian.
    Bulgarian = ("bg", "bul", "Bulgarian", Some(W::Bul)),
    /// Catalan.
    Catalan = ("ca", "cat", "Catalan", Some(W::Cat)),
    /// Chinese (Mandarin).
    Chinese = ("zh", "cmn", "Chinese", Some(W::Cmn)),
    /// Croatian.
    Croatian = ("hr", "hrv", "Croatian", Some(W::Hrv)),
    /// Czech.
    Czech = ("cs", "ces", "Czech", Some(W::Ces)),
    /// Danish.
    Danish = ("da", "dan", "Danish", Some(W::Dan)),
    /// Dutch.
    Dutch = ("nl", "nld", "Dutch", Some(W::Nld)),
    /// English.
    English = ("en", "eng", "English", Some(W::Eng)),
    /// Esperanto.
    Esperanto = ("eo", "epo", "Esperanto", Some(W::Epo)),
    /// Estonian.
    Estonian = ("et", "est", "Estonian", Some(W::Est)),
    /// Finnish.
    Finnish = ("fi", "fin", "Finnish", Some(W::Fin)),
    /// French.
    French = ("fr", "fra", "French", Some(W::Fra)),
    /// Georgian.
    Georgian = ("ka", "kat", "Georgian", Some(W::Kat)),
    /// German.
    German = ("de", "deu", "German", Some(W::Deu)),
    /// Greek.
    Greek = ("el", "ell", "Greek", Some(W::Ell)),
    /// Gujarati.
    Gujarati = ("gu", "guj", "Gujarati", Some(W::Guj)),
    /// Hebrew.
    Hebrew = ("he", "heb", "Hebrew", Some(W::Heb)),
    /// Hindi.
    Hindi = ("hi", "hin", "Hindi", Some(W::Hin)),
    /// Hungarian.
    Hungarian = ("hu", "hun", "Hungarian", Some(W::Hun)),
    /// Indonesian.
    Indonesian = ("id", "ind", "Indonesian", Some(W::Ind)),
    /// Italian.
    Italian = ("it", "ita", "Italian", Some(W::Ita)),
    /// Japanese.
    Japanese = ("ja", "jpn", "Japanese", Some(W::Jpn)),
    /// Javanese.
    Javanese = ("jv", "jav", "Javanese", Some(W::Jav)),
    /// Kannada.
    Kannada = ("kn", "kan", "Kannada", Some(W::Kan)),
    /// Kazakh (Cyrillic script); not in `whatlang`, detected by slovo's own model.
    Kazakh = ("kk", "kaz", "Kazakh", None),
    /// Khmer.
    Khmer = ("km", "khm", "Khmer", Some(W::Khm)),
    /// Korean.
    Korean = ("ko", "kor", "Korean", Some(W::Kor)),
    /// Latin.
    Latin = ("la", "lat", "Latin", Some(W::Lat)),
    /// Latvian.
    Latvian = ("lv", "lav", "Latvian", Some(W::Lav)),
    /// Lithuanian.
    Lithuanian = ("lt", "lit", "Lithuanian", Some(W::Lit)),
    /// Macedonian.
    Macedonian = ("mk", "mkd", "Macedonian", Some(W::Mkd)),
    /// Malayalam.
    Malayalam = ("ml", "mal", "Malayalam", Some(W::Mal)),
    /// Marathi.
    Marathi = ("mr", "mar", "Marathi", Some(W::Mar)),
    /// Mongolian (Cyrillic script); not in `whatlang`, detected by slovo's own model.
    Mongolian = ("mn", "mon", "Mongolian", None),
    /// Burmese.
    Burmese = ("my", "mya", "Burmese", Some(W::Mya)),
    /// Nepali.
    Nepali = ("ne", "nep", "Nepali", Some(W::Nep)),
    /// Norwegian Bokmål.
    Bokmal = ("nb", "nob", "Bokmal", Some(W::Nob)),
    /// Oriya (Odia).
    Oriya = ("or", "ori", "Oriya", Some(W::Ori)),
    /// Persian.
    Persian = ("fa", "pes", "Persian", Some(W::Pes)),
    /// Polish.
    Polish = ("pl", "pol", "Polish", Some(W::Pol)),
    /// Portuguese.
    Portuguese = ("pt", "por", "Portuguese", Some(W::Por)),
    /// Punjabi.
    Punjabi = ("pa", "pan", "Punjabi", Some(W::Pan)),
    /// Romanian.
    Romanian = ("ro", "ron", "Romanian", Some(W::Ron)),
    /// Russian.
    Russian = ("ru", "rus", "Russian", Some(W::Rus)),
    /// Serbian (Cyrillic script; Latin-script Serbian reads as Croatian).
    Serbian = ("sr", "srp", "Serbian", Some(W::Srp)),
    /// Shona.
    Shona = ("sn", "sna", "Shona", Some(W::Sna)),
    /// Sinhala.
    Sinhala = ("si", "sin", "Sinhala", Some(W::Sin)),
    /// Slovak.
    Slovak = ("sk", "slk", "Slovak", Some(W::Slk)),
    /// Slovene.
    Slovene = ("sl", "slv", "Slovene", Some(W::Slv)),
    /// Spanish.
    Spanish = ("es", "spa", "Spanish", Some(W::Spa)),
    /// Swedish.
    Swedish = ("sv", "swe", "Swedish", Some(W::Swe)),
    /// Tagalog.
    Tagalog = ("tl", "tgl", "Tagalog", Some(W::Tgl)),
    /// Tamil.
    Tamil = ("ta", "tam", "Tamil", Some(W::Tam)),
    /// Telugu.
    Telugu = ("te", "tel", "Telugu", Some(W::Tel)),
    /// Thai.
    Thai = ("th", "tha", "Thai", Some(W::Tha)),
    /// Turkish.
    Turkish = ("tr", "tur", "Turkish", Some(W::Tur)),
    /// Turkmen.
    Turkmen = ("tk", "tuk", "Turkmen", Some(W::Tuk)),
    /// Ukrainian.
    Ukrainian = ("uk", "ukr", "Ukrainian", Some(W::Ukr)),
    /// Urdu.
    Urdu = ("ur", "urd", "Urdu", Some(W::Urd)),
    /// Uzbek.
    Uzbek = ("uz", "uzb", "Uzbek", Some(W::Uzb)),
    /// Vietnamese.
    Vietnamese = ("vi", "vie", "Vietnamese", Some(W::Vie)),
    /// Welsh.
    Welsh = ("cy", "cym", "Welsh", Some(W::Cym)),
    /// Yiddish.
    Yiddish = ("yi", "yid", "Yiddish", Some(W::Yid)),
    /// Zulu.
    Zulu = ("zu", "zul", "Zulu", Some(W::Zul)),
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Parses an ISO 639-1 code, an ISO 639-3 code or an English name (any case);
    /// `"und"` / `"unknown"` give [`Lang::Unknown`].
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("und") || t.eq_ignore_ascii_case("unknown") {
            return Ok(Lang::Unknown);
        }
        Lang::ALL
            .iter()
            .copied()
            .find(|l| {
                t.eq_ignore_ascii_case(l.code())
                    || t.eq_ignore_ascii_case(l.iso639_3())
                    || t.eq_ignore_ascii_case(l.name())
            })
            .ok_or_else(|| {
                Error::invalid_option(
                    "language",
                    s,
                    "an ISO 639-1 or 639-3 code (ru, uk, kk, rus …), an English name, or und",
                )
            })
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

macro_rules! scripts {
    ($( $variant:ident = $name:literal ),* $(,)?) => {
        /// The writing system of a text, as far as detection is concerned.
        ///
        /// ```
        /// use slovo::Script;
        ///
        /// assert_eq!(slovo::detect("Привет, как дела у тебя сегодня?").script, Script::Cyrillic);
        /// assert_eq!(Script::Latin.name(), "Latin");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub enum Script {
            $( #[doc = concat!("The ", $name, " script.")] $variant, )*
            /// No letters, or a script `whatlang` does not know.
            Unknown,
        }

        impl Script {
            /// The script's English name (`"Cyrillic"`), or `"Unknown"`.
            ///
            /// ```
            /// assert_eq!(slovo::Script::Cyrillic.name(), "Cyrillic");
            /// ```
            pub fn name(self) -> &'static str {
                match self { $( Script::$variant => $name, )* Script::Unknown => "Unknown" }
            }

            pub(crate) fn from_whatlang(script: whatlang::Script) -> Script {
                match script {
                    $( whatlang::Script::$variant => Script::$variant, )*
                }
            }
        }
    };
}

scripts! {
    Arabic = "Arabic", Armenian = "Armenian", Bengali = "Bengali", Cyrillic = "Cyrillic",
    Devanagari = "Devanagari", Ethiopic = "Ethiopic", Georgian = "Georgian", Greek = "Greek",
    Gujarati = "Gujarati", Gurmukhi = "Gurmukhi", Hangul = "Hangul", Hebrew = "Hebrew",
    Hiragana = "Hiragana", Kannada = "Kannada", Katakana = "Katakana", Khmer = "Khmer",
    Latin = "Latin", Malayalam = "Malayalam", Mandarin = "Mandarin", Myanmar = "Myanmar",
    Oriya = "Oriya", Sinhala = "Sinhala", Tamil = "Tamil", Telugu = "Telugu", Thai = "Thai",
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<whatlang::Lang> for Lang {
    /// The same language in slovo's enum (every `whatlang` language has one).
    ///
    /// ```
    /// assert_eq!(slovo::Lang::from(whatlang::Lang::Rus), slovo::Lang::Russian);
    /// ```
    fn from(lang: whatlang::Lang) -> Lang {
        Lang::from_whatlang(lang)
    }
}

impl TryFrom<Lang> for whatlang::Lang {
    type Error = Error;

    /// The same language in `whatlang`'s enum; [`Error::InvalidOption`] for the languages
    /// `whatlang` lacks (Kazakh, Mongolian) and for [`Lang::Unknown`].
    ///
    /// ```
    /// use slovo::Lang;
    ///
    /// assert_eq!(whatlang::Lang::try_from(Lang::Ukrainian)?, whatlang::Lang::Ukr);
    /// assert!(whatlang::Lang::try_from(Lang::Kazakh).is_err());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    fn try_from(lang: Lang) -> Result<whatlang::Lang> {
        lang.to_whatlang().ok_or_else(|| {
            Error::invalid_option(
                "lang",
                lang.code(),
                "a language whatlang knows (not kk, mn or und)",
            )
        })
    }
}

impl From<whatlang::Script> for Script {
    /// The same script in slovo's enum.
    ///
    /// ```
    /// assert_eq!(slovo::Script::from(whatlang::Script::Cyrillic), slovo::Script::Cyrillic);
    /// ```
    fn from(script: whatlang::Script) -> Script {
        Script::from_whatlang(script)
    }
}
