//! The `slovo` binary, run as a user would: outputs, offsets, field copying, errors.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SAMPLE: &str = include_str!("../../examples/data/kazinform_eu_ru.txt");

/// Runs `slovo` with `stdin` piped in; an empty `stdin` is `/dev/null` (nothing piped, as
/// from a terminal: `slovo analyze` then reports on its sample).
fn slovo(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slovo"))
        .args(args)
        .stdin(if stdin.is_empty() {
            Stdio::null()
        } else {
            Stdio::piped()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start slovo");
    let input = child.stdin.take();
    let stdin = stdin.to_vec();
    // Write from another thread: a big input would otherwise fill the pipe while the
    // child blocks on a full stdout that nobody reads yet.
    let writer = std::thread::spawn(move || {
        // The child may exit before reading (bad arguments): ignore a closed pipe.
        if let Some(mut input) = input {
            let _ = input.write_all(&stdin);
        }
    });
    let output = child.wait_with_output().expect("run slovo");
    writer.join().expect("stdin writer");
    output
}

fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).expect("UTF-8 output")
}

fn json_lines(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Writes `bytes` to a file in the test's scratch directory and returns its path.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

/// Asserts a failed run: exit code 2, nothing but one `slovo: error:` line on stderr,
/// which contains every one of `needles`.
fn assert_error(out: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    assert!(stderr.starts_with("slovo: error: "), "{stderr:?}");
    for needle in needles {
        assert!(stderr.contains(needle), "{stderr:?} lacks {needle:?}");
    }
}

fn tokens(object: &Value) -> &Vec<Value> {
    object["tokens"].as_array().expect("a tokens array")
}

#[test]
fn tokenize_gives_code_point_offsets_by_default_and_bytes_on_request() {
    let text = "Ёлка 😀 стоит, café\nвторая строка";
    let chars: Vec<char> = text.chars().collect();
    let docs = json_lines(&slovo(&["tokenize"], text.as_bytes()));
    assert_eq!(docs.len(), 1);
    let list = tokens(&docs[0]);
    assert!(!list.is_empty());
    let mut last_end = 0;
    for t in list {
        let (start, end) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
        let (start, end) = (start as usize, end as usize);
        assert!(last_end <= start && start < end, "{t}");
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(t["text"], slice.as_str());
        assert!(t["kind"]
            .as_str()
            .unwrap()
            .parse::<slovo::TokenKind>()
            .is_ok());
        last_end = end;
    }
    let last = list.last().unwrap();
    assert_eq!(last["end"].as_u64().unwrap() as usize, chars.len());

    let docs = json_lines(&slovo(
        &["tokenize", "--byte-offsets", "-"],
        text.as_bytes(),
    ));
    for t in tokens(&docs[0]) {
        let (start, end) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
        assert_eq!(t["text"], &text[start as usize..end as usize]);
    }
    let last = tokens(&docs[0]).last().unwrap();
    assert_eq!(last["end"].as_u64().unwrap() as usize, text.len());
}

#[test]
fn tokenize_output_object_has_exactly_the_documented_fields() {
    let docs = json_lines(&slovo(&["tokenize"], "да".as_bytes()));
    assert_eq!(
        docs[0],
        serde_json::json!({"tokens": [{"text": "да", "start": 0, "end": 2, "kind": "word"}]})
    );
}

#[test]
fn per_line_makes_one_document_per_line_including_empty_ones() {
    let docs = json_lines(&slovo(
        &["tokenize", "--per-line"],
        "один два\n\r\nтри\r\n".as_bytes(),
    ));
    assert_eq!(docs.len(), 3);
    assert_eq!(tokens(&docs[0]).len(), 2);
    assert!(tokens(&docs[1]).is_empty());
    assert_eq!(tokens(&docs[2])[0]["text"], "три");
    assert_eq!(tokens(&docs[2])[0]["end"], 3);
}

#[test]
fn jsonl_copies_other_fields_in_order_and_skips_blank_lines() {
    let input = concat!(
        r#"{"id": "a1", "meta": {"n": 1}, "text": "мир", "lang": "ru"}"#,
        "\n\n   \n",
        r#"{"text": "", "id": 2, "tokens": "replaced"}"#,
        "\n"
    );
    let out = slovo(&["tokenize", "--jsonl"], input.as_bytes());
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 2);
    // Field order is kept, values byte for byte, "text" is dropped, "tokens" comes last.
    assert!(
        lines[0].starts_with(r#"{"id":"a1","meta":{"n": 1},"lang":"ru","tokens":["#),
        "{}",
        lines[0]
    );
    let docs = json_lines(&out);
    assert_eq!(docs[1], serde_json::json!({"id": 2, "tokens": []}));
}

#[test]
fn several_files_give_one_document_each_in_order() {
    let a = scratch("several_a.txt", "раз".as_bytes());
    let b = scratch("several_b.txt", "два три".as_bytes());
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let docs = json_lines(&slovo(&["tokenize", a, "-", b], "stdin".as_bytes()));
    let counts: Vec<usize> = docs.iter().map(|d| tokens(d).len()).collect();
    assert_eq!(counts, [1, 1, 2]);
    assert_eq!(tokens(&docs[1])[0]["text"], "stdin");
}

#[test]
fn analyze_without_file_reports_on_the_bundled_sample() {
    let out = slovo(&["analyze"], b"");
    assert!(out.status.success());
    let report = stdout(&out);
    assert!(report.contains("bundled sample"), "{report}");
    assert!(
        report.contains(&format!("{} bytes", SAMPLE.len())),
        "{report}"
    );
    assert!(report.contains("Most frequent words"), "{report}");
    // The sample's most frequent words include these; the word and term lists are 15
    // long each.
    for word in [" в\n", " и\n", " европейского\n"] {
        assert!(report.contains(word), "{word:?} missing from\n{report}");
    }
    let ranks = report
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    assert_eq!(ranks.count(), 30);
}

#[test]
fn analyze_json_is_consistent() {
    let docs = json_lines(&slovo(&["analyze", "--json", "--top", "5"], b""));
    assert_eq!(docs.len(), 1);
    let r = &docs[0];
    assert_eq!(r["size"]["bytes"], SAMPLE.len());
    assert_eq!(r["size"]["chars"], SAMPLE.chars().count());
    let by_kind = r["tokens"]["by_kind"].as_object().unwrap();
    assert_eq!(by_kind.len(), slovo::TokenKind::ALL.len());
    let sum: u64 = by_kind.values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(r["tokens"]["total"], sum);
    assert_eq!(r["words"]["total"], by_kind["word"]);
    let top = r["words"]["top"].as_array().unwrap();
    assert_eq!(top.len(), 5);
    let counts: Vec<u64> = top.iter().map(|w| w["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(top
        .iter()
        .all(|w| w["word"] == *slovo::fold(w["word"].as_str().unwrap())));

    // The same text from stdin gives the same numbers.
    let docs = json_lines(&slovo(
        &["analyze", "--json", "--top", "5", "-"],
        SAMPLE.as_bytes(),
    ));
    assert_eq!(docs[0]["source"], "<stdin>");
    assert_eq!(docs[0]["words"], r["words"]);
    assert_eq!(docs[0]["tokens"], r["tokens"]);
}

#[test]
fn analyze_jsonl_keeps_ids() {
    let input = "{\"id\": 1, \"text\": \"Ёж и ёж.\"}\n{\"id\": 2, \"text\": \"\"}\n";
    let docs = json_lines(&slovo(&["analyze", "--json", "--jsonl"], input.as_bytes()));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], 1);
    assert_eq!(docs[0]["line"], 1);
    assert_eq!(docs[1]["id"], 2);
    assert_eq!(docs[1]["words"]["total"], 0);
    let text = slovo(&["analyze", "--jsonl"], input.as_bytes());
    assert!(stdout(&text).contains("line 2 (id 2)"), "{}", stdout(&text));
}

