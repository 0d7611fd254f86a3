#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| slovo_fuzz::checks::sentence_paths(data));
