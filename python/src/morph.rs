//! Morphology bindings: lemmas, analyses (`Parse`), inflection, phrases in dictionary form.
//!
//! Every function uses the bundled dictionary (`slovo::Morph::new()`, loaded once per
//! process); lemma lookups go through slovo's per-thread cache, so batch forms run on rayon's
//! threads without the GIL, each with its own cache.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMapping, PyString, PyTuple, PyType};
use rayon::prelude::*;
use slovo::morph::{Feature, Features, Origin};
use slovo::{Morph, Pos, TokenKind};

use crate::convert::py_str_repr;
use crate::type_name;

/// The morphology with the context model (`parse_sentence`, `lemmatize(context=True)`).
fn morph() -> Morph {
    Morph::new()
}

/// The same dictionary, ranking each word on its own.
fn morph_without_context() -> &'static Morph {
    static NO_CONTEXT: OnceLock<Morph> = OnceLock::new();
    NO_CONTEXT.get_or_init(|| {
        Morph::new()
            .to_builder()
            .context(false)
            .build()
            .unwrap_or_else(|_| Morph::new())
    })
}

fn morph_for(context: bool) -> Morph {
    if context {
        morph()
    } else {
        morph_without_context().clone()
    }
}

/// Words per parallel unit of `lemma_many`; shorter lists are lemmatized on one thread.
const LEMMA_CHUNK: usize = 16_384;

/// The keyword arguments of `inflect`: Python name, UD name, UD values.
const FEATURES: [(&str, &str, &[&str]); 13] = [
    (
        "case",
        "Case",
        &["Nom", "Gen", "Dat", "Acc", "Ins", "Loc", "Par", "Voc"],
    ),
    ("number", "Number", &["Sing", "Plur"]),
    ("gender", "Gender", &["Masc", "Fem", "Neut"]),
    ("animacy", "Animacy", &["Anim", "Inan"]),
    ("person", "Person", &["1", "2", "3"]),
    ("tense", "Tense", &["Past", "Pres", "Fut"]),
    ("aspect", "Aspect", &["Imp", "Perf"]),
    ("mood", "Mood", &["Ind", "Imp", "Cnd"]),
    ("verb_form", "VerbForm", &["Fin", "Inf", "Part", "Conv"]),
    ("voice", "Voice", &["Act", "Pass", "Mid"]),
    ("degree", "Degree", &["Pos", "Cmp", "Sup"]),
    ("variant", "Variant", &["Short"]),
    (
        "name_type",
        "NameType",
        &["Giv", "Sur", "Pat", "Geo", "Com", "Prs"],
    ),
];

/// OpenCorpora (pymorphy) grammemes accepted for their UD equivalents.
const OPENCORPORA: [(&str, &str, &str); 30] = [
    ("nomn", "Case", "Nom"),
    ("gent", "Case", "Gen"),
    ("datv", "Case", "Dat"),
    ("accs", "Case", "Acc"),
    ("ablt", "Case", "Ins"),
    ("loct", "Case", "Loc"),
    ("voct", "Case", "Voc"),
    ("gen2", "Case", "Par"),
    ("loc2", "Case", "Loc"),
    ("acc2", "Case", "Acc"),
    ("sing", "Number", "Sing"),
    ("plur", "Number", "Plur"),
    ("masc", "Gender", "Masc"),
    ("femn", "Gender", "Fem"),
    ("neut", "Gender", "Neut"),
    ("anim", "Animacy", "Anim"),
    ("inan", "Animacy", "Inan"),
    ("1per", "Person", "1"),
    ("2per", "Person", "2"),
    ("3per", "Person", "3"),
    ("past", "Tense", "Past"),
    ("pres", "Tense", "Pres"),
    ("futr", "Tense", "Fut"),
    ("perf", "Aspect", "Perf"),
    ("impf", "Aspect", "Imp"),
    ("indc", "Mood", "Ind"),
    ("impr", "Mood", "Imp"),
    ("actv", "Voice", "Act"),
    ("pssv", "Voice", "Pass"),
    ("infn", "VerbForm", "Inf"),
];