#[test]
fn missing_file_is_named() {
    let out = slovo(&["tokenize", "no/such/file.txt"], b"");
    assert_error(&out, &["no/such/file.txt"]);
    assert_error(
        &slovo(&["analyze", "no/such/file.txt"], b""),
        &["no/such/file.txt"],
    );
}

#[test]
fn directory_is_an_error() {
    let dir = env!("CARGO_TARGET_TMPDIR");
    assert_error(&slovo(&["tokenize", dir], b""), &[dir]);
    assert_error(&slovo(&["tokenize", "--per-line", dir], b""), &[dir]);
}

#[test]
fn invalid_utf8_names_file_and_byte() {
    let path = scratch("latin1.txt", b"ok\nfine\ncaf\xe9\n");
    let path = path.to_str().unwrap();
    assert_error(
        &slovo(&["tokenize", path], b""),
        &[path, "invalid UTF-8 at byte 11", "--encoding", "--lossy"],
    );
    // Streaming per line, the offset still counts from the start of the file.
    assert_error(
        &slovo(&["tokenize", "--per-line", path], b""),
        &[path, "byte 11"],
    );
    assert_error(&slovo(&["analyze", "-"], b"\xd0"), &["<stdin>", "byte 0"]);
}

#[test]
fn bad_jsonl_lines_are_named_by_number() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "{\"text\": \"ok\"}\n{\"text\": \"ok\"\n",
            &["<stdin>: line 2", "invalid JSON"],
        ),
        ("\n[1, 2]\n", &["line 2", "JSON object"]),
        ("{\"id\": 1}\n", &["line 1", "no \"text\" field"]),
        ("{\"text\": 5}\n", &["line 1", "not a string"]),
    ];
    for (input, needles) in cases {
        assert_error(&slovo(&["tokenize", "--jsonl"], input.as_bytes()), needles);
    }
}

