//! Byte classification with SIMD: the only module of the crate with `unsafe` code.
//!
//! A [`Classifier`] fills the [`Classes`] bitmaps of 64-byte windows for the tokenizer's
//! block path ([`crate::segment::blocks`]). Each one gives exactly the masks of
//! [`classify_portable`] (a test compares them on every byte value in every position):
//!
//! * `Avx512`: one 64-byte vector, comparisons straight into 64-bit masks (x86-64 CPUs
//!   with AVX-512BW, detected at run time; built by Rust 1.89 and later);
//! * `Avx2`: two 32-byte halves (x86-64 CPUs with AVX2, detected at run time);
//! * `Sse2`: four 16-byte quarters (every x86-64 CPU);
//! * `Portable`: a byte loop over a class table, everywhere: the reference for tests (on
//!   CPUs without the SIMD above the tokenizer takes its scalar path, which is faster).
//!
//! The unsafe code is the vector loads and the calls into functions compiled for a CPU
//! feature; each block says why it is sound. A classifier that needs a CPU feature is a
//! value that only its detection function makes, so holding one proves the feature.
#![allow(unsafe_code)]

#[cfg(test)]
use crate::segment::blocks::{classify_portable, Classes, Classify, WINDOW};
use crate::segment::blocks::{fill, Portable, Windows};

/// A way to classify windows; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Classifier(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Sse2(x86::Sse2),
    #[cfg(target_arch = "x86_64")]
    Avx2(x86::Avx2),
    #[cfg(target_arch = "x86_64")]
    Avx512(x86::Avx512),
}

impl Classifier {
    /// The byte-loop classifier.
    pub(crate) const fn portable() -> Self {
        Classifier(Kind::Portable)
    }

    /// The SSE2 classifier, on x86-64.
    pub(crate) fn sse2() -> Option<Self> {
        #[cfg(target_arch = "x86_64")]
        {
            Some(Classifier(Kind::Sse2(x86::Sse2::new())))
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            None
        }
    }

    /// The AVX2 classifier, if this CPU has AVX2 (and BMI1, BMI2, LZCNT and POPCNT,
    /// which come with it).
    pub(crate) fn avx2() -> Option<Self> {
        #[cfg(target_arch = "x86_64")]
        {
            x86::Avx2::detect().map(|a| Classifier(Kind::Avx2(a)))
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            None
        }
    }

    /// The AVX-512 classifier, if this CPU has AVX-512F and AVX-512BW (and this crate
    /// was built by Rust 1.89 or later).
    pub(crate) fn avx512() -> Option<Self> {
        #[cfg(target_arch = "x86_64")]
        {
            x86::Avx512::detect().map(|a| Classifier(Kind::Avx512(a)))
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            None
        }
    }

    /// The fastest SIMD classifier this CPU runs. `None` elsewhere: there the scalar
    /// tokenizer is faster than the block path with the portable classifier (which exists
    /// as the reference the SIMD ones are tested against).
    pub(crate) fn best() -> Option<Self> {
        Self::avx512().or_else(Self::avx2).or_else(Self::sse2)
    }