/// One feature given as `name=value`: the Python or UD name, the UD value in any letter case,
/// an OpenCorpora grammeme, or an `int` person.
fn feature_of(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Feature> {
    let Some(&(py_name, ud_name, values)) = FEATURES
        .iter()
        .find(|(py, ud, _)| *py == name || *ud == name)
    else {
        let names: Vec<&str> = FEATURES.iter().map(|(py, _, _)| *py).collect();
        return Err(PyValueError::new_err(format!(
            "unknown feature {}: expected one of {}",
            py_str_repr(name),
            names.join(", ")
        )));
    };
    let text = if let Ok(person) = value.extract::<u8>() {
        person.to_string()
    } else if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else {
        return Err(PyTypeError::new_err(format!(
            "{py_name} must be a str, not {}",
            type_name(value)
        )));
    };
    let lower = text.trim().to_lowercase();
    let ud_value = values
        .iter()
        .find(|v| v.to_lowercase() == lower)
        .copied()
        .or_else(|| {
            OPENCORPORA
                .iter()
                .find(|(oc, ud, _)| *oc == lower && *ud == ud_name)
                .map(|(_, _, v)| *v)
        });
    ud_value
        .and_then(|v| Feature::from_ud(ud_name, v))
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown {py_name} {}: expected one of {}",
                py_str_repr(&text),
                values.join(", ")
            ))
        })
}

/// The features of `inflect`'s mapping and keyword arguments, in that order.
fn features_arg(
    mapping: Option<&Bound<'_, PyAny>>,
    keywords: &[(&str, Option<&Bound<'_, PyAny>>)],
) -> PyResult<Vec<Feature>> {
    let mut features = Vec::new();
    if let Some(mapping) = mapping {
        let mapping = mapping.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(format!(
                "features must be a mapping such as {{'case': 'gen'}}, not {}",
                type_name(mapping)
            ))
        })?;
        for item in mapping.items()?.iter() {
            let (name, value): (String, Bound<'_, PyAny>) = item.extract()?;
            features.push(feature_of(&name, &value)?);
        }
    }
    for (name, value) in keywords {
        if let Some(value) = value {
            if !value.is_none() {
                features.push(feature_of(name, value)?);
            }
        }
    }
    if features.is_empty() {
        return Err(PyValueError::new_err(
            "no features to inflect to: give e.g. case='gen' or number='plur'",
        ));
    }
    Ok(features)
}

fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Dictionary => "dictionary",
        Origin::Guess => "guess",
        _ => "rule",
    }
}

/// The typed features of a FEATS string (`Case=Gen|Number=Plur`).
fn features_of(feats: &str) -> Features {
    feats
        .split('|')
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(name, value)| Feature::from_ud(name, value))
        .collect()
}

/// One analysis of a word form: its lemma, part of speech and grammemes.
///
/// Made by :func:`parse`, :func:`parse_sentence` and :meth:`Parse.inflect`. Immutable,
/// hashable and picklable; equal when all the attributes below are.
///
/// Parameters
/// ----------
/// word, lemma : str
///     The form and its lemma.
/// pos : str, default='X'
///     The part of speech (UD UPOS).
/// feats : str, default=''
///     The UD features, ``'Case=Gen|Number=Sing'``.
/// score : float, default=1.0
///     The probability of this analysis.
/// origin : {'dictionary', 'rule', 'guess'}, default='dictionary'
///     Where the analysis comes from.
///
/// Attributes
/// ----------
/// word : str
///     The form as the dictionary spells it: lowercase, with ``ё`` where it belongs.
/// lemma : str
///     The dictionary form, lowercase (``'москва'``).
/// pos : str
///     The part of speech, a Universal Dependencies UPOS tag: ``'NOUN'``, ``'PROPN'``,
///     ``'ADJ'``, ``'VERB'``, ``'ADV'``, ``'PRON'``, ``'DET'``, ``'NUM'``, ``'ADP'``, …
/// feats : str
///     Every UD feature as CoNLL-U writes it (``'Case=Gen|Number=Sing'``); ``''`` if none.
/// features : dict of str to str
///     The same as a dict, ``{'Case': 'Gen', 'Number': 'Sing'}``.
/// case, number, gender, animacy, person, tense, aspect, mood, verb_form, voice, degree, variant, name_type : str or None
///     One UD feature's value (``'Gen'``, ``'Plur'``, ``'3'`` …), or None if the word has
///     none.
/// score : float
///     The probability of this analysis among the word's analyses (they sum to 1).
/// origin : str
///     ``'dictionary'``, ``'rule'`` (numbers, Latin words, abbreviations …) or ``'guess'``
///     (an unknown word analysed by its ending).
///
/// Examples
/// --------
/// >>> p = slovo.parse("коммуникаций")[0]
/// >>> p.lemma, p.pos, p.case, p.number
/// ('коммуникация', 'NOUN', 'Gen', 'Plur')
/// >>> p.feats
/// 'Animacy=Inan|Case=Gen|Gender=Fem|Number=Plur'
#[pyclass(module = "slovo._slovo", name = "Parse", frozen)]
pub struct PyParse {
    word: String,
    lemma: String,
    pos: Pos,
    feats: String,
    score: f64,
    origin: &'static str,
    features: Features,
    /// The analysis it was made from (None for one built in Python or unpickled; `inflect`
    /// then finds it again among the analyses of `word`).
    inner: Option<slovo::Parse>,
}

