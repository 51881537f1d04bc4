//! Bytes to text: a BOM wins, valid UTF-8 is UTF-8, otherwise UTF-16 without
//! BOM (recognised by what its code units decode to), GBK/GB18030 or Big5
//! (`chardetng`). Bytes that do not decode become U+FFFD and are counted.

use encoding_rs::{BIG5, DecoderResult, Encoding, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and what it took.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding as encoding_rs names it (`UTF-8`, `GBK`, `gb18030`,
    /// `Big5`, `UTF-16LE`, ...).
    pub encoding: &'static str,
    /// Byte sequences that did not decode and became U+FFFD.
    pub replaced: usize,
}

/// Why bytes could not be turned into text.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes and not UTF-16.
    Binary,
    /// Most of the text would be U+FFFD whatever the encoding.
    Undecodable { replaced: usize, chars: usize },
}

/// How much of the input the detectors look at.
const SNIFF: usize = 1 << 16;

/// Decodes `bytes`; `forced` is `--encoding`.
pub fn decode(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Ok(Decoded {
            text: String::new(),
            encoding: UTF_8.name(),
            replaced: 0,
        });
    }
    let has_nul = memchr::memchr(0, &bytes).is_some();
    // A BOM wins, even over --encoding: it cannot be there by accident.
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        let (text, replaced) = decode_counting(enc, &bytes[bom_len..]);
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            replaced,
        });
    }
    if let Some(enc) = forced {
        let is_utf16 = enc == UTF_16LE || enc == UTF_16BE;
        if has_nul && !is_utf16 {
            return Err(DecodeError::Binary);
        }
        let (text, replaced) = decode_counting(enc, &bytes);
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            replaced,
        });
    }
    if !has_nul {
        // The common case: one validation pass (SIMD; the standard library's
        // goes a character at a time through Chinese text) and a copy.
        return match simdutf8::basic::from_utf8(&bytes) {
            Ok(text) => Ok(Decoded {
                text: text.to_owned(),
                encoding: UTF_8.name(),
                replaced: 0,
            }),
            Err(_) => decode_non_utf8(bytes, false),
        };
    }
    decode_non_utf8(bytes, true)
}

fn decode_non_utf8(bytes: Vec<u8>, has_nul: bool) -> Result<Decoded, DecodeError> {
    if let Some(enc) = sniff_utf16(&bytes) {
        let (text, replaced) = decode_counting(enc, &bytes);
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            replaced,
        });
    }
    if has_nul {
        return Err(DecodeError::Binary);
    }
    // UTF-8 with a few bad bytes stays UTF-8 (the bad bytes become U+FFFD)
    // rather than being read as a legacy encoding where they all are garbage.
    let (invalid, high) = utf8_errors(&bytes);
    if invalid * 10 <= high {
        let (text, replaced) = decode_counting(UTF_8, &bytes);
        return Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            replaced,
        });
    }
    let enc = detect_legacy(&bytes);
    let (text, replaced) = decode_counting(enc, &bytes);
    let chars = text.chars().count();
    if replaced * 4 > chars {
        return Err(DecodeError::Undecodable { replaced, chars });
    }
    let name = if enc == GBK && has_four_byte_gb18030(&bytes) {
        "gb18030"
    } else {
        enc.name()
    };
    Ok(Decoded {
        text,
        encoding: name,
        replaced,
    })
}

/// Decodes with replacement, counting the malformed sequences.
pub fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut out = String::with_capacity(cap.min(bytes.len().saturating_mul(3)) + 16);
    let mut replaced = 0;
    let mut src = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len() * 3)
                    .max(16);
                out.reserve(more);
            }
            DecoderResult::Malformed(_, _) => {
                replaced += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, replaced)
}

/// (bytes in invalid sequences, bytes >= 0x80) of `bytes` read as UTF-8. In
/// UTF-8 with a few bad bytes nearly all non-ASCII bytes are valid; in GBK or
/// Big5 read as UTF-8 nearly none are.
fn utf8_errors(bytes: &[u8]) -> (usize, usize) {
    let invalid = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    (invalid, high)
}

/// UTF-16 without BOM: the code units, read one way, are overwhelmingly text
/// (ASCII, CJK, CJK punctuation, full-width forms). NUL bytes at every other
/// position (ASCII in UTF-16) make the case quickly; Chinese with no ASCII
/// at all is recognised by its code units falling in the CJK blocks, where
/// GBK or Big5 bytes read as UTF-16 fall in Hangul, surrogates and private use.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF) & !1];
    if sample.len() < 2 {
        return None;
    }
    let units = sample.len() / 2;
    let score = |big_endian: bool| -> usize {
        sample
            .chunks_exact(2)
            .filter(|p| {
                let u = if big_endian {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                };
                is_texty_unit(u)
            })
            .count()
    };
    let (le, be) = (score(false), score(true));
    let (best, enc) = if le >= be {
        (le, UTF_16LE)
    } else {
        (be, UTF_16BE)
    };
    (best * 10 >= units * 9).then_some(enc)
}

