//! Without the `encodings` feature: UTF-8 works, everything else is a clear error.

use slovo::{Decoder, Encoding, Error};

#[test]
fn legacy_encodings_need_the_feature() {
    let err = Decoder::builder()
        .encoding(Encoding::Windows1251)
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::MissingFeature {
                feature: "encodings",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("`encodings` feature"), "{err}");
}

#[test]
fn detected_legacy_text_names_the_file_and_the_feature() {
    let auto = Decoder::builder().encoding(Encoding::Auto).build().unwrap();
    let cp1251 = b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0!".to_vec();
    let err = auto.decode(cp1251.clone(), "old.txt").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("old.txt"), "{message}");
    assert!(message.contains("windows-1251"), "{message}");
    assert!(message.contains("encodings"), "{message}");
    let err = auto.read_lines(cp1251.as_slice(), "old.txt").unwrap_err();
    assert!(matches!(err, Error::MissingFeature { .. }), "{err:?}");
    // UTF-8 is read as before.
    assert_eq!(auto.decode("да".as_bytes(), "-").unwrap().text, "да");
}