impl PyParse {
    fn from_parse(parse: slovo::Parse) -> Self {
        PyParse {
            word: parse.word().to_owned(),
            lemma: parse.lemma().to_owned(),
            pos: parse.pos(),
            feats: parse.feats().to_owned(),
            score: parse.score(),
            origin: origin_name(parse.origin()),
            features: parse.features(),
            inner: Some(parse),
        }
    }

    fn key(&self) -> (&str, &str, Pos, &str, u64, &str) {
        (
            &self.word,
            &self.lemma,
            self.pos,
            &self.feats,
            self.score.to_bits(),
            self.origin,
        )
    }

    /// The library's analysis behind this one.
    fn analysis(&self, morph: &Morph) -> Option<slovo::Parse> {
        if let Some(inner) = &self.inner {
            return Some(inner.clone());
        }
        morph
            .parse(&self.word)
            .into_iter()
            .find(|p| p.lemma() == self.lemma && p.pos() == self.pos && p.feats() == self.feats)
    }

    fn feature(&self, pick: impl Fn(&Features) -> Option<&'static str>) -> Option<&'static str> {
        pick(&self.features)
    }
}

fn parses(list: Vec<slovo::Parse>) -> Vec<PyParse> {
    list.into_iter().map(PyParse::from_parse).collect()
}

/// A float as Python's `repr` writes it (`1.0`, not `1`).
fn py_float_repr(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{x:.1}")
    } else if x.is_nan() {
        "nan".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_owned()
    } else {
        format!("{x}")
    }
}