#[test]
fn bad_arguments_are_one_line_errors() {
    assert_error(&slovo(&["analyze", "--top", "many"], b""), &["--top"]);
    assert_error(
        &slovo(&["tokenize", "--frobnicate"], b""),
        &["--frobnicate"],
    );
    assert_error(
        &slovo(&["tokenize", "--per-line", "--jsonl"], b""),
        &["--jsonl"],
    );
    assert_error(&slovo(&["frob"], b""), &["frob"]);
    assert_error(&slovo(&[], b""), &["tokenize", "analyze"]);
}

#[test]
fn help_and_version_succeed() {
    let out = slovo(&["--help"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("analyze"));
    let out = slovo(&["--version"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("slovo "));
}

#[test]
fn closed_output_pipe_ends_quietly() {
    let big = SAMPLE.repeat(500);
    let path = scratch("big.txt", big.as_bytes());
    for mode in [None, Some("--per-line")] {
        let mut args = vec!["tokenize"];
        args.extend(mode);
        args.push(path.to_str().unwrap());
        let mut child = Command::new(env!("CARGO_BIN_EXE_slovo"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start slovo");
        let mut head = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // stdout is now closed: the next write fails with a broken pipe.
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn stem_prints_one_line_of_stems_per_input_line() {
    let out = slovo(
        &["stem"],
        "Европейского союза\n\nЁлками, ёжиками!\nBrussels\n".as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout(&out), "европейск союз\n\nелк ежик\nbrussels\n");
}

#[test]
fn stem_reproduces_snowball_on_the_gold_vocabulary() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/snowball_russian");
    let voc = std::fs::read(root.join("voc.txt")).expect("voc.txt");
    let expected = std::fs::read_to_string(root.join("output.txt")).expect("output.txt");
    let out = slovo(&["stem"], &voc);
    assert!(out.status.success());
    assert_eq!(stdout(&out), expected);
}

#[test]
fn terms_give_stem_surface_and_code_point_offsets() {
    let text = "Е. Казыхан посетил Брюссель и ЕС.";
    let lines = json_lines(&slovo(&["terms"], text.as_bytes()));
    assert_eq!(lines.len(), 1);
    let terms = lines[0]["terms"].as_array().expect("terms");
    let chars: Vec<char> = text.chars().collect();
    let mut surfaces = Vec::new();
    for term in terms {
        let (start, end) = (
            term["start"].as_u64().expect("start") as usize,
            term["end"].as_u64().expect("end") as usize,
        );
        let surface = term["surface"].as_str().expect("surface");
        assert_eq!(chars[start..end].iter().collect::<String>(), surface);
        surfaces.push(surface.to_owned());
    }
    assert_eq!(surfaces, ["Казыхан", "посетил", "Брюссель", "ЕС"]);
    assert_eq!(terms[2]["stem"], "брюссел");
}

#[test]
fn analyze_reports_top_words_in_dictionary_form() {
    let lines = json_lines(&slovo(&["analyze", "--json"], b""));
    let top = lines[0]["terms"]["top"].as_array().expect("top terms");
    // In dictionary form, with the most frequent form as written.
    assert_eq!(top[0]["lemma"], "европейский");
    assert_eq!(top[0]["surface"], "Европейского");
    let lemmas: Vec<&str> = top.iter().filter_map(|t| t["lemma"].as_str()).collect();
    for lemma in ["казахстан", "сотрудничество", "сторона"] {
        assert!(lemmas.contains(&lemma), "{lemma} not among {lemmas:?}");
    }
    assert!(top[0]["count"].as_u64().expect("count") >= 10);
}

#[test]
fn detect_gives_language_confidence_and_spans_per_line() {
    let input = "Специальный представитель посетил Брюссель, сообщает «Ұлт ақпарат».\n\
                 The quick brown fox jumps over the lazy dog.\n\n";
    let lines = json_lines(&slovo(&["detect", "--per-line"], input.as_bytes()));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["lang"], "ru");
    assert_eq!(lines[0]["reliable"], true);
    let kk: Vec<&Value> = lines[0]["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .filter(|s| s["lang"] == "kk")
        .collect();
    assert_eq!(kk.len(), 1, "{}", lines[0]);
    let chars: Vec<char> = input.chars().collect();
    let start = kk[0]["start"].as_u64().expect("start") as usize;
    let end = kk[0]["end"].as_u64().expect("end") as usize;
    assert!(chars[start..end]
        .iter()
        .collect::<String>()
        .starts_with("Ұлт ақпарат"));
    assert_eq!(lines[1]["lang"], "en");
    assert_eq!(lines[2]["lang"], "und");
    assert_eq!(lines[2]["reliable"], false);
}

#[test]
fn keywords_respects_top_and_copies_jsonl_fields() {
    let doc = serde_json::json!({"id": 7, "text": SAMPLE}).to_string();
    let lines = json_lines(&slovo(
        &["keywords", "--jsonl", "--top", "3"],
        doc.as_bytes(),
    ));
    assert_eq!(lines[0]["id"], 7);
    let keywords = lines[0]["keywords"].as_array().expect("keywords");
    assert_eq!(keywords.len(), 3);
    for k in keywords {
        let surface = k["surface"].as_str().expect("surface");
        assert!(
            SAMPLE.contains(surface),
            "{surface} is not as written in the text"
        );
        assert!(k["phrase"].as_str().is_some_and(|p| !p.is_empty()));
        let score = k["score"].as_f64().expect("score");
        assert!(score > 0.0 && score < 1.0);
    }
}

#[test]
fn keywords_read_the_jsonl_title() {
    // The title's word is a keyword although the text never repeats it.
    let text = "Испытания продлятся месяц. Испытания идут в Алматы.";
    let titled = serde_json::json!({"title": "Вакцина QazVac", "text": text}).to_string();
    // Every candidate (a toy text scores low): the title's effect, not the threshold's.
    let lines = json_lines(&slovo(
        &["keywords", "--jsonl", "--min-score", "0"],
        titled.as_bytes(),
    ));
    let phrases: Vec<&str> = lines[0]["keywords"]
        .as_array()
        .expect("keywords")
        .iter()
        .filter_map(|k| k["phrase"].as_str())
        .collect();
    assert!(phrases.iter().any(|p| p.contains("QazVac")), "{phrases:?}");
    assert_eq!(lines[0]["title"], "Вакцина QazVac");
}

#[test]
fn analyze_reports_language_and_keywords() {
    let out = slovo(&["analyze"], b"");
    let report = stdout(&out);
    assert!(report.contains("Language    ru"), "{report}");
    assert!(report.contains("kk: \"Ұлт ақпарат"), "{report}");
    assert!(report.contains("Keywords    "), "{report}");
}

#[test]
fn sentences_split_russian_text_with_code_point_offsets() {
    let text = "Е. Казыхан посетил Брюссель. В т.ч. обсудили ЕС и т. д.\n\nНовый абзац";
    let lines = json_lines(&slovo(&["sentences"], text.as_bytes()));
    let sentences = lines[0]["sentences"].as_array().expect("sentences");
    let chars: Vec<char> = text.chars().collect();
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| {
            let (start, end) = (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            );
            let text = s["text"].as_str().expect("text");
            assert_eq!(chars[start..end].iter().collect::<String>(), text);
            text
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Е. Казыхан посетил Брюссель.",
            "В т.ч. обсудили ЕС и т. д.",
            "Новый абзац"
        ]
    );
    let report = stdout(&slovo(&["analyze"], b"")).to_owned();
    assert!(report.contains("Sentences   "), "{report}");
}

/// The sample's lines as JSON Lines documents with ids.
fn sample_jsonl() -> String {
    SAMPLE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| serde_json::json!({"id": i, "text": line}).to_string() + "\n")
        .collect()
}

#[test]
fn tfidf_fit_then_transform_gives_unit_rows_with_ids() {
    let corpus = scratch("tfidf_corpus.jsonl", sample_jsonl().as_bytes());
    let model = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("tfidf_fit.model");
    let fit = slovo(
        &[
            "tfidf",
            "fit",
            corpus.to_str().expect("UTF-8 path"),
            "--jsonl",
            "--out",
            model.to_str().expect("UTF-8 path"),
            "--ngram-range",
            "1,2",
            "--sublinear-tf",
        ],
        b"",
    );
    let summary = &json_lines(&fit)[0];
    let n_docs = SAMPLE.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(summary["documents"], n_docs);
    let features = summary["features"].as_u64().expect("feature count");
    assert!(features > 100, "{summary}");

    let rows = json_lines(&slovo(
        &[
            "tfidf",
            "transform",
            model.to_str().expect("UTF-8 path"),
            "--jsonl",
        ],
        sample_jsonl().as_bytes(),
    ));
    assert_eq!(rows.len(), n_docs);
    for (i, row) in rows.iter().enumerate() {
        let keys: Vec<&String> = row.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["id", "indices", "values"]);
        assert_eq!(row["id"], i);
        let indices: Vec<u64> = row["indices"]
            .as_array()
            .expect("indices")
            .iter()
            .map(|v| v.as_u64().expect("column"))
            .collect();
        assert!(indices.windows(2).all(|w| w[0] < w[1]), "columns ascend");
        assert!(indices.iter().all(|&c| c < features));
        let norm: f64 = row["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| v.as_f64().expect("weight").powi(2))
            .sum();
        assert!((norm - 1.0).abs() < 1e-9, "row {i}: squared norm {norm}");
    }
    // A document of unknown words is an empty row.
    let empty = json_lines(&slovo(
        &["tfidf", "transform", model.to_str().expect("UTF-8 path")],
        b"qwxz zzzq",
    ));
    assert_eq!(empty[0], serde_json::json!({"indices": [], "values": []}));
}

#[test]
fn tfidf_missing_or_corrupt_models_are_one_line_errors() {
    assert_error(
        &slovo(&["tfidf", "transform", "no/such/model.bin"], b"text"),
        &["no/such/model.bin"],
    );
    let junk = scratch("junk.model", b"this is not a model at all");
    assert_error(
        &slovo(
            &["tfidf", "transform", junk.to_str().expect("UTF-8 path")],
            b"text",
        ),
        &["junk.model", "corrupt model"],
    );
    // A real model cut short.
    let model = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("tfidf_cut.model");
    let fit = slovo(
        &[
            "tfidf",
            "fit",
            "--per-line",
            "--out",
            model.to_str().expect("UTF-8 path"),
        ],
        SAMPLE.as_bytes(),
    );
    assert!(fit.status.success());
    let bytes = std::fs::read(&model).expect("model written");
    let cut = scratch("tfidf_cut_short.model", &bytes[..bytes.len() / 2]);
    assert_error(
        &slovo(
            &["tfidf", "transform", cut.to_str().expect("UTF-8 path")],
            b"text",
        ),
        &["tfidf_cut_short.model", "corrupt model", "truncated"],
    );
    // The same model claiming another format version.
    let mut other = bytes.clone();
    other[8..12].copy_from_slice(&99u32.to_le_bytes());
    let other = scratch("tfidf_v99.model", &other);
    assert_error(
        &slovo(
            &["tfidf", "transform", other.to_str().expect("UTF-8 path")],
            b"text",
        ),
        &[
            "tfidf_v99.model",
            "incompatible model format version 99",
            "reads version 2); fit it again",
        ],
    );
    assert_error(
        &slovo(&["tfidf", "fit", "--out", "x.model", "--norm", "l3"], b""),
        &["l3"],
    );
}

/// Russian text in each encoding `--encoding` takes, with the name `auto` reports.
fn encoded_samples() -> Vec<(&'static str, Vec<u8>)> {
    let text = "Привет, мир!\nЁлки-палки, ещё строка.\n";
    let mut out = vec![("utf-8", text.as_bytes().to_vec())];
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    out.push(("utf-16le", le));
    for (name, table) in [
        ("windows-1251", encoding_rs::WINDOWS_1251),
        ("koi8-r", encoding_rs::KOI8_R),
        ("ibm866", encoding_rs::IBM866),
    ] {
        out.push((name, table.encode(text).0.into_owned()));
    }
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn encoding_auto_detects_and_says_which_in_both_modes() {
    for (name, bytes) in encoded_samples() {
        let path = scratch(&format!("enc-{name}.txt"), &bytes);
        let path = path.to_str().unwrap();
        for mode in [&[][..], &["--per-line"][..]] {
            let mut args = vec!["tokenize", "--encoding", "auto", path];
            args.extend_from_slice(mode);
            let out = slovo(&args, b"");
            let objects = json_lines(&out);
            let first = &tokens(&objects[0])[0];
            assert_eq!(first["text"], "Привет", "{name} {mode:?}");
            assert_eq!(
                stderr(&out),
                format!("slovo: {path}: detected {name}\n"),
                "{mode:?}"
            );
        }
    }
}

#[test]
fn encoding_names_and_aliases_read_the_text_silently() {
    let samples = encoded_samples();
    let cases = [
        ("utf-8", 0),
        ("UTF8", 0),
        ("utf-16", 1),
        ("cp1251", 2),
        ("windows-1251", 2),
        ("koi8-r", 3),
        ("koi8", 3),
        ("cp866", 4),
    ];
    for (flag, index) in cases {
        let out = slovo(&["stem", "--encoding", flag], &samples[index].1);
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        assert_eq!(stdout(&out), "привет мир\nелки-палк ещ строк\n", "{flag}");
        assert!(out.stderr.is_empty(), "{flag}: {}", stderr(&out));
    }
}

#[test]
fn lossy_replaces_and_counts_invalid_bytes() {
    let path = scratch("lossy.txt", b"ok \xff\nbad \xd0 and \xe9\n");
    let path = path.to_str().unwrap();
    for mode in [&[][..], &["--per-line"][..]] {
        let mut args = vec!["tokenize", "--lossy", path];
        args.extend_from_slice(mode);
        let out = slovo(&args, b"");
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out).matches('\u{FFFD}').count(), 3);
        assert_eq!(
            stderr(&out),
            format!("slovo: {path}: 3 invalid byte sequences replaced with U+FFFD\n")
        );
    }
}

#[test]
fn unknown_encoding_lists_the_valid_ones() {
    let out = slovo(&["tokenize", "--encoding", "latin-1"], b"");
    assert_error(
        &out,
        &[
            "latin-1",
            "--encoding",
            "auto, utf-8, utf-16, windows-1251, koi8-r, ibm866",
        ],
    );
}

#[test]
fn invalid_utf16_names_file_and_byte() {
    // "да" then a lone high surrogate.
    let path = scratch("bad16.txt", b"\x34\x04\x30\x04\x00\xd8");
    let path = path.to_str().unwrap();
    for mode in [&[][..], &["--per-line"][..]] {
        let mut args = vec!["tokenize", "--encoding", "utf-16", path];
        args.extend_from_slice(mode);
        assert_error(&slovo(&args, b""), &[path, "invalid UTF-16 at byte 4"]);
    }
}

#[test]
fn unreadable_file_is_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let path = scratch("secret.txt", b"text");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root: permissions are not enforced, so there is nothing to test.
        eprintln!("skipped: this user can read a mode-000 file");
        return;
    }
    let path = path.to_str().unwrap();
    for mode in [&[][..], &["--per-line"][..]] {
        let mut args = vec!["tokenize", path];
        args.extend_from_slice(mode);
        assert_error(
            &slovo(&args, b""),
            &["cannot read", path, "ermission denied"],
        );
    }
}

