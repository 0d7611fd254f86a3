//! Two tokenizers that know no rules, as ceilings for `benches/tokenize.rs`: how fast a
//! pass over the bytes can go at all on this machine.
//!
//! - [`table_scan_words`]: one 256-entry table look-up per byte, counting the starts of
//!   letter runs. It yields nothing; it is the cost of reading every byte once.
//! - [`BlockSketch`]: a tokenizer of 64-byte blocks with AVX2. Each block becomes
//!   bitmaps (letters and digits, white space, UTF-8 continuation bytes); every run of
//!   letters (ASCII, and Cyrillic lead bytes with their continuation bytes) is a token,
//!   every other character that is not white space is a token of its own, and the tokens
//!   come out as `&str` slices through a batch, as slovo's do. No hyphens, abbreviations,
//!   numbers, URLs, e-mails or emoji: about 96 % of its spans on War and Peace are
//!   slovo's.

/// `1` for the bytes a word is made of: ASCII letters and digits, and every byte of a
/// non-ASCII character (so Cyrillic letters count, and so do dashes and quotes).
static WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = ((b as u8).is_ascii_alphanumeric() || b >= 0x80) as u8;
        b += 1;
    }
    table
};

/// The number of letter runs in `text`, one table look-up per byte and no branch.
pub fn table_scan_words(text: &str) -> usize {
    let mut count = 0usize;
    let mut previous = 0u8;
    for &b in text.as_bytes() {
        let current = WORD_BYTE[b as usize];
        count += (current & !previous & 1) as usize;
        previous = current;
    }
    count
}

/// Spans of the block sketch, handed out from a batch.
pub struct BlockSketch<'a> {
    text: &'a str,
    /// Start of the next block to classify.
    block: usize,
    /// A token that started in an earlier block and has not ended yet.
    pending: Option<usize>,
    /// Carries from the previous block: its last byte was a word byte; an "other"
    /// character's continuation bytes run on into this block.
    word_carry: u64,
    other_carry: u64,
    cyr_carry: u64,
    spans: Vec<(usize, usize)>,
    head: usize,
}

impl<'a> BlockSketch<'a> {
    /// The sketch over `text`, or `None` if this CPU has no AVX2.
    pub fn new(text: &'a str) -> Option<Self> {
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("bmi1") {
            return Some(BlockSketch {
                text,
                block: 0,
                pending: None,
                word_carry: 0,
                other_carry: 0,
                cyr_carry: 0,
                spans: Vec::with_capacity(64),
                head: 0,
            });
        }
        let _ = text;
        None
    }

    /// Classifies the next blocks until the batch holds tokens or the text ends.
    fn refill(&mut self) {
        self.spans.clear();
        self.head = 0;
        let bytes = self.text.as_bytes();
        while self.spans.len() < 32 && self.block < bytes.len() + 64 {
            let mut padded = [b' '; 64];
            let rest = bytes.get(self.block..).unwrap_or_default();
            let n = rest.len().min(64);
            padded[..n].copy_from_slice(&rest[..n]);
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `new` only makes a `BlockSketch` on a CPU with AVX2 and BMI1.
            let (alnum, cyr, space, cont) = unsafe { x86::classify(&padded) };
            #[cfg(not(target_arch = "x86_64"))]
            let (alnum, cyr, space, cont) = (0, 0, !0, 0);
            let word = alnum | cyr | (cyr << 1) | self.cyr_carry;
            self.cyr_carry = cyr >> 63;
            self.block_tokens(word, space, cont);
            self.block += 64;
            if n < 64 {
                self.block = bytes.len() + 64;
            }
        }
    }

    /// The tokens that end in the block at `self.block`.
    #[inline(always)]
    fn block_tokens(&mut self, word: u64, space: u64, cont: u64) {
        let word_shifted = (word << 1) | self.word_carry;
        self.word_carry = word >> 63;
        let word_starts = word & !word_shifted;
        let word_ends = !word & word_shifted;
        let other_starts = !word & !space & !cont;
        // The carry of a start through the continuation bytes after it lands on the byte
        // where the character ends.
        let (sum, overflow) = cont.overflowing_add((other_starts << 1) | self.other_carry);
        self.other_carry = (other_starts >> 63) | u64::from(overflow);
        let other_ends = sum & !cont;
        let mut starts = word_starts | other_starts;
        let mut ends = word_ends | other_ends;
        let base = self.block;
        if let Some(start) = self.pending.take() {
            if ends == 0 {
                self.pending = Some(start);
                return;
            }
            self.spans
                .push((start, base + ends.trailing_zeros() as usize));
            ends &= ends - 1;
        }
        while ends != 0 {
            let s = starts.trailing_zeros() as usize;
            let e = ends.trailing_zeros() as usize;
            starts &= starts - 1;
            ends &= ends - 1;
            self.spans.push((base + s, base + e));
        }
        if starts != 0 {
            self.pending = Some(base + starts.trailing_zeros() as usize);
        }
    }
}

impl<'a> Iterator for BlockSketch<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.head == self.spans.len() {
            self.refill();
            if self.spans.is_empty() {
                return None;
            }
        }
        let (start, end) = self.spans[self.head];
        self.head += 1;
        Some(&self.text[start..end])
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    /// Bitmaps of 64 bytes: ASCII letters and digits, Cyrillic lead bytes `D0` and `D1`,
    /// ASCII white space and control characters, continuation bytes.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 and BMI1.
    #[target_feature(enable = "avx2,bmi1")]
    pub(super) unsafe fn classify(block: &[u8; 64]) -> (u64, u64, u64, u64) {
        let mut masks = [0u64; 4];
        for half in 0..2 {
            // SAFETY: `half * 32 + 32 <= 64`: the load reads inside `block`.
            let v = unsafe { _mm256_loadu_si256(block.as_ptr().add(half * 32).cast()) };
            let splat = |b: u8| _mm256_set1_epi8(b as i8);
            let folded = _mm256_or_si256(v, splat(0x20));
            let alpha = _mm256_and_si256(
                _mm256_cmpgt_epi8(folded, splat(b'a' - 1)),
                _mm256_cmpgt_epi8(splat(b'z' + 1), folded),
            );
            let digit = _mm256_and_si256(
                _mm256_cmpgt_epi8(v, splat(b'0' - 1)),
                _mm256_cmpgt_epi8(splat(b'9' + 1), v),
            );
            let cyr = _mm256_cmpeq_epi8(_mm256_and_si256(v, splat(0xFE)), splat(0xD0));
            // Signed comparisons: bytes >= 0x80 are negative.
            let high = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);
            let space = _mm256_andnot_si256(high, _mm256_cmpgt_epi8(splat(b' ' + 1), v));
            let cont = _mm256_cmpgt_epi8(splat(0xC0), v);
            let mask = |m| u64::from(_mm256_movemask_epi8(m) as u32) << (half * 32);
            masks[0] |= mask(_mm256_or_si256(alpha, digit));
            masks[1] |= mask(cyr);
            masks[2] |= mask(space);
            masks[3] |= mask(cont);
        }
        let [alnum, cyr, space, cont] = masks;
        (alnum, cyr, space, cont)
    }
}