#[pymethods]
impl PyParse {
    #[new]
    #[pyo3(signature = (word, lemma, pos = "X", feats = String::new(), score = 1.0, origin = "dictionary"),
        text_signature = "(word, lemma, pos='X', feats='', score=1.0, origin='dictionary')")]
    fn new(
        word: String,
        lemma: String,
        pos: &str,
        feats: String,
        score: f64,
        origin: &str,
    ) -> PyResult<Self> {
        let pos = crate::convert::py_result(pos.parse::<Pos>())?;
        let origin = match origin {
            "dictionary" => "dictionary",
            "rule" => "rule",
            "guess" => "guess",
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown origin {}: expected 'dictionary', 'rule' or 'guess'",
                    py_str_repr(other)
                )))
            }
        };
        for pair in feats.split('|').filter(|p| !p.is_empty()) {
            if !pair
                .split_once('=')
                .is_some_and(|(n, v)| !n.is_empty() && !v.is_empty())
            {
                return Err(PyValueError::new_err(format!(
                    "invalid feats {}: expected Name=Value pairs joined by '|'",
                    py_str_repr(&feats)
                )));
            }
        }
        Ok(PyParse {
            features: features_of(&feats),
            word,
            lemma,
            pos,
            feats,
            score,
            origin,
            inner: None,
        })
    }

    /// The form as the dictionary spells it.
    #[getter]
    fn word(&self) -> &str {
        &self.word
    }

    /// The lemma (dictionary form), lowercase.
    #[getter]
    fn lemma(&self) -> &str {
        &self.lemma
    }

    /// The part of speech (UD UPOS: 'NOUN', 'VERB', …).
    #[getter]
    fn pos(&self) -> &'static str {
        self.pos.as_str()
    }

    /// The UD features as CoNLL-U writes them ('Case=Gen|Number=Sing'), '' if none.
    #[getter]
    fn feats(&self) -> &str {
        &self.feats
    }

    /// The UD features as a dict ({'Case': 'Gen', 'Number': 'Sing'}).
    #[getter]
    fn features<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, value) in self.feats.split('|').filter_map(|p| p.split_once('=')) {
            dict.set_item(name, value)?;
        }
        Ok(dict)
    }

    /// The probability of this analysis.
    #[getter]
    fn score(&self) -> f64 {
        self.score
    }

    /// Where the analysis comes from: 'dictionary', 'rule' or 'guess'.
    #[getter]
    fn origin(&self) -> &'static str {
        self.origin
    }

    /// Case ('Nom', 'Gen', 'Dat', 'Acc', 'Ins', 'Loc', 'Par', 'Voc') or None.
    #[getter]
    fn case(&self) -> Option<&'static str> {
        self.feature(|f| f.case.map(|v| v.as_str()))
    }

    /// Number ('Sing', 'Plur') or None.
    #[getter]
    fn number(&self) -> Option<&'static str> {
        self.feature(|f| f.number.map(|v| v.as_str()))
    }

    /// Gender ('Masc', 'Fem', 'Neut') or None.
    #[getter]
    fn gender(&self) -> Option<&'static str> {
        self.feature(|f| f.gender.map(|v| v.as_str()))
    }

    /// Animacy ('Anim', 'Inan') or None.
    #[getter]
    fn animacy(&self) -> Option<&'static str> {
        self.feature(|f| f.animacy.map(|v| v.as_str()))
    }

    /// Person ('1', '2', '3') or None.
    #[getter]
    fn person(&self) -> Option<&'static str> {
        self.feature(|f| f.person.map(|v| v.as_str()))
    }

    /// Tense ('Past', 'Pres', 'Fut') or None.
    #[getter]
    fn tense(&self) -> Option<&'static str> {
        self.feature(|f| f.tense.map(|v| v.as_str()))
    }

    /// Aspect ('Imp', 'Perf') or None.
    #[getter]
    fn aspect(&self) -> Option<&'static str> {
        self.feature(|f| f.aspect.map(|v| v.as_str()))
    }

    /// Mood ('Ind', 'Imp', 'Cnd') or None.
    #[getter]
    fn mood(&self) -> Option<&'static str> {
        self.feature(|f| f.mood.map(|v| v.as_str()))
    }

    /// Verb form ('Fin', 'Inf', 'Part', 'Conv') or None.
    #[getter]
    fn verb_form(&self) -> Option<&'static str> {
        self.feature(|f| f.verb_form.map(|v| v.as_str()))
    }

    /// Voice ('Act', 'Pass', 'Mid') or None.
    #[getter]
    fn voice(&self) -> Option<&'static str> {
        self.feature(|f| f.voice.map(|v| v.as_str()))
    }

    /// Degree ('Pos', 'Cmp', 'Sup') or None.
    #[getter]
    fn degree(&self) -> Option<&'static str> {
        self.feature(|f| f.degree.map(|v| v.as_str()))
    }

    /// 'Short' for a short adjective or participle, else None.
    #[getter]
    fn variant(&self) -> Option<&'static str> {
        self.feature(|f| f.variant.map(|v| v.as_str()))
    }

    /// Kind of proper name ('Giv', 'Sur', 'Pat', 'Geo', 'Com', 'Prs') or None.
    #[getter]
    fn name_type(&self) -> Option<&'static str> {
        self.feature(|f| f.name_type.map(|v| v.as_str()))
    }

    /// This analysis put into another form, or None if the word has no such form.
    ///
    /// Parameters
    /// ----------
    /// features : mapping of str to str, optional
    ///     Features by name (``{'case': 'gen'}`` or ``{'Case': 'Gen'}``).
    /// case, number, gender, animacy, person, tense, aspect, mood, verb_form, voice, degree : str, optional
    ///     The features wanted, as UD values in any letter case (``'gen'``, ``'Plur'``) or
    ///     OpenCorpora grammemes (``'gent'``, ``'plur'``).
    ///
    /// Returns
    /// -------
    /// Parse or None
    ///     The form (its ``word`` in the dictionary's spelling).
    ///
    /// Raises
    /// ------
    /// ValueError
    ///     For an unknown feature or value, or when no feature is given.
    ///
    /// Examples
    /// --------
    /// >>> slovo.parse("кошка")[0].inflect(case="gen", number="plur").word
    /// 'кошек'
    #[pyo3(signature = (features = None, *, case = None, number = None, gender = None,
        animacy = None, person = None, tense = None, aspect = None, mood = None,
        verb_form = None, voice = None, degree = None),
        text_signature = "(self, features=None, *, case=None, number=None, gender=None, \
            animacy=None, person=None, tense=None, aspect=None, mood=None, verb_form=None, \
            voice=None, degree=None)")]
    #[allow(clippy::too_many_arguments)]
    fn inflect(
        &self,
        py: Python<'_>,
        features: Option<&Bound<'_, PyAny>>,
        case: Option<&Bound<'_, PyAny>>,
        number: Option<&Bound<'_, PyAny>>,
        gender: Option<&Bound<'_, PyAny>>,
        animacy: Option<&Bound<'_, PyAny>>,
        person: Option<&Bound<'_, PyAny>>,
        tense: Option<&Bound<'_, PyAny>>,
        aspect: Option<&Bound<'_, PyAny>>,
        mood: Option<&Bound<'_, PyAny>>,
        verb_form: Option<&Bound<'_, PyAny>>,
        voice: Option<&Bound<'_, PyAny>>,
        degree: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<PyParse>> {
        let wanted = features_arg(
            features,
            &[
                ("case", case),
                ("number", number),
                ("gender", gender),
                ("animacy", animacy),
                ("person", person),
                ("tense", tense),
                ("aspect", aspect),
                ("mood", mood),
                ("verb_form", verb_form),
                ("voice", voice),
                ("degree", degree),
            ],
        )?;
        Ok(py.detach(|| {
            let morph = morph();
            let parse = self.analysis(&morph)?;
            morph.inflect(&parse, wanted).map(PyParse::from_parse)
        }))
    }

    /// Every form of this analysis's word (its paradigm).
    ///
    /// Returns
    /// -------
    /// list of Parse
    ///     The forms, in the dictionary's order; empty for a word without a paradigm.
    ///
    /// Examples
    /// --------
    /// >>> forms = slovo.parse("союз")[0].forms()
    /// >>> sorted({p.word for p in forms if p.number == "Sing"})
    /// ['союз', 'союза', 'союзе', 'союзом', 'союзу']
    fn forms(&self, py: Python<'_>) -> Vec<PyParse> {
        py.detach(|| {
            let morph = morph();
            match self.analysis(&morph) {
                Some(parse) => parses(morph.forms(&parse)),
                None => Vec::new(),
            }
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Parse(word={}, lemma={}, pos={}, feats={}, score={}, origin={})",
            py_str_repr(&self.word),
            py_str_repr(&self.lemma),
            py_str_repr(self.pos.as_str()),
            py_str_repr(&self.feats),
            py_float_repr(self.score),
            py_str_repr(self.origin),
        )
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyParse>() else {
            return Ok(py.NotImplemented());
        };
        let same = self.key() == other.get().key();
        match op {
            CompareOp::Eq => Ok(same.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!same).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.key().hash(&mut hasher);
        hasher.finish()
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let this = slf.get();
        let args = (
            &this.word,
            &this.lemma,
            this.pos.as_str(),
            &this.feats,
            this.score,
            this.origin,
        )
            .into_pyobject(slf.py())?;
        Ok((slf.get_type(), args))
    }
}

/// The analyses of a word form, most probable first.
///
/// Unknown words (new words, names) get analyses guessed from their ending; ``ё`` may be
/// written as ``е``; hyphenated words and capitalised names work. Pass the word as written
/// in the text: ``Вера`` is first a name, ``вера`` a noun.
///
/// Parameters
/// ----------
/// word : str
///     One word form.
///
/// Returns
/// -------
/// list of Parse
///     Every analysis, most probable first (scores sum to 1); empty for a string with no
///     letters or digits.
///
/// Examples
/// --------
/// >>> [(p.lemma, p.pos) for p in slovo.parse("стали")][:2]
/// [('стать', 'VERB'), ('сталь', 'NOUN')]
/// >>> slovo.parse("Токаева")[0].lemma
/// 'токаев'
#[pyfunction]
pub fn parse(py: Python<'_>, word: &str) -> Vec<PyParse> {
    py.detach(|| parses(morph().parse(word)))
}

/// The lemma (dictionary form) of a word form: the lemma of its most probable analysis.
///
/// Parameters
/// ----------
/// word : str
///     One word form, as written (case helps: ``Вера`` is a name).
///
/// Returns
/// -------
/// str
///     The lemma, lowercase (the word itself, lowercased, if it has no analysis).
///
/// Examples
/// --------
/// >>> slovo.lemma("коммуникаций"), slovo.lemma("Москвы"), slovo.lemma("елки")
/// ('коммуникация', 'москва', 'ёлка')
#[pyfunction]
pub fn lemma(word: &str) -> String {
    morph().lemma(word).into_owned()
}

/// `lemma` of each word of a list.
///
/// Each distinct word is looked up once (without the GIL, in parallel for long lists) and
/// each distinct lemma becomes one Python ``str``.
///
/// Parameters
/// ----------
/// words : iterable of str
///     The words.
///
/// Returns
/// -------
/// list of str
///     The lemmas, in order.
///
/// Examples
/// --------
/// >>> slovo.lemma_many(["Стороны", "обсудили", "вопросы"])
/// ['сторона', 'обсудить', 'вопрос']
#[pyfunction]
pub fn lemma_many<'py>(py: Python<'py>, words: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    if words.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "words must be an iterable of str, not a single str (use lemma or lemmatize)",
        ));
    }
    let iter = words.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "words must be an iterable of str, not {}",
            type_name(words)
        ))
    })?;
    // word → index into `unique`
    let seen = PyDict::new(py);
    let mut unique: Vec<String> = Vec::new();
    let mut order: Vec<usize> = Vec::with_capacity(words.len().unwrap_or(0));
    for item in iter {
        let item = item?;
        let word = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("words must contain str, not {}", type_name(&item)))
        })?;
        let index = match seen.get_item(word)? {
            Some(index) => index.extract::<usize>()?,
            None => {
                let index = unique.len();
                unique.push(word.to_cow()?.into_owned());
                seen.set_item(word, index)?;
                index
            }
        };
        order.push(index);
    }
    let lemmatize_chunk = |chunk: &[String]| -> Vec<String> {
        let mut out = Vec::with_capacity(chunk.len());
        morph().for_each_lemma(chunk, |lemma, _| out.push(lemma.to_owned()));
        out
    };
    let lemmas = crate::pool::detach_par(py, || {
        if unique.len() <= LEMMA_CHUNK {
            lemmatize_chunk(&unique)
        } else {
            let parts: Vec<Vec<String>> = unique
                .par_chunks(LEMMA_CHUNK)
                .map(lemmatize_chunk)
                .collect();
            parts.into_iter().flatten().collect()
        }
    });
    let lemmas: Vec<Bound<'py, PyString>> = lemmas.iter().map(|s| PyString::new(py, s)).collect();
    PyList::new(py, order.iter().map(|&i| &lemmas[i]))
}

