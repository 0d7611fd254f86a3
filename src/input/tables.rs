//! The high halves (bytes 0x80–0xFF) of the single-byte code pages, as the WHATWG
//! Encoding Standard maps them, written out so that detection and mojibake repair need no
//! `encoding_rs` (feature `encodings`). A test in `mojibake.rs` checks them against it.

/// Bytes 0x80–0xFF of windows-1251, as the WHATWG Encoding Standard (and browsers) map
/// them: written out so that mojibake repair needs no `encoding_rs` (feature `encodings`);
/// a test checks them against `encoding_rs` when it is there.
pub(crate) const CP1251_HIGH: &str = "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{0098}™љ›њќћџ\u{00A0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{00AD}®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя";
/// Bytes 0x80–0xFF of windows-1252 (WHATWG).
pub(crate) const CP1252_HIGH: &str = "€\u{0081}‚ƒ„…†‡ˆ‰Š‹Œ\u{008D}Ž\u{008F}\u{0090}‘’“”•–—˜™š›œ\u{009D}žŸ\u{00A0}¡¢£¤¥¦§¨©ª«¬\u{00AD}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ";
/// Bytes 0x80–0xFF of KOI8-R (WHATWG).
pub(crate) const KOI8_R_HIGH: &str = "─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u{00A0}⌡°²·÷═║╒ё╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡Ё╢╣╤╥╦╧╨╩╪╫╬©юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ";

/// Bytes 0x80–0xFF of IBM866 (WHATWG).
pub(crate) const IBM866_HIGH: &str = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u{00A0}";
