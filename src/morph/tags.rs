//! Parts of speech and grammemes as Universal Dependencies names them, as Rust enums.
//!
//! The dictionary speaks UD (UPOS and FEATS, with the SynTagRus conventions for Russian); these
//! types give the common features a typed form. Every value converts to and from its UD name
//! (`Case::Gen.as_str() == "Gen"`), so a CoNLL-U file and the typed form never disagree.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A part of speech: the 17 Universal Dependencies tags (UPOS).
///
/// ```
/// use slovo::Pos;
///
/// assert_eq!(Pos::Propn.as_str(), "PROPN");
/// assert_eq!("noun".parse::<Pos>()?, Pos::Noun);
/// assert!(Pos::Adj.is_content());
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Pos {
    /// Adjective (`новый`), also ordinal numbers (`второй`, `2024` in `2024 года`).
    Adj,
    /// Adposition: a preposition (`в`, `из-за`).
    Adp,
    /// Adverb (`быстро`), also predicatives (`нельзя`).
    Adv,
    /// Auxiliary verb (`быть` in compound forms, `бы`).
    Aux,
    /// Coordinating conjunction (`и`, `но`).
    Cconj,
    /// Determiner: pronominal adjectives (`этот`, `весь`, `мой`).
    Det,
    /// Interjection (`ах`).
    Intj,
    /// Common noun (`союз`).
    Noun,
    /// Numeral (`два`, `2`, `IV`).
    Num,
    /// Particle (`не`, `же`, `ли`).
    Part,
    /// Pronoun (`он`, `кто-то`).
    Pron,
    /// Proper noun: names of people, places, organisations (`Токаев`, `Ростов-на-Дону`).
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction (`что`, `чтобы`).
    Sconj,
    /// Symbol (`%`, `$`, emoji).
    Sym,
    /// Verb, including participles and converbs (`читать`, `читающий`, `читая`).
    Verb,
    /// Other: foreign words, unknown tokens.
    X,
}

impl Pos {
    /// Every part of speech, in the order of the enum.
    ///
    /// ```
    /// assert_eq!(slovo::Pos::ALL.len(), 17);
    /// ```
    pub const ALL: [Pos; 17] = [
        Pos::Adj,
        Pos::Adp,
        Pos::Adv,
        Pos::Aux,
        Pos::Cconj,
        Pos::Det,
        Pos::Intj,
        Pos::Noun,
        Pos::Num,
        Pos::Part,
        Pos::Pron,
        Pos::Propn,
        Pos::Punct,
        Pos::Sconj,
        Pos::Sym,
        Pos::Verb,
        Pos::X,
    ];