#[test]
fn counts_must_be_positive_whole_numbers() {
    for command in ["analyze", "keywords"] {
        assert_error(
            &slovo(&[command, "--top", "0", "-"], b"x"),
            &["'0'", "--top", "must be at least 1"],
        );
        assert_error(
            &slovo(&[command, "--top", "many", "-"], b"x"),
            &["--top", "\"many\" is not a whole number"],
        );
    }
    assert_error(
        &slovo(
            &["tfidf", "fit", "--out", "x.model", "--ngram-range", "2"],
            b"",
        ),
        &["--ngram-range", "MIN,MAX"],
    );
    assert_error(
        &slovo(
            &["tfidf", "fit", "--out", "x.model", "--min-df", "lots"],
            b"",
        ),
        &["--min-df", "lots"],
    );
    assert_error(&slovo(&["tfidf", "fit"], b""), &["--out"]);
}

/// A negative, NaN or infinite number is an error naming the option and the value, in the
/// `--opt value` form too (where clap took `-1` for an option of its own).
#[test]
fn negative_and_non_finite_numbers_name_the_option() {
    let cases: [(&[&str], &str); 9] = [
        (&["--min-df", "-1"], "--min-df"),
        (&["--min-df=-1"], "--min-df"),
        (&["--max-df", "-0.5"], "--max-df"),
        (&["--min-df", "nan"], "--min-df"),
        (&["--max-df", "inf"], "--max-df"),
        (&["--min-df", "1e400"], "--min-df"),
        (&["--max-features", "-3"], "--max-features"),
        (&["--ngram-range", "-1,2"], "--ngram-range"),
        (&["--ngram-range", "1,-2"], "--ngram-range"),
    ];
    for (option, name) in cases {
        let mut args = vec!["tfidf", "fit", "--out", "x.model"];
        args.extend(option);
        let value = option.last().unwrap().rsplit('=').next().unwrap();
        assert_error(&slovo(&args, "кот".as_bytes()), &[name, value]);
        let out = slovo(&args, "кот".as_bytes());
        assert!(
            !stderr(&out).contains("unexpected argument"),
            "{}",
            stderr(&out)
        );
    }
    for command in ["analyze", "keywords"] {
        assert_error(
            &slovo(&[command, "--top", "-1", "-"], b"x"),
            &["--top", "\"-1\" is not a whole number"],
        );
    }
}