/// The lemmas of the word tokens of `text`, word by word (through the per-thread cache).
fn lemmas_of(morph: &Morph, text: &str) -> Vec<String> {
    let mut lemmas = Vec::new();
    let words = slovo::tokenize(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text);
    morph.for_each_lemma(words, |lemma, _| lemmas.push(lemma.to_owned()));
    lemmas
}

/// The lemmas of the word tokens of `text`, each sentence ranked by the context model.
fn lemmas_in_context(morph: &Morph, text: &str) -> Vec<String> {
    let mut lemmas = Vec::new();
    for sentence in slovo::sentences(text) {
        let tokens: Vec<slovo::Token<'_>> = slovo::tokenize(sentence.text).collect();
        let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        for (token, parse) in tokens.iter().zip(morph.parse_sentence(&words)) {
            if token.kind == TokenKind::Word {
                lemmas.push(parse.lemma().to_owned());
            }
        }
    }
    lemmas
}

fn lemmatize_text(context: bool, text: &str) -> Vec<String> {
    if context {
        lemmas_in_context(&morph(), text)
    } else {
        lemmas_of(morph_without_context(), text)
    }
}

/// The lemmas of the words of a text, in order.
///
/// The text is tokenized as :func:`tokenize` does; each token of kind ``'word'`` gives its
/// lemma (numbers, punctuation, URLs … are left out). A single word is a text of one word:
/// ``lemmatize("Москвы") == ["москва"]`` (:func:`lemma` returns the ``str``).
///
/// Parameters
/// ----------
/// text : str
///     The text.
/// context : bool, default=False
///     Rank the analyses of each word with the context model, sentence by sentence (about
///     one point more accurate, much slower); else each word on its own, through a
///     per-thread cache.
///
/// Returns
/// -------
/// list of str
///     The lemmas, lowercase, one per word of the text.
///
/// Examples
/// --------
/// >>> slovo.lemmatize("Стороны обсудили вопросы партнёрства.")
/// ['сторона', 'обсудить', 'вопрос', 'партнёрство']
#[pyfunction]
#[pyo3(signature = (text, *, context = false))]
pub fn lemmatize(py: Python<'_>, text: &Bound<'_, PyAny>, context: bool) -> PyResult<Vec<String>> {
    let Ok(text) = text.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "text must be a str, not {} (use lemmatize_many for a list of texts, lemma_many \
             for a list of words)",
            type_name(text)
        )));
    };
    let text = text.to_cow()?;
    Ok(py.detach(|| lemmatize_text(context, &text)))
}