    /// The name of the classifier (`"portable"`, `"sse2"`, `"avx2"`, `"avx512"`).
    pub(crate) fn name(self) -> &'static str {
        match self.0 {
            Kind::Portable => "portable",
            #[cfg(target_arch = "x86_64")]
            Kind::Sse2(_) => "sse2",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(_) => "avx2",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512(_) => "avx512",
        }
    }

    /// The byte classes of the window.
    #[cfg(test)]
    pub(crate) fn classify(self, w: &[u8; WINDOW]) -> Classes {
        match self.0 {
            Kind::Portable => Portable.classify(w),
            #[cfg(target_arch = "x86_64")]
            Kind::Sse2(sse2) => sse2.classify(w),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(avx2) => avx2.classify(w),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512(avx512) => avx512.classify(w),
        }
    }

    /// [`fill`] with this classifier.
    #[inline]
    pub(crate) fn fill(
        self,
        bytes: &[u8],
        pos: usize,
        abbreviation_periods: bool,
        windows: &mut Windows,
        scalar_before: &mut usize,
    ) -> usize {
        let args = (bytes, pos, abbreviation_periods);
        match self.0 {
            Kind::Portable => fill(Portable, args.0, args.1, args.2, windows, scalar_before),
            #[cfg(target_arch = "x86_64")]
            Kind::Sse2(sse2) => fill(sse2, args.0, args.1, args.2, windows, scalar_before),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(avx2) => avx2.fill(args.0, args.1, args.2, windows, scalar_before),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512(avx512) => avx512.fill(args.0, args.1, args.2, windows, scalar_before),
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use crate::segment::blocks::{fill, Classes, Classify, Windows, WINDOW};

    /// For each low nibble, the bits `1 << high` of the ASCII high nibbles that make a
    /// byte of `set` with it: with [`ASCII_HIGH_BIT`], a nibble-table test for any set of
    /// ASCII bytes.
    const fn ascii_set(set: &[u8]) -> [u8; 16] {
        let mut table = [0u8; 16];
        let mut i = 0;
        while i < set.len() {
            let b = set[i];
            table[(b & 0x0F) as usize] |= 1 << (b >> 4);
            i += 1;
        }
        table
    }

    /// `1 << high` for the high nibbles of ASCII, nothing for the others.
    const ASCII_HIGH_BIT: [u8; 16] = [1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0];
    /// The same for bytes `>= 0x80`: `1 << (high - 8)`.
    const NON_ASCII_HIGH_BIT: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128];
    /// `D0 D1 D3 D4` (with [`NON_ASCII_HIGH_BIT`]).
    const CYRILLIC_LEADS: [u8; 16] = {
        let mut table = [0u8; 16];
        table[0] = 1 << 5;
        table[1] = 1 << 5;
        table[3] = 1 << 5;
        table[4] = 1 << 5;
        table
    };
    const RULE: [u8; 16] = ascii_set(b"'@_#*+%=");
    const SPACE: [u8; 16] = ascii_set(b"\t\n\x0B\x0C\r ");
    const TERM: [u8; 16] = ascii_set(b".?!");
    const EYES: [u8; 16] = ascii_set(b":;");
    const ALNUM: [u8; 16] =
        ascii_set(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// Proof that the CPU runs SSE2: every x86-64 CPU does.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) struct Sse2(());

    impl Sse2 {
        pub(super) const fn new() -> Self {
            Sse2(())
        }
    }

    impl Classify for Sse2 {
        #[inline(always)]
        fn classify(self, w: &[u8; WINDOW]) -> Classes {
            // SAFETY: SSE2 is part of x86-64, so every CPU this code runs on has it.
            unsafe { classify_sse2(w) }
        }
    }

    /// Proof that the CPU runs AVX2, BMI1, BMI2, LZCNT and POPCNT: made only by
    /// [`Avx2::detect`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) struct Avx2(());

    impl Avx2 {
        pub(super) fn detect() -> Option<Self> {
            let yes = is_x86_feature_detected!("avx2")
                && is_x86_feature_detected!("bmi1")
                && is_x86_feature_detected!("bmi2")
                && is_x86_feature_detected!("lzcnt")
                && is_x86_feature_detected!("popcnt");
            yes.then_some(Avx2(()))
        }

        /// [`fill`] compiled for AVX2, with the classification inlined.
        #[inline]
        pub(super) fn fill(
            self,
            bytes: &[u8],
            pos: usize,
            abbreviation_periods: bool,
            windows: &mut Windows,
            scalar_before: &mut usize,
        ) -> usize {
            // SAFETY: an `Avx2` exists only if `detect` found every feature `fill_avx2`
            // is compiled for.
            unsafe {
                fill_avx2(
                    self,
                    bytes,
                    pos,
                    abbreviation_periods,
                    windows,
                    scalar_before,
                )
            }
        }
    }

    impl Classify for Avx2 {
        #[inline(always)]
        fn classify(self, w: &[u8; WINDOW]) -> Classes {
            // SAFETY: an `Avx2` exists only if `detect` found AVX2.
            unsafe { classify_avx2(w) }
        }
    }

    /// # Safety
    ///
    /// The CPU must support AVX2, BMI1, BMI2, LZCNT and POPCNT.
    #[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
    unsafe fn fill_avx2(
        avx2: Avx2,
        bytes: &[u8],
        pos: usize,
        abbreviation_periods: bool,
        windows: &mut Windows,
        scalar_before: &mut usize,
    ) -> usize {
        fill(
            avx2,
            bytes,
            pos,
            abbreviation_periods,
            windows,
            scalar_before,
        )
    }

    /// Classifies the window with AVX2, 32 bytes at a time: each mask is made for both
    /// halves and joined at once, so that few masks are live at a time (fewer spills).
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn classify_avx2(w: &[u8; WINDOW]) -> Classes {
        let low = half_avx2(w, 0);
        let high = half_avx2(w, 32);
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        let table = |t: [u8; 16]| {
            let t = t.map(|b| b as i8);
            _mm256_setr_epi8(
                t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
                t[13], t[14], t[15], t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9],
                t[10], t[11], t[12], t[13], t[14], t[15],
            )
        };
        let eq = |a, b: u8| _mm256_cmpeq_epi8(a, splat(b));
        // The mask of `f` on both halves.
        let both = |f: &dyn Fn(&Half) -> __m256i| {
            let m = |h: &Half| u64::from(_mm256_movemask_epi8(f(h)) as u32);
            m(&low) | (m(&high) << 32)
        };
        // In the set: the nibble tables share a bit.
        let in_set = |set: [u8; 16], h: &Half, bit: __m256i| {
            let bits = _mm256_and_si256(_mm256_shuffle_epi8(table(set), h.low_nibble), bit);
            _mm256_xor_si256(
                _mm256_cmpeq_epi8(bits, _mm256_setzero_si256()),
                _mm256_set1_epi8(-1),
            )
        };
        let ascii = |set: [u8; 16]| move |h: &Half| in_set(set, h, h.ascii_bit);
        Classes {
            alnum: both(&ascii(ALNUM)),
            digit: both(&|h| {
                let d = _mm256_sub_epi8(h.v, splat(b'0'));
                _mm256_cmpeq_epi8(_mm256_min_epu8(d, splat(9)), d)
            }),
            cyr: both(&|h| in_set(CYRILLIC_LEADS, h, h.high_bit)),
            space: both(&ascii(SPACE)),
            high: both(&|h| h.v),
            term: both(&ascii(TERM)),
            dot: both(&|h| eq(h.v, b'.')),
            comma: both(&|h| eq(h.v, b',')),
            colon: both(&|h| eq(h.v, b':')),
            hyphen: both(&|h| eq(h.v, b'-')),
            rule: both(&ascii(RULE)),
            smiley: both(&|h| {
                let mouth_next = _mm256_or_si256(
                    eq(h.v1, b'-'),
                    _mm256_cmpeq_epi8(_mm256_and_si256(h.v1, splat(0xFE)), splat(b'(')),
                );
                _mm256_and_si256(in_set(EYES, h, h.ascii_bit), mouth_next)
            }),
            same_next: both(&|h| _mm256_cmpeq_epi8(h.v, h.v1)),
            nbsp: both(&|h| _mm256_and_si256(eq(h.v, 0xC2), eq(h.v1, 0xA0))),
            guillemet: both(&|h| {
                _mm256_and_si256(
                    eq(h.v, 0xC2),
                    _mm256_cmpeq_epi8(_mm256_or_si256(h.v1, splat(0x10)), splat(0xBB)),
                )
            }),
            dash: both(&|h| {
                // 0x93..=0x9E but not 0x99: `v2 - 0x93 <= 0x0B` unsigned.
                let e2_80 = _mm256_and_si256(eq(h.v, 0xE2), eq(h.v1, 0x80));
                let offset_93 = _mm256_sub_epi8(h.v2, splat(0x93));
                let in_range =
                    _mm256_cmpeq_epi8(_mm256_min_epu8(offset_93, splat(0x0B)), offset_93);
                _mm256_andnot_si256(eq(h.v2, 0x99), _mm256_and_si256(e2_80, in_range))
            }),
            ellipsis: both(&|h| {
                let e2_80 = _mm256_and_si256(eq(h.v, 0xE2), eq(h.v1, 0x80));
                _mm256_and_si256(e2_80, eq(h.v2, 0xA6))
            }),
        }
    }

    /// The vectors of bytes `offset..offset + 32` that [`classify_avx2`] tests.
    #[derive(Clone, Copy)]
    struct Half {
        /// The bytes, the bytes one further, two further.
        v: __m256i,
        v1: __m256i,
        v2: __m256i,
        low_nibble: __m256i,
        /// `1 << high nibble` for ASCII bytes, `1 << (high nibble - 8)` for the others.
        ascii_bit: __m256i,
        high_bit: __m256i,
    }

    /// # Safety
    ///
    /// The CPU must support AVX2; `offset + 34 <= WINDOW`.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn half_avx2(w: &[u8; WINDOW], offset: usize) -> Half {
        debug_assert!(offset + 34 <= WINDOW);
        let p = w.as_ptr();
        // SAFETY: `offset + 2 + 32 <= WINDOW` (the callers pass 0 and 32), so the three
        // unaligned 32-byte loads read inside `w`.
        let (v, v1, v2) = unsafe {
            (
                _mm256_loadu_si256(p.add(offset).cast()),
                _mm256_loadu_si256(p.add(offset + 1).cast()),
                _mm256_loadu_si256(p.add(offset + 2).cast()),
            )
        };
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        let table = |t: [u8; 16]| {
            let t = t.map(|b| b as i8);
            _mm256_setr_epi8(
                t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
                t[13], t[14], t[15], t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9],
                t[10], t[11], t[12], t[13], t[14], t[15],
            )
        };
        let low_nibble = _mm256_and_si256(v, splat(0x0F));
        let high_nibble = _mm256_and_si256(_mm256_srli_epi16::<4>(v), splat(0x0F));
        Half {
            v,
            v1,
            v2,
            low_nibble,
            ascii_bit: _mm256_shuffle_epi8(table(ASCII_HIGH_BIT), high_nibble),
            high_bit: _mm256_shuffle_epi8(table(NON_ASCII_HIGH_BIT), high_nibble),
        }
    }

    /// Classifies the window with SSE2, 16 bytes at a time.
    ///
    /// # Safety
    ///
    /// The CPU must support SSE2 (every x86-64 CPU does).
    #[target_feature(enable = "sse2")]
    #[inline]
    unsafe fn classify_sse2(w: &[u8; WINDOW]) -> Classes {
        let a = quarter_sse2(w, 0);
        let b = quarter_sse2(w, 16);
        let c = quarter_sse2(w, 32);
        let d = quarter_sse2(w, 48);
        join(join(a, b, 16), join(c, d, 16), 32)
    }

    /// The masks of bytes `offset..offset + 16` (in the low 16 bits). SSE2 has no byte
    /// shuffle, so every set is a chain of comparisons.
    ///
    /// # Safety
    ///
    /// The CPU must support SSE2; `offset + 18 <= WINDOW`.
    #[target_feature(enable = "sse2")]
    #[inline]
    unsafe fn quarter_sse2(w: &[u8; WINDOW], offset: usize) -> Classes {
        debug_assert!(offset + 18 <= WINDOW);
        let p = w.as_ptr();
        // SAFETY: `offset + 2 + 16 <= WINDOW` (the callers pass 0, 16, 32, 48), so the
        // three unaligned 16-byte loads read inside `w`.
        let (v, v1, v2) = unsafe {
            (
                _mm_loadu_si128(p.add(offset).cast()),
                _mm_loadu_si128(p.add(offset + 1).cast()),
                _mm_loadu_si128(p.add(offset + 2).cast()),
            )
        };
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        let eq = |a, b: u8| _mm_cmpeq_epi8(a, splat(b));
        let or = |a, b| _mm_or_si128(a, b);
        let mask = |m| _mm_movemask_epi8(m) as u32 as u64;
        // Signed comparisons: bytes >= 0x80 are negative, outside every ASCII range.
        let between = |a, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(a, splat(lo - 1)),
                _mm_cmplt_epi8(a, splat(hi + 1)),
            )
        };
        let digit = between(v, b'0', b'9');
        let alpha = between(_mm_or_si128(v, splat(0x20)), b'a', b'z');
        let cyr = or(
            _mm_cmpeq_epi8(_mm_and_si128(v, splat(0xFE)), splat(0xD0)),
            or(eq(v, 0xD3), eq(v, 0xD4)),
        );
        let space = or(eq(v, b' '), between(v, b'\t', b'\r'));
        let dot = eq(v, b'.');
        let rule = or(
            or(or(eq(v, b'\''), eq(v, b'@')), or(eq(v, b'_'), eq(v, b'#'))),
            or(
                _mm_cmpeq_epi8(_mm_and_si128(v, splat(0xFE)), splat(b'*')),
                or(eq(v, b'%'), eq(v, b'=')),
            ),
        );
        let eyes = or(eq(v, b':'), eq(v, b';'));
        let mouth_next = or(
            eq(v1, b'-'),
            _mm_cmpeq_epi8(_mm_and_si128(v1, splat(0xFE)), splat(b'(')),
        );
        let c2 = eq(v, 0xC2);
        let e2_80 = _mm_and_si128(eq(v, 0xE2), eq(v1, 0x80));
        let offset_93 = _mm_sub_epi8(v2, splat(0x93));
        let in_range = _mm_cmpeq_epi8(_mm_min_epu8(offset_93, splat(0x0B)), offset_93);
        let dash = _mm_andnot_si128(eq(v2, 0x99), _mm_and_si128(e2_80, in_range));
        Classes {
            alnum: mask(or(alpha, digit)),
            digit: mask(digit),
            cyr: mask(cyr),
            space: mask(space),
            high: mask(v),
            term: mask(or(dot, or(eq(v, b'?'), eq(v, b'!')))),
            dot: mask(dot),
            comma: mask(eq(v, b',')),
            colon: mask(eq(v, b':')),
            hyphen: mask(eq(v, b'-')),
            rule: mask(rule),
            smiley: mask(_mm_and_si128(eyes, mouth_next)),
            same_next: mask(_mm_cmpeq_epi8(v, v1)),
            nbsp: mask(_mm_and_si128(c2, eq(v1, 0xA0))),
            guillemet: mask(_mm_and_si128(
                c2,
                _mm_cmpeq_epi8(_mm_or_si128(v1, splat(0x10)), splat(0xBB)),
            )),
            dash: mask(dash),
            ellipsis: mask(_mm_and_si128(e2_80, eq(v2, 0xA6))),
        }
    }

    /// The masks of `low` followed by those of `high` shifted up by `bits`.
    #[inline(always)]
    fn join(low: Classes, high: Classes, bits: u32) -> Classes {
        let j = |a: u64, b: u64| a | (b << bits);
        Classes {
            alnum: j(low.alnum, high.alnum),
            digit: j(low.digit, high.digit),
            cyr: j(low.cyr, high.cyr),
            space: j(low.space, high.space),
            high: j(low.high, high.high),
            term: j(low.term, high.term),
            dot: j(low.dot, high.dot),
            comma: j(low.comma, high.comma),
            colon: j(low.colon, high.colon),
            hyphen: j(low.hyphen, high.hyphen),
            rule: j(low.rule, high.rule),
            smiley: j(low.smiley, high.smiley),
            same_next: j(low.same_next, high.same_next),
            nbsp: j(low.nbsp, high.nbsp),
            guillemet: j(low.guillemet, high.guillemet),
            dash: j(low.dash, high.dash),
            ellipsis: j(low.ellipsis, high.ellipsis),
        }
    }

    /// Proof that the CPU runs AVX-512F, AVX-512BW, BMI1, BMI2, LZCNT and POPCNT: made
    /// only by [`Avx512::detect`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) struct Avx512(());

    #[rustversion::before(1.89)]
    impl Avx512 {
        /// AVX-512 intrinsics are stable from Rust 1.89 on; older compilers build
        /// without this path.
        pub(super) fn detect() -> Option<Self> {
            None
        }

        pub(super) fn fill(
            self,
            bytes: &[u8],
            pos: usize,
            abbreviation_periods: bool,
            windows: &mut Windows,
            scalar_before: &mut usize,
        ) -> usize {
            fill(
                Sse2::new(),
                bytes,
                pos,
                abbreviation_periods,
                windows,
                scalar_before,
            )
        }
    }

    #[rustversion::before(1.89)]
    impl Classify for Avx512 {
        fn classify(self, w: &[u8; WINDOW]) -> Classes {
            Sse2::new().classify(w)
        }
    }

    #[rustversion::since(1.89)]
    impl Avx512 {
        pub(super) fn detect() -> Option<Self> {
            let yes = is_x86_feature_detected!("avx512f")
                && is_x86_feature_detected!("avx512bw")
                && is_x86_feature_detected!("bmi1")
                && is_x86_feature_detected!("bmi2")
                && is_x86_feature_detected!("lzcnt")
                && is_x86_feature_detected!("popcnt");
            yes.then_some(Avx512(()))
        }

        /// [`fill`] compiled for AVX-512, with the classification inlined.
        #[inline]
        pub(super) fn fill(
            self,
            bytes: &[u8],
            pos: usize,
            abbreviation_periods: bool,
            windows: &mut Windows,
            scalar_before: &mut usize,
        ) -> usize {
            // SAFETY: an `Avx512` exists only if `detect` found every feature
            // `fill_avx512` is compiled for.
            unsafe {
                fill_avx512(
                    self,
                    bytes,
                    pos,
                    abbreviation_periods,
                    windows,
                    scalar_before,
                )
            }
        }
    }

    #[rustversion::since(1.89)]
    impl Classify for Avx512 {
        #[inline(always)]
        fn classify(self, w: &[u8; WINDOW]) -> Classes {
            // SAFETY: an `Avx512` exists only if `detect` found AVX-512F and AVX-512BW.
            unsafe { classify_avx512(w) }
        }
    }

    /// # Safety
    ///
    /// The CPU must support AVX-512F, AVX-512BW, BMI1, BMI2, LZCNT and POPCNT.
    #[rustversion::since(1.89)]
    #[target_feature(enable = "avx512f,avx512bw,bmi1,bmi2,lzcnt,popcnt")]
    unsafe fn fill_avx512(
        avx512: Avx512,
        bytes: &[u8],
        pos: usize,
        abbreviation_periods: bool,
        windows: &mut Windows,
        scalar_before: &mut usize,
    ) -> usize {
        fill(
            avx512,
            bytes,
            pos,
            abbreviation_periods,
            windows,
            scalar_before,
        )
    }

    /// Classifies the window with AVX-512BW: each mask is a comparison or a nibble-table
    /// test into a 64-bit mask register.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX-512F and AVX-512BW.
    #[rustversion::since(1.89)]
    #[target_feature(enable = "avx512f,avx512bw")]
    #[inline]
    unsafe fn classify_avx512(w: &[u8; WINDOW]) -> Classes {
        let p = w.as_ptr();
        // SAFETY: `2 + 64 <= WINDOW`, so the three unaligned 64-byte loads read inside `w`.
        let (v, v1, v2) = unsafe {
            (
                _mm512_loadu_si512(p.cast()),
                _mm512_loadu_si512(p.add(1).cast()),
                _mm512_loadu_si512(p.add(2).cast()),
            )
        };
        let splat = |b: u8| _mm512_set1_epi8(b as i8);
        let table = |t: [u8; 16]| {
            let d = |i: usize| i32::from_le_bytes([t[i], t[i + 1], t[i + 2], t[i + 3]]);
            _mm512_set4_epi32(d(12), d(8), d(4), d(0))
        };
        let eq = |a, b: u8| _mm512_cmpeq_epi8_mask(a, splat(b));
        let low_nibble = _mm512_and_si512(v, splat(0x0F));
        let high_nibble = _mm512_and_si512(_mm512_srli_epi16::<4>(v), splat(0x0F));
        let ascii_bit = _mm512_shuffle_epi8(table(ASCII_HIGH_BIT), high_nibble);
        let high_bit = _mm512_shuffle_epi8(table(NON_ASCII_HIGH_BIT), high_nibble);
        let in_set = |set: [u8; 16], bit| {
            _mm512_test_epi8_mask(_mm512_shuffle_epi8(table(set), low_nibble), bit)
        };
        let mouth_next = eq(v1, b'-') | eq(_mm512_and_si512(v1, splat(0xFE)), b'(');
        let c2 = eq(v, 0xC2);
        let e2_80 = eq(v, 0xE2) & eq(v1, 0x80);
        let dash = e2_80
            & _mm512_cmple_epu8_mask(_mm512_sub_epi8(v2, splat(0x93)), splat(0x0B))
            & !eq(v2, 0x99);
        Classes {
            alnum: in_set(ALNUM, ascii_bit),
            digit: _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, splat(b'0')), splat(9)),
            cyr: in_set(CYRILLIC_LEADS, high_bit),
            space: in_set(SPACE, ascii_bit),
            high: _mm512_movepi8_mask(v),
            term: in_set(TERM, ascii_bit),
            dot: eq(v, b'.'),
            comma: eq(v, b','),
            colon: eq(v, b':'),
            hyphen: eq(v, b'-'),
            rule: in_set(RULE, ascii_bit),
            smiley: in_set(EYES, ascii_bit) & mouth_next,
            same_next: _mm512_cmpeq_epi8_mask(v, v1),
            nbsp: c2 & eq(v1, 0xA0),
            guillemet: c2 & eq(_mm512_or_si512(v1, splat(0x10)), 0xBB),
            dash,
            ellipsis: e2_80 & eq(v2, 0xA6),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classifiers() -> Vec<Classifier> {
        [
            Some(Classifier::portable()),
            Classifier::sse2(),
            Classifier::avx2(),
            Classifier::avx512(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Every byte value at every position, next to every interesting neighbour, and every
    /// multi-byte pattern the classes name at every offset.
    #[test]
    fn classifiers_agree_with_the_portable_one() {
        let neighbours = [
            0x00, b' ', b'.', b':', b'-', b'(', 0x80, 0xA0, 0xA6, 0x93, 0x99, 0x9E, 0xBB, 0xC2,
            0xE2,
        ];
        let mut windows = Vec::new();
        for b in 0..=255u8 {
            for &n in &neighbours {
                for shift in 0..3 {
                    let mut w = [n; WINDOW];
                    for i in (shift..WINDOW).step_by(3) {
                        w[i] = b;
                    }
                    windows.push(w);
                }
            }
        }
        let mut patterns: Vec<Vec<u8>> = vec![
            vec![0xC2, 0xA0],
            vec![0xC2, 0xAB],
            vec![0xC2, 0xBB],
            b":-".to_vec(),
            b";(".to_vec(),
            b":)".to_vec(),
        ];
        patterns.extend((0x90..=0xA7).map(|t| vec![0xE2, 0x80, t]));
        for pattern in &patterns {
            for i in 0..WINDOW - pattern.len() {
                let mut w = [b'a'; WINDOW];
                w[i..i + pattern.len()].copy_from_slice(pattern);
                windows.push(w);
            }
        }
        let classifiers = classifiers();
        for w in &windows {
            let expected = classify_portable(w);
            for c in &classifiers {
                assert_eq!(c.classify(w), expected, "{} on {w:x?}", c.name());
            }
        }
    }
}
