//! gzip, told by its magic bytes (not the file name): a gzipped article or
//! JSON Lines file is decompressed on the fly, whatever it is called.

use std::io::{self, BufRead, BufReader, Chain, Cursor, Read};

use flate2::read::MultiGzDecoder;

/// The first two bytes of every gzip member (RFC 1952).
pub const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether `bytes` start like gzip data.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// Decompresses a whole gzip file (every member, as `gzip -d` does).
/// A truncated or corrupt stream is an error, never partial text.
pub fn gunzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4));
    MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(describe)?;
    Ok(out)
}

/// What a reader of gzip data failed on, in words a user can act on.
pub fn describe(e: io::Error) -> io::Error {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "truncated gzip data (unexpected end of the compressed stream)",
        )
    } else if e.kind() == io::ErrorKind::InvalidInput || e.kind() == io::ErrorKind::InvalidData {
        io::Error::new(e.kind(), format!("corrupt gzip data: {e}"))
    } else {
        e
    }
}

/// The first bytes of a stream, read ahead and put back.
type Peeked<R> = Chain<Cursor<Vec<u8>>, R>;

/// A buffered reader of `inner` that decompresses it when it starts with the
/// gzip magic, and otherwise hands its bytes through unchanged. Works on
/// pipes too: it waits for the first two bytes instead of trusting one read.
pub fn maybe_gunzip<R: Read + 'static>(mut inner: R) -> io::Result<Box<dyn BufRead>> {
    let mut head = Vec::with_capacity(2);
    while head.len() < 2 {
        let mut byte = [0u8; 2];
        let want = 2 - head.len();
        match inner.read(&mut byte[..want]) {
            Ok(0) => break,
            Ok(n) => head.extend_from_slice(&byte[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let gz = is_gzip(&head);
    let stream: Peeked<R> = Cursor::new(head).chain(inner);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            GzErrors(MultiGzDecoder::new(stream)),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, stream))
    })
}

/// Turns a decoder's errors into [`describe`]d ones.
struct GzErrors<R>(R);

impl<R: Read> Read for GzErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(describe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    const TEXT: &str = "英伟达A800芯片的价格从12万元涨到了25万元。\n华为昇腾910B\n";

    #[test]
    fn gzip_is_told_by_its_magic_and_round_trips() {
        let z = gz(TEXT.as_bytes());
        assert!(is_gzip(&z));
        assert!(!is_gzip(TEXT.as_bytes()));
        assert!(!is_gzip(&[0x1f]));
        assert_eq!(gunzip(&z).unwrap(), TEXT.as_bytes());
    }

    #[test]
    fn concatenated_members_are_all_read() {
        let mut z = gz("第一段\n".as_bytes());
        z.extend(gz("第二段\n".as_bytes()));
        assert_eq!(gunzip(&z).unwrap(), "第一段\n第二段\n".as_bytes());
        let mut r = maybe_gunzip(Cursor::new(z)).unwrap();
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "第一段\n第二段\n");
    }

    #[test]
    fn a_truncated_stream_is_an_error_not_short_text() {
        let z = gz(TEXT.repeat(50).as_bytes());
        let cut = &z[..z.len() / 2];
        let e = gunzip(cut).unwrap_err();
        assert!(e.to_string().contains("truncated gzip"), "{e}");
        let mut r = maybe_gunzip(Cursor::new(cut.to_vec())).unwrap();
        let mut v = Vec::new();
        let e = r.read_to_end(&mut v).unwrap_err();
        assert!(e.to_string().contains("truncated gzip"), "{e}");
        // Only the trailer missing is truncated too.
        let e = gunzip(&z[..z.len() - 4]).unwrap_err();
        assert!(e.to_string().contains("gzip"), "{e}");
    }

    #[test]
    fn plain_bytes_pass_through_even_one_byte_at_a_time() {
        /// A pipe that hands over one byte per read.
        struct Trickle(Vec<u8>, usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.1 >= self.0.len() || buf.is_empty() {
                    return Ok(0);
                }
                buf[0] = self.0[self.1];
                self.1 += 1;
                Ok(1)
            }
        }
        for data in [TEXT.as_bytes().to_vec(), gz(TEXT.as_bytes())] {
            let mut r = maybe_gunzip(Trickle(data, 0)).unwrap();
            let mut s = String::new();
            r.read_to_string(&mut s).unwrap();
            assert_eq!(s, TEXT);
        }
        for short in [vec![], vec![b'x']] {
            let mut r = maybe_gunzip(Cursor::new(short.clone())).unwrap();
            let mut v = Vec::new();
            r.read_to_end(&mut v).unwrap();
            assert_eq!(v, short);
        }
    }
}