/// `lemmatize` of each text of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// texts : iterable of str
///     The texts.
/// context : bool, default=False
///     As in :func:`lemmatize`.
///
/// Returns
/// -------
/// list of list of str
///     The lemmas of each text.
///
/// Examples
/// --------
/// >>> slovo.lemmatize_many(["Кошки спят.", "Шёл дождь"])
/// [['кошка', 'спать'], ['идти', 'дождь']]
#[pyfunction]
#[pyo3(signature = (texts, *, context = false))]
pub fn lemmatize_many(
    py: Python<'_>,
    texts: crate::convert::Texts<'_>,
    context: bool,
) -> PyResult<Vec<Vec<String>>> {
    let texts = texts.to_strings()?;
    Ok(crate::pool::detach_par(py, || {
        texts
            .par_iter()
            .map(|t| lemmatize_text(context, t))
            .collect()
    }))
}

/// The analyses of the words of one sentence, each ranked in context.
///
/// Parameters
/// ----------
/// words : iterable of str
///     The tokens of one sentence, as written (punctuation included, it helps the model).
/// context : bool, default=True
///     Rank with the context model (``книги`` in ``Я читаю книги`` is accusative, alone it
///     is genitive); False ranks each word on its own, as :func:`parse` does.
///
/// Returns
/// -------
/// list of Parse
///     The best analysis of each word, in order.
///
/// Examples
/// --------
/// >>> [p.case for p in slovo.parse_sentence(["Я", "читаю", "книги"])]
/// ['Nom', None, 'Acc']
#[pyfunction]
#[pyo3(signature = (words, *, context = true))]
pub fn parse_sentence(
    py: Python<'_>,
    words: &Bound<'_, PyAny>,
    context: bool,
) -> PyResult<Vec<PyParse>> {
    let words = crate::strings_of(words, "words")?;
    Ok(py.detach(|| parses(morph_for(context).parse_sentence(&words))))
}