    /// The UPOS name (`"NOUN"`, `"PROPN"` …).
    ///
    /// ```
    /// assert_eq!(slovo::Pos::Sconj.as_str(), "SCONJ");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Pos::Adj => "ADJ",
            Pos::Adp => "ADP",
            Pos::Adv => "ADV",
            Pos::Aux => "AUX",
            Pos::Cconj => "CCONJ",
            Pos::Det => "DET",
            Pos::Intj => "INTJ",
            Pos::Noun => "NOUN",
            Pos::Num => "NUM",
            Pos::Part => "PART",
            Pos::Pron => "PRON",
            Pos::Propn => "PROPN",
            Pos::Punct => "PUNCT",
            Pos::Sconj => "SCONJ",
            Pos::Sym => "SYM",
            Pos::Verb => "VERB",
            Pos::X => "X",
        }
    }

    /// The part of speech with this UPOS name, exactly as UD writes it (`"NOUN"`); `None`
    /// for anything else. [`FromStr`] also accepts lowercase.
    ///
    /// ```
    /// use slovo::Pos;
    /// assert_eq!(Pos::from_upos("VERB"), Some(Pos::Verb));
    /// assert_eq!(Pos::from_upos("verb"), None);
    /// ```
    #[must_use]
    pub fn from_upos(name: &str) -> Option<Pos> {
        Some(match name {
            "ADJ" => Pos::Adj,
            "ADP" => Pos::Adp,
            "ADV" => Pos::Adv,
            "AUX" => Pos::Aux,
            "CCONJ" => Pos::Cconj,
            "DET" => Pos::Det,
            "INTJ" => Pos::Intj,
            "NOUN" => Pos::Noun,
            "NUM" => Pos::Num,
            "PART" => Pos::Part,
            "PRON" => Pos::Pron,
            "PROPN" => Pos::Propn,
            "PUNCT" => Pos::Punct,
            "SCONJ" => Pos::Sconj,
            "SYM" => Pos::Sym,
            "VERB" => Pos::Verb,
            "X" => Pos::X,
            _ => return None,
        })
    }

    /// Whether words of this part of speech carry meaning of their own: nouns, proper nouns,
    /// adjectives, verbs, adverbs and numerals (not pronouns, prepositions, conjunctions,
    /// particles, punctuation …). A ready filter for keywords and topic models.
    ///
    /// ```
    /// use slovo::Pos;
    /// assert!(Pos::Propn.is_content() && Pos::Verb.is_content());
    /// assert!(!Pos::Adp.is_content() && !Pos::Pron.is_content());
    /// ```
    #[must_use]
    pub const fn is_content(self) -> bool {
        matches!(
            self,
            Pos::Noun | Pos::Propn | Pos::Adj | Pos::Verb | Pos::Adv | Pos::Num
        )
    }

    /// A compact number (the position in [`Pos::ALL`]), for tables.
    pub(crate) const fn index(self) -> u8 {
        self as u8
    }

    /// The inverse of [`index`](Self::index); [`Pos::X`] for a number out of range.
    pub(crate) fn from_index(index: u8) -> Pos {
        Pos::ALL.get(usize::from(index)).copied().unwrap_or(Pos::X)
    }
}

impl fmt::Display for Pos {
    /// The UPOS name.
    ///
    /// ```
    /// assert_eq!(slovo::Pos::Noun.to_string(), "NOUN");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Pos {
    type Err = Error;

    /// Parses a UPOS name in any case (`"NOUN"`, `"noun"`, `"Propn"`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] naming the 17 accepted names.
    ///
    /// ```
    /// use slovo::Pos;
    /// assert_eq!("propn".parse::<Pos>()?, Pos::Propn);
    /// assert!("NOUNS".parse::<Pos>().is_err());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pos::from_upos(&s.trim().to_ascii_uppercase()).ok_or_else(|| {
            let names: Vec<&str> = Pos::ALL.iter().map(|p| p.as_str()).collect();
            Error::invalid_option("part of speech", s, names.join(", "))
        })
    }
}

/// Declares a UD feature as an enum: its variants, their UD values, conversions.
macro_rules! ud_feature {
    (
        $(#[$meta:meta])*
        $name:ident = $feature:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
        example $first:ident = $first_value:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $value)] $variant, )+
        }

        impl $name {
            /// The UD feature name this enum is a value of.
            ///
            /// ```
            #[doc = concat!("assert_eq!(slovo::morph::", stringify!($name), "::NAME, \"", $feature, "\");")]
            /// ```
            pub const NAME: &'static str = $feature;

            /// The UD value (as in CoNLL-U FEATS).
            ///
            /// ```
            #[doc = concat!(
                "assert_eq!(slovo::morph::", stringify!($name), "::", stringify!($first),
                ".as_str(), \"", $first_value, "\");"
            )]
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $value, )+
                }
            }

            /// The value with this UD name, exactly as UD writes it; `None` for anything else.
            ///
            /// ```
            #[doc = concat!(
                "use slovo::morph::", stringify!($name), ";\n",
                "assert_eq!(", stringify!($name), "::from_ud(\"", $first_value, "\"), Some(",
                stringify!($name), "::", stringify!($first), "));\n",
                "assert_eq!(", stringify!($name), "::from_ud(\"?\"), None);"
            )]
            /// ```
            #[must_use]
            pub fn from_ud(value: &str) -> Option<Self> {
                match value {
                    $( $value => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            /// The UD value.
            ///
            /// ```
            #[doc = concat!(
                "assert_eq!(slovo::morph::", stringify!($name), "::", stringify!($first),
                ".to_string(), \"", $first_value, "\");"
            )]
            /// ```
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<$name> for Feature {
            /// The feature holding this value.
            ///
            /// ```
            #[doc = concat!(
                "use slovo::morph::{Feature, ", stringify!($name), "};\n",
                "assert_eq!(Feature::from(", stringify!($name), "::", stringify!($first),
                "), Feature::", stringify!($name), "(", stringify!($name), "::",
                stringify!($first), "));"
            )]
            /// ```
            fn from(value: $name) -> Feature {
                Feature::$name(value)
            }
        }
    };
}