fn is_texty_unit(u: u16) -> bool {
    matches!(u,
        0x09 | 0x0A | 0x0D | 0x20..=0x7E
        | 0xA0..=0xFF          // Latin-1 (·, ×, é)
        | 0x2000..=0x206F      // general punctuation (“ ” — …)
        | 0x3000..=0x303F      // CJK punctuation (、。「」)
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xFF00..=0xFFEF      // full-width forms
    )
}

/// GBK or Big5 (or what chardetng says among the legacy CJK encodings).
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(SNIFF * 4)];
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(sample, sample.len() == bytes.len());
    let guess = det.guess(None, chardetng::Utf8Detection::Deny);
    if guess == GBK || guess == BIG5 || guess == encoding_rs::GB18030 {
        return if guess == BIG5 { BIG5 } else { GBK };
    }
    // chardetng thought of something else (EUC-KR, Shift_JIS, windows-1252):
    // take whichever Chinese encoding decodes the sample with fewer errors.
    let errors = |enc| decode_counting(enc, sample).1;
    if errors(BIG5) < errors(GBK) {
        BIG5
    } else {
        GBK
    }
}

/// A GB18030 four-byte sequence (lead 0x81-0xFE, then a digit): the text is
/// GB18030 proper rather than GBK.
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i + 1 < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b) && bytes[i + 1].is_ascii_digit() {
            return true;
        } else {
            i += 2;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "英伟达A800芯片价格应声上涨,至10月20日,其单个价格已经涨至约30万元。";
    const TRAD: &str = "從事大模型開發的國內創業者李鵬,最近切身感受了一把AI芯片行業的瘋狂。";

    fn enc(e: &'static Encoding, s: &str) -> Vec<u8> {
        let (b, _, bad) = e.encode(s);
        assert!(!bad);
        b.into_owned()
    }

    #[test]
    fn utf8_is_utf8() {
        let d = decode(LINE.as_bytes().to_vec(), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.replaced),
            (LINE, "UTF-8", 0)
        );
    }

    #[test]
    fn gbk_and_big5_are_detected() {
        let d = decode(enc(GBK, LINE), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.replaced), (LINE, "GBK", 0));
        let d = decode(enc(BIG5, TRAD), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.replaced), (TRAD, "Big5", 0));
    }

    #[test]
    fn utf16_without_bom_is_detected_with_and_without_ascii() {
        for s in [LINE, "国产大模型的路更难走了"] {
            let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let d = decode(le, None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (s, "UTF-16LE"));
            let d = decode(be, None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (s, "UTF-16BE"));
        }
    }

    #[test]
    fn boms_win_and_are_dropped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(LINE.as_bytes());
        assert_eq!(decode(b, None).unwrap().text, LINE);
        let mut b = vec![0xFE, 0xFF];
        b.extend(LINE.encode_utf16().flat_map(u16::to_be_bytes));
        let d = decode(b, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (LINE, "UTF-16BE"));
    }

    #[test]
    fn bad_bytes_in_utf8_are_counted_not_reinterpreted() {
        let mut b = LINE.as_bytes().to_vec();
        b.insert(6, 0xFF);
        b.extend_from_slice(&[0xE4, 0xB8]); // truncated 中
        let d = decode(b, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced, 2);
        assert!(d.text.starts_with("英伟\u{FFFD}达"));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
        assert_eq!(decode(png, None).unwrap_err(), DecodeError::Binary);
        assert_eq!(
            decode(vec![0; 4096], None).unwrap_err(),
            DecodeError::Binary
        );
    }

    #[test]
    fn forced_encoding_overrides_and_counts_damage() {
        let gbk = enc(
            GBK,
            "國產大模型的路更難走了,英偉達芯片價格暴漲的背後,離不開美國商務部工業與安全局(BIS)出臺的新規定。",
        );
        let d = decode(gbk, Some(BIG5)).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert!(d.replaced > 0, "{d:?}");
        let d = decode(enc(GBK, LINE), Some(GBK)).unwrap();
        assert_eq!((d.text.as_str(), d.replaced), (LINE, 0));
        // ...but not over a BOM.
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(LINE.as_bytes());
        let d = decode(b, Some(BIG5)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (LINE, "UTF-8"));
    }

    #[test]
    fn gb18030_four_byte_sequences_are_named() {
        let s = "美国商务部工业与安全局(BIS)• 出台新规";
        let d = decode(enc(encoding_rs::GB18030, s), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, "gb18030"));
    }
}