/// `parse_sentence` of each sentence of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// sentences : iterable of list of str
///     The sentences, each a list of its tokens.
/// context : bool, default=True
///     As in :func:`parse_sentence`.
///
/// Returns
/// -------
/// list of list of Parse
///     The best analysis of each word of each sentence.
#[pyfunction]
#[pyo3(signature = (sentences, *, context = true))]
pub fn parse_sentence_many(
    py: Python<'_>,
    sentences: &Bound<'_, PyAny>,
    context: bool,
) -> PyResult<Vec<Vec<PyParse>>> {
    if sentences.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "sentences must be an iterable of lists of str, not a str",
        ));
    }
    let sentences: Vec<Vec<String>> = sentences
        .try_iter()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "sentences must be an iterable of lists of str, not {}",
                type_name(sentences)
            ))
        })?
        .map(|s| crate::strings_of(&s?, "each sentence"))
        .collect::<PyResult<_>>()?;
    let morph = morph_for(context);
    Ok(crate::pool::detach_par(py, || {
        sentences
            .par_iter()
            .map(|words| parses(morph.parse_sentence(words)))
            .collect()
    }))
}

/// A word put into another form, written as the word is.
///
/// Parameters
/// ----------
/// word : str or Parse
///     The word (its analyses are tried most probable first: ``быстро``, an adverb, has no
///     case, so its genitive is that of the adjective ``быстрый``), or one chosen analysis.
/// features : mapping of str to str, optional
///     Features by name (``{'case': 'gen'}``, ``{'Case': 'Gen'}``).
/// case, number, gender, animacy, person, tense, aspect, mood, verb_form, voice, degree : str, optional
///     The features wanted, as UD values in any letter case (``'gen'``, ``'Plur'``,
///     ``'ins'``) or OpenCorpora grammemes (``'gent'``, ``'plur'``, ``'ablt'``).
///
/// Returns
/// -------
/// str or None
///     The form, in capitals or capitalised as ``word`` is (for a ``Parse``, in the
///     dictionary's spelling); None if the word has no such form.
///
/// Raises
/// ------
/// ValueError
///     For an unknown feature or value (``case='genitive'``), or when no feature is given.
///
/// Examples
/// --------
/// >>> slovo.inflect("Москва", case="gen")
/// 'Москвы'
/// >>> slovo.inflect("кошка", case="gen", number="plur")
/// 'кошек'
/// >>> slovo.inflect("читать", {"tense": "past", "gender": "fem"})
/// 'читала'
#[pyfunction]
#[pyo3(signature = (word, features = None, *, case = None, number = None, gender = None,
    animacy = None, person = None, tense = None, aspect = None, mood = None,
    verb_form = None, voice = None, degree = None))]