/// Declares [`Feature`], [`Features`] and their conversions from the list of typed features.
macro_rules! features {
    ( $( $name:ident . $field:ident ),+ $(,)? ) => {
        /// One grammatical feature with its value: what [`Morph::inflect`](crate::morph::Morph::inflect)
        /// takes to say which form is wanted.
        ///
        /// Each value type converts into it (`Case::Gen.into()`), so a single feature can be
        /// passed as `[Case::Gen]` and several as `[Feature::from(Case::Gen), Number::Plur.into()]`.
        ///
        /// ```
        /// use slovo::morph::{Case, Feature};
        ///
        /// let gen = Feature::from(Case::Gen);
        /// assert_eq!((gen.name(), gen.value()), ("Case", "Gen"));
        /// assert_eq!(gen.to_string(), "Case=Gen");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Feature {
            $(
                #[doc = concat!("`", stringify!($name), "=…`")]
                $name($name),
            )+
        }

        impl Feature {
            /// The UD feature name (`"Case"`).
            ///
            /// ```
            /// assert_eq!(slovo::morph::Feature::from(slovo::morph::Number::Plur).name(), "Number");
            /// ```
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $( Feature::$name(_) => $name::NAME, )+
                }
            }

            /// The UD value (`"Gen"`).
            ///
            /// ```
            /// assert_eq!(slovo::morph::Feature::from(slovo::morph::Number::Plur).value(), "Plur");
            /// ```
            #[must_use]
            pub const fn value(self) -> &'static str {
                match self {
                    $( Feature::$name(v) => v.as_str(), )+
                }
            }

            /// The feature with this UD name and value; `None` for a pair these types do not
            /// cover (the raw FEATS string of a [`Parse`](crate::morph::Parse) has every feature).
            ///
            /// ```
            /// use slovo::morph::{Case, Feature};
            /// assert_eq!(Feature::from_ud("Case", "Loc"), Some(Feature::Case(Case::Loc)));
            /// assert_eq!(Feature::from_ud("PronType", "Dem"), None);
            /// ```
            #[must_use]
            pub fn from_ud(name: &str, value: &str) -> Option<Feature> {
                $(
                    if name == $name::NAME {
                        return $name::from_ud(value).map(Feature::$name);
                    }
                )+
                None
            }
        }

        impl fmt::Display for Feature {
            /// `Name=Value`, as in CoNLL-U.
            ///
            /// ```
            /// assert_eq!(slovo::morph::Feature::from(slovo::morph::Aspect::Perf).to_string(), "Aspect=Perf");
            /// ```
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}={}", self.name(), self.value())
            }
        }

        /// The typed grammemes of one analysis: each field is `None` when the word does not
        /// have that feature (nouns have no tense, plural adjectives no gender).
        ///
        /// ```
        /// use slovo::morph::{Case, Gender, Number};
        ///
        /// let morph = slovo::Morph::new();
        /// let parse = &morph.parse("союза")[0];
        /// let f = parse.features();
        /// assert_eq!((f.case, f.number, f.gender), (Some(Case::Gen), Some(Number::Sing), Some(Gender::Masc)));
        /// assert_eq!(f.tense, None);
        /// ```
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(default)]
        #[non_exhaustive]
        pub struct Features {
            $(
                #[doc = concat!("`", stringify!($name), "`, if the word has it.")]
                pub $field: Option<$name>,
            )+
        }

        impl Features {
            /// Sets one feature (replacing the value it had).
            ///
            /// ```
            /// use slovo::morph::{Case, Features};
            /// let f = Features::default().with(Case::Dat);
            /// assert_eq!(f.case, Some(Case::Dat));
            /// ```
            #[must_use]
            pub fn with(mut self, feature: impl Into<Feature>) -> Self {
                match feature.into() {
                    $( Feature::$name(v) => self.$field = Some(v), )+
                }
                self
            }

            /// The features that are set, in the order of the fields.
            ///
            /// ```
            /// use slovo::morph::{Case, Feature, Features, Number};
            /// let f = Features::default().with(Number::Plur).with(Case::Gen);
            /// let all: Vec<Feature> = f.iter().collect();
            /// assert_eq!(all, [Feature::Case(Case::Gen), Feature::Number(Number::Plur)]);
            /// ```
            pub fn iter(&self) -> impl Iterator<Item = Feature> {
                [ $( self.$field.map(Feature::$name), )+ ].into_iter().flatten()
            }

            /// Whether no feature is set.
            ///
            /// ```
            /// assert!(slovo::morph::Features::default().is_empty());
            /// ```
            #[must_use]
            pub fn is_empty(&self) -> bool {
                self.iter().next().is_none()
            }

            /// The typed part of a UD FEATS string (`Case=Gen|Number=Sing`); features these
            /// types do not cover, and malformed pieces, are skipped.
            pub(crate) fn from_feats<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
                let mut features = Features::default();
                for (name, value) in pairs {
                    if let Some(feature) = Feature::from_ud(name, value) {
                        features = features.with(feature);
                    }
                }
                features
            }
        }

        impl FromIterator<Feature> for Features {
            /// Collects features; a later value of the same feature wins.
            ///
            /// ```
            /// use slovo::morph::{Case, Feature, Features};
            /// let f: Features = [Feature::from(Case::Nom), Feature::from(Case::Acc)].into_iter().collect();
            /// assert_eq!(f.case, Some(Case::Acc));
            /// ```
            fn from_iter<I: IntoIterator<Item = Feature>>(iter: I) -> Self {
                iter.into_iter().fold(Features::default(), Features::with)
            }
        }
    };
}