/// `echo … | slovo analyze` reports on the piped text, not on the bundled sample.
#[test]
fn analyze_reads_piped_standard_input() {
    let docs = json_lines(&slovo(&["analyze", "--json"], "Кот спит.".as_bytes()));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"], "<stdin>");
    assert_eq!(docs[0]["size"]["bytes"], "Кот спит.".len());
    // A file redirected into standard input is read too.
    let path = scratch("analyze_redirect.txt", "Пёс лает.".as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_slovo"))
        .args(["analyze", "--json"])
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    let docs = json_lines(&out);
    assert_eq!(docs[0]["source"], "<stdin>");
    assert_eq!(docs[0]["words"]["total"], 2);
}

/// Output to a full disk (`/dev/full`) is one line and exit 2; to a pipe closed after the
/// first line (`| head -1`) the run ends quietly with exit 0.
#[cfg(target_os = "linux")]
#[test]
fn full_and_closed_standard_output() {
    let path = scratch("full_output.txt", SAMPLE.as_bytes());
    for args in [
        vec!["tokenize"],
        vec!["tokenize", "--per-line"],
        vec!["--help"],
    ] {
        let mut args = args.clone();
        if args[0] != "--help" {
            args.push(path.to_str().unwrap());
        }
        let out = Command::new(env!("CARGO_BIN_EXE_slovo"))
            .args(&args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_error(&out, &["No space left on device"]);
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' tokenize --per-line '{}' | head -1",
            env!("CARGO_BIN_EXE_slovo"),
            path.display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn unwritable_model_path_is_named() {
    let out = slovo(
        &["tfidf", "fit", "--out", "no/such/dir/m.model"],
        "Привет, мир!".as_bytes(),
    );
    assert_error(&out, &["cannot write no/such/dir/m.model", "No such file"]);
}

#[test]
fn lemmatize_gives_each_word_its_lemma_and_span() {
    let input = "Европейского союза\nСтороны обсудили вопросы партнёрства\n";
    let lines = json_lines(&slovo(&["lemmatize", "--per-line"], input.as_bytes()));
    assert_eq!(lines.len(), 2);
    let lemmas = |line: &Value| -> Vec<String> {
        line["lemmas"]
            .as_array()
            .expect("lemmas")
            .iter()
            .map(|l| l["lemma"].as_str().expect("lemma").to_owned())
            .collect()
    };
    assert_eq!(lemmas(&lines[0]), ["европейский", "союз"]);
    assert_eq!(
        lemmas(&lines[1]),
        ["сторона", "обсудить", "вопрос", "партнёрство"]
    );
    let last = &lines[1]["lemmas"][3];
    assert_eq!(last["text"], "партнёрства");
    assert_eq!(last["pos"], "NOUN");
    // Code-point offsets by default, bytes on request.
    assert_eq!(
        (last["start"].as_u64(), last["end"].as_u64()),
        (Some(25), Some(36))
    );
    let bytes = json_lines(&slovo(
        &["lemmatize", "--per-line", "--byte-offsets"],
        input.as_bytes(),
    ));
    assert_eq!(bytes[1]["lemmas"][3]["start"], 47);
    // JSON Lines keep their other fields.
    let doc = serde_json::json!({"id": 3, "text": "Касым-Жомарта Токаева"}).to_string();
    let lines = json_lines(&slovo(&["lemmatize", "--jsonl"], doc.as_bytes()));
    assert_eq!(lines[0]["id"], 3);
    assert_eq!(lemmas(&lines[0]), ["касым-жомарт", "токаев"]);
}

const CONLLU: &str = "# sent_id = 1\n\
# text = Стороны обсудили вопросы.\n\
1\tСтороны\t_\t_\t_\t_\t2\tnsubj\t_\t_\n\
2\tобсудили\t_\t_\t_\t_\t0\troot\t_\t_\n\
3\tвопросы\t_\t_\t_\t_\t2\tobj\t_\tSpaceAfter=No\n\
3.1\tпусто\t_\t_\t_\t_\t_\t_\t2:obj\t_\n\
4\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n\
\n\
# sent_id = 2\n\
1-2\tОттого\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tОт\t_\t_\t_\t_\t2\tcase\t_\t_\n\
2\tтого\t_\t_\t_\t_\t0\troot\t_\t_\n\
\n";

#[test]
fn morph_fills_lemma_and_upos_of_conllu() {
    let out = slovo(&["morph", "--conllu"], CONLLU.as_bytes());
    let text = stdout(&out);
    let expected_lines = CONLLU.lines().count();
    assert_eq!(text.lines().count(), expected_lines, "{text}");
    for (got, given) in text.lines().zip(CONLLU.lines()) {
        let (g, i): (Vec<&str>, Vec<&str>) =
            (got.split('\t').collect(), given.split('\t').collect());
        let id = i[0];
        if given.starts_with('#') || given.is_empty() || id.contains(['-', '.']) {
            assert_eq!(got, given, "passes through untouched");
            continue;
        }
        // Only LEMMA and UPOS change.
        assert_eq!((g[0], g[1]), (i[0], i[1]));
        assert_eq!(g[4..], i[4..]);
    }
    let words: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 10 && !c[0].contains(['-', '.']))
        .collect();
    let lemma_pos: Vec<(&str, &str)> = words.iter().map(|c| (c[2], c[3])).collect();
    assert_eq!(
        lemma_pos[..4],
        [
            ("сторона", "NOUN"),
            ("обсудить", "VERB"),
            ("вопрос", "NOUN"),
            (".", "PUNCT")
        ]
    );
    // The same from a file, and a file without a final blank line ends its sentence.
    let path = scratch("morph_in.conllu", CONLLU.trim_end().as_bytes());
    let from_file = slovo(
        &["morph", "--conllu", path.to_str().expect("UTF-8 path")],
        b"",
    );
    assert_eq!(stdout(&from_file).trim_end(), text.trim_end());
}

#[test]
fn morph_reports_bad_conllu_with_its_line() {
    let bad = "# ok\n1\tслово\t_\n";
    assert_error(
        &slovo(&["morph", "--conllu"], bad.as_bytes()),
        &["line 2", "10 tab-separated"],
    );
    let bad_id = "x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n";
    assert_error(
        &slovo(&["morph", "--conllu"], bad_id.as_bytes()),
        &["line 1", "bad ID"],
    );
    assert_error(&slovo(&["morph"], CONLLU.as_bytes()), &["--conllu"]);
}

/// A save that cannot complete (here: the model's directory is read-only) leaves the
/// previous model byte-identical: the model is written to a temporary file and renamed.
#[test]
fn a_failed_save_leaves_the_previous_model() {
    use std::os::unix::fs::PermissionsExt;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("readonly-models");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let model = dir.join("m.model");
    let model_arg = model.to_str().unwrap();
    let fitted = slovo(&["tfidf", "fit", "--out", model_arg], "кот спит".as_bytes());
    assert!(fitted.status.success());
    let before = std::fs::read(&model).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.join("probe"), b"").is_ok() {
        eprintln!("skipped: this user can write into a read-only directory");
    } else {
        let out = slovo(
            &["tfidf", "fit", "--out", model_arg],
            "пёс лает на кота".as_bytes(),
        );
        assert_error(&out, &["cannot write", model_arg]);
        assert_eq!(std::fs::read(&model).unwrap(), before);
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every field but "text" is copied byte for byte: big integers, huge exponents, escapes,
/// spacing; in every command that copies fields.
#[test]
fn jsonl_fields_pass_through_byte_for_byte() {
    let fields = r#""id":123456789012345678901234567890,"x":1e999999,"s":"\u00e9\/\ud800","m":{"k": [1.50, -0.0]}"#;
    let input = format!("{{{fields},\"text\":\"кот\"}}\n");
    for command in [
        &["tokenize"][..],
        &["sentences"],
        &["terms"],
        &["detect"],
        &["keywords"],
    ] {
        let mut args = command.to_vec();
        args.push("--jsonl");
        let out = slovo(&args, input.as_bytes());
        assert!(
            out.status.success(),
            "{command:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = stdout(&out);
        assert!(
            line.starts_with(&format!("{{{fields},")),
            "{command:?}: {line}"
        );
    }
    let model = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("passthrough.model");
    let model = model.to_str().unwrap();
    assert!(slovo(&["tfidf", "fit", "--out", model], "кот".as_bytes())
        .status
        .success());
    let out = slovo(&["tfidf", "transform", model, "--jsonl"], input.as_bytes());
    assert!(
        stdout(&out).starts_with(&format!("{{{fields},")),
        "{}",
        stdout(&out)
    );
}

/// A lone surrogate escape in "text" (Python's `json.dumps` writes them) fails the run
/// naming the line, or with --lossy becomes U+FFFD and is counted on standard error.
#[test]
fn jsonl_lone_surrogates_fail_by_line_or_are_replaced_with_lossy() {
    let input = "{\"text\":\"ok\"}\n{\"id\":7,\"text\":\"a\\ud800b\"}\n";
    assert_error(
        &slovo(&["tokenize", "--jsonl"], input.as_bytes()),
        &["<stdin>: line 2", "lone surrogate", "--lossy"],
    );
    let out = slovo(&["tokenize", "--jsonl", "--lossy"], input.as_bytes());
    let docs = json_lines(&out);
    assert_eq!(docs[1]["tokens"][1]["text"], "\u{FFFD}");
    assert!(
        stderr(&out).contains("1 lone surrogate escape in \"text\" replaced with U+FFFD"),
        "{}",
        stderr(&out)
    );
}

/// A line too long for the memory there is (`/dev/zero` has no newline) ends the run
/// with one line and exit 2, not an abort (exit 134).
#[test]
fn out_of_memory_reading_a_line_is_a_one_line_error() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 100000 && exec '{}' tokenize --per-line /dev/zero",
            env!("CARGO_BIN_EXE_slovo")
        ))
        .output()
        .expect("run sh");
    assert_error(&out, &["/dev/zero", "out of memory"]);
}