#[allow(clippy::too_many_arguments)]
pub fn inflect(
    py: Python<'_>,
    word: &Bound<'_, PyAny>,
    features: Option<&Bound<'_, PyAny>>,
    case: Option<&Bound<'_, PyAny>>,
    number: Option<&Bound<'_, PyAny>>,
    gender: Option<&Bound<'_, PyAny>>,
    animacy: Option<&Bound<'_, PyAny>>,
    person: Option<&Bound<'_, PyAny>>,
    tense: Option<&Bound<'_, PyAny>>,
    aspect: Option<&Bound<'_, PyAny>>,
    mood: Option<&Bound<'_, PyAny>>,
    verb_form: Option<&Bound<'_, PyAny>>,
    voice: Option<&Bound<'_, PyAny>>,
    degree: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    let wanted = features_arg(
        features,
        &[
            ("case", case),
            ("number", number),
            ("gender", gender),
            ("animacy", animacy),
            ("person", person),
            ("tense", tense),
            ("aspect", aspect),
            ("mood", mood),
            ("verb_form", verb_form),
            ("voice", voice),
            ("degree", degree),
        ],
    )?;
    if let Ok(parse) = word.cast::<PyParse>() {
        let parse = parse.get();
        return Ok(py.detach(|| {
            let morph = morph();
            let analysis = parse.analysis(&morph)?;
            morph
                .inflect(&analysis, wanted)
                .map(|p| p.word().to_owned())
        }));
    }
    let Ok(word) = word.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "word must be a str or a Parse, not {}",
            type_name(word)
        )));
    };
    let word = word.to_cow()?;
    Ok(py.detach(|| morph().inflect_word(&word, wanted)))
}

/// A phrase in its dictionary form, with agreement.
///
/// The head noun goes into the nominative; adjectives and participles before it agree with it;
/// genitive dependents stay as they are; names keep their capitals.
///
/// Parameters
/// ----------
/// phrase : str
///     The phrase (a keyword, a noun group), as written.
///
/// Returns
/// -------
/// str
///     The phrase in dictionary form, written as the input is (capitals kept).
///
/// Examples
/// --------
/// >>> slovo.normal_phrase("Европейского союза")
/// 'Европейский союз'
/// >>> slovo.normal_phrase("системы научных коммуникаций")
/// 'система научных коммуникаций'
#[pyfunction]
pub fn normal_phrase(py: Python<'_>, phrase: &str) -> String {
    py.detach(|| morph().normal_phrase(phrase))
}

/// `normal_phrase` of each phrase of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// phrases : iterable of str
///     The phrases.
///
/// Returns
/// -------
/// list of str
///     Each phrase in its dictionary form.
///
/// Examples
/// --------
/// >>> slovo.normal_phrase_many(["Касым-Жомарта Токаева", "научных коммуникаций"])
/// ['Касым-Жомарт Токаев', 'научные коммуникации']
#[pyfunction]
pub fn normal_phrase_many(
    py: Python<'_>,
    phrases: crate::convert::Texts<'_>,
) -> PyResult<Vec<String>> {
    let phrases = phrases.to_strings()?;
    Ok(crate::pool::detach_par(py, || {
        let morph = morph();
        phrases.par_iter().map(|p| morph.normal_phrase(p)).collect()
    }))
}