features! {
    Case.case,
    Number.number,
    Gender.gender,
    Animacy.animacy,
    Person.person,
    Tense.tense,
    Aspect.aspect,
    Mood.mood,
    VerbForm.verb_form,
    Voice.voice,
    Degree.degree,
    Variant.variant,
    NameType.name_type,
}

ud_feature! {
    /// Grammatical case (`Case`).
    ///
    /// ```
    /// use slovo::morph::Case;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("коммуникаций")[0].features().case, Some(Case::Gen));
    /// ```
    Case = "Case" {
        /// Nominative: `союз`.
        Nom = "Nom",
        /// Genitive: `союза`.
        Gen = "Gen",
        /// Dative: `союзу`.
        Dat = "Dat",
        /// Accusative: `союз`, `брата`.
        Acc = "Acc",
        /// Instrumental: `союзом`.
        Ins = "Ins",
        /// Locative (prepositional): `о союзе`.
        Loc = "Loc",
        /// Partitive (second genitive): `чаю`.
        Par = "Par",
        /// Vocative: `мам`.
        Voc = "Voc",
    }
    example Nom = "Nom"
}

ud_feature! {
    /// Grammatical number (`Number`).
    ///
    /// ```
    /// use slovo::morph::Number;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("коммуникаций")[0].features().number, Some(Number::Plur));
    /// ```
    Number = "Number" {
        /// Singular.
        Sing = "Sing",
        /// Plural.
        Plur = "Plur",
    }
    example Sing = "Sing"
}

ud_feature! {
    /// Grammatical gender (`Gender`).
    ///
    /// ```
    /// use slovo::morph::Gender;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("система")[0].features().gender, Some(Gender::Fem));
    /// ```
    Gender = "Gender" {
        /// Masculine.
        Masc = "Masc",
        /// Feminine.
        Fem = "Fem",
        /// Neuter.
        Neut = "Neut",
    }
    example Masc = "Masc"
}

ud_feature! {
    /// Animacy (`Animacy`): it decides whether the accusative looks like the genitive.
    ///
    /// ```
    /// use slovo::morph::Animacy;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("брат")[0].features().animacy, Some(Animacy::Anim));
    /// ```
    Animacy = "Animacy" {
        /// Animate.
        Anim = "Anim",
        /// Inanimate.
        Inan = "Inan",
    }
    example Anim = "Anim"
}

