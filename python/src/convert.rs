//! Conversions shared by the bindings: errors, pickled state, code-point offsets, CSR parts.

use numpy::IntoPyArray;
use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyOverflowError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use serde::de::DeserializeOwned;
use serde::Serialize;
use slovo::CsrMatrix;

/// Version of the pickled state of every class (bumped when a class's state changes).
pub const STATE_VERSION: u32 = 1;

/// Maps a `slovo::Error` onto the Python exception a user expects: files → `OSError`
/// (the errno picks the subclass, e.g. `FileNotFoundError`), everything else → `ValueError`.
pub fn to_py_err(err: slovo::Error) -> PyErr {
    use slovo::Error as E;
    let message = err.to_string();
    match &err {
        E::Io { path, source } => {
            // Python shows no cause chain: the OS's message goes into this one.
            let message = format!("{message}: {source}");
            let path = path.display().to_string();
            match (source.raw_os_error(), source.kind()) {
                (Some(errno), _) => PyOSError::new_err((errno, message, path)),
                (None, std::io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(message),
                (None, std::io::ErrorKind::PermissionDenied) => PyPermissionError::new_err(message),
                (None, _) => PyOSError::new_err(message),
            }
        }
        E::InvalidUtf8 { .. }
        | E::InvalidUtf16 { .. }
        | E::UnknownEncoding { .. }
        | E::InvalidOption { .. }
        | E::CorruptModel { .. }
        | E::IncompatibleModel { .. }
        | E::NotFitted { .. } => PyValueError::new_err(message),
        E::CountOverflow { .. } => PyOverflowError::new_err(message),
        // `slovo::Error` is non-exhaustive: a variant added later is a bad value until
        // it gets its own mapping here.
        _ => PyValueError::new_err(message),
    }
}

/// `Result<T, slovo::Error>` → `PyResult<T>`.
pub fn py_result<T>(result: slovo::Result<T>) -> PyResult<T> {
    result.map_err(to_py_err)
}

/// Pickled state: postcard bytes of `(class name, STATE_VERSION, value)`.
pub fn encode_state<'py, T: Serialize>(
    py: Python<'py>,
    class: &str,
    value: &T,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = postcard::to_allocvec(&(class, STATE_VERSION, value))
        .map_err(|e| PyValueError::new_err(format!("cannot pickle slovo.{class}: {e}")))?;
    Ok(PyBytes::new(py, &bytes))
}

/// Reads state written by [`encode_state`]; anything else is a `ValueError`.
pub fn decode_state<T: DeserializeOwned>(class: &str, state: &Bound<'_, PyAny>) -> PyResult<T> {
    let bytes = state_bytes(class, state)?;
    let bad = |why: String| PyValueError::new_err(format!("corrupt pickled slovo.{class}: {why}"));
    let ((found, version, value), rest): ((String, u32, T), &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|e| bad(e.to_string()))?;
    if found != class {
        return Err(bad(format!("state of {found:?}")));
    }
    if version != STATE_VERSION {
        return Err(PyValueError::new_err(format!(
            "pickled slovo.{class} has state version {version}; this build reads version \
             {STATE_VERSION}"
        )));
    }
    if !rest.is_empty() {
        return Err(bad(format!("{} trailing bytes", rest.len())));
    }
    Ok(value)
}

/// The bytes of a pickled state, or a `ValueError` for anything that is not `bytes`.
pub fn state_bytes<'a>(class: &str, state: &'a Bound<'_, PyAny>) -> PyResult<&'a [u8]> {
    state
        .cast::<PyBytes>()
        .map(|b| b.as_bytes())
        .map_err(|_| PyValueError::new_err(format!("corrupt pickled slovo.{class}: not bytes")))
}

/// `(data, indices, indptr, shape)` of a CSR matrix as NumPy arrays that own the Rust
/// buffers (indices and data are not copied), with int32 indices as scikit-learn uses
/// when they fit, int64 otherwise.
pub fn csr_parts(py: Python<'_>, matrix: CsrMatrix) -> PyResult<Bound<'_, PyTuple>> {
    let (rows, cols, indptr, indices, data) = matrix.into_parts();
    let data = data.into_pyarray(py).into_any();
    let small = indices.len() <= i32::MAX as usize && cols <= i32::MAX as usize;
    let (indices, indptr) = if small {
        // Same-size element type: the collect reuses the `indices` buffer.
        let indices: Vec<i32> = indices.into_iter().map(|i| i as i32).collect();
        let indptr: Vec<i32> = indptr.into_iter().map(|p| p as i32).collect();
        (
            indices.into_pyarray(py).into_any(),
            indptr.into_pyarray(py).into_any(),
        )
    } else {
        let indices: Vec<i64> = indices.into_iter().map(i64::from).collect();
        let indptr: Vec<i64> = indptr.into_iter().map(|p| p as i64).collect();
        (
            indices.into_pyarray(py).into_any(),
            indptr.into_pyarray(py).into_any(),
        )
    };
    (data, indices, indptr, (rows, cols)).into_pyobject(py)
}

/// A list (any iterable) of `str` as an argument, with errors in Python's terms ("expected
/// an iterable of str, not str") instead of PyO3's ("Can't extract `str` to `Vec`").
pub struct Texts<'py>(pub Vec<Bound<'py, pyo3::types::PyString>>);

impl<'py> Texts<'py> {
    /// The texts as owned Rust strings (a `str` with lone surrogates keeps its
    /// `UnicodeEncodeError`).
    pub fn to_strings(&self) -> PyResult<Vec<String>> {
        self.0
            .iter()
            .map(|t| t.to_cow().map(|c| c.into_owned()))
            .collect()
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Texts<'py> {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        use pyo3::types::PyString;
        let obj = obj.to_owned();
        if obj.is_instance_of::<PyString>() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "expected an iterable of str, not a single str",
            ));
        }
        let iter = obj.try_iter().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "expected an iterable of str, not {}",
                crate::type_name(&obj)
            ))
        })?;
        let mut texts = Vec::with_capacity(obj.len().unwrap_or(0));
        for item in iter {
            let item = item?;
            let text = item.cast_into::<PyString>().map_err(|e| {
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "expected an iterable of str, found {}",
                    crate::type_name(e.into_inner().as_any())
                ))
            })?;
            texts.push(text);
        }
        Ok(Texts(texts))
    }
}

/// A Python `repr` of a `str` (single quotes unless the text holds one).
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `True` / `False`.
pub fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}