ud_feature! {
    /// Person (`Person`) of verbs and pronouns.
    ///
    /// ```
    /// use slovo::morph::Person;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("читаю")[0].features().person, Some(Person::First));
    /// ```
    Person = "Person" {
        /// First person (`1`).
        First = "1",
        /// Second person (`2`).
        Second = "2",
        /// Third person (`3`).
        Third = "3",
    }
    example First = "1"
}

ud_feature! {
    /// Tense (`Tense`).
    ///
    /// ```
    /// use slovo::morph::Tense;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("стали")[0].features().tense, Some(Tense::Past));
    /// ```
    Tense = "Tense" {
        /// Past.
        Past = "Past",
        /// Present.
        Pres = "Pres",
        /// Future.
        Fut = "Fut",
    }
    example Past = "Past"
}

ud_feature! {
    /// Aspect (`Aspect`).
    ///
    /// ```
    /// use slovo::morph::Aspect;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("обсудили")[0].features().aspect, Some(Aspect::Perf));
    /// ```
    Aspect = "Aspect" {
        /// Imperfective.
        Imp = "Imp",
        /// Perfective.
        Perf = "Perf",
    }
    example Imp = "Imp"
}

ud_feature! {
    /// Mood (`Mood`).
    ///
    /// ```
    /// use slovo::morph::Mood;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("читайте")[0].features().mood, Some(Mood::Imp));
    /// ```
    Mood = "Mood" {
        /// Indicative.
        Ind = "Ind",
        /// Imperative.
        Imp = "Imp",
        /// Conditional.
        Cnd = "Cnd",
    }
    example Ind = "Ind"
}

ud_feature! {
    /// Form of a verb (`VerbForm`).
    ///
    /// ```
    /// use slovo::morph::VerbForm;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("читать")[0].features().verb_form, Some(VerbForm::Inf));
    /// ```
    VerbForm = "VerbForm" {
        /// Finite (`читает`).
        Fin = "Fin",
        /// Infinitive (`читать`).
        Inf = "Inf",
        /// Participle (`читающий`).
        Part = "Part",
        /// Converb, the adverbial participle (`читая`).
        Conv = "Conv",
    }
    example Fin = "Fin"
}

ud_feature! {
    /// Voice (`Voice`).
    ///
    /// ```
    /// use slovo::morph::Voice;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("прочитанная")[0].features().voice, Some(Voice::Pass));
    /// ```
    Voice = "Voice" {
        /// Active.
        Act = "Act",
        /// Passive.
        Pass = "Pass",
        /// Middle (reflexive verbs in `-ся`).
        Mid = "Mid",
    }
    example Act = "Act"
}

ud_feature! {
    /// Degree of comparison (`Degree`).
    ///
    /// ```
    /// use slovo::morph::Degree;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("новый")[0].features().degree, Some(Degree::Pos));
    /// ```
    Degree = "Degree" {
        /// Positive (`новый`).
        Pos = "Pos",
        /// Comparative (`новее`).
        Cmp = "Cmp",
        /// Superlative (`новейший`).
        Sup = "Sup",
    }
    example Pos = "Pos"
}

ud_feature! {
    /// Short form of adjectives and participles (`Variant=Short`).
    ///
    /// ```
    /// use slovo::morph::Variant;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("готов")[0].features().variant, Some(Variant::Short));
    /// ```
    Variant = "Variant" {
        /// The short form (`готов`, `прочитана`).
        Short = "Short",
    }
    example Short = "Short"
}

ud_feature! {
    /// Kind of a proper name (`NameType`).
    ///
    /// ```
    /// use slovo::morph::NameType;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("Токаева")[0].features().name_type, Some(NameType::Sur));
    /// ```
    NameType = "NameType" {
        /// Given name (`Дональд`).
        Giv = "Giv",
        /// Surname (`Трамп`).
        Sur = "Sur",
        /// Patronymic (`Владимирович`).
        Pat = "Pat",
        /// Geographical name (`Москва`).
        Geo = "Geo",
        /// Company or organisation (`Газпром`).
        Com = "Com",
        /// Other name of a person (`Кутузов` as a nickname).
        Prs = "Prs",
    }
    example Giv = "Giv"
}
