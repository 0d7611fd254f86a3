//! Atomic file saves: the bytes go to a temporary file beside the target, are synced to
//! disk, and the temporary file is renamed over the target. A failure at any point (full
//! disk, permissions, a signal) leaves the previous file byte-identical. The temporary
//! file `.<name>.tmp-<pid>` is removed on every error this process sees and, on Unix, by a
//! handler of SIGINT, SIGTERM, SIGHUP and SIGQUIT, which then lets the signal end the
//! process as it would have. Only SIGKILL (or a crash of the machine) can leave it behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Writes to `path` atomically what `write` writes into the temporary file.
pub fn write_atomic_with<F>(path: &Path, write: F) -> io::Result<()>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let tmp = temp_path(path)?;
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        // From here until the rename, a signal removes the temporary file.
        let _cleanup = signals::RemoveOnSignal::new(&tmp);
        write(&mut file)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // The rename itself is durable once the directory is synced (best effort: some
        // file systems cannot open a directory).
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `.<name>.tmp-<pid>` in `path`'s directory (the same file system, so the rename is
/// atomic).
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".tmp-{}", std::process::id()));
    Ok(path.with_file_name(tmp))
}

/// Removing the temporary file when a signal ends the process.
#[cfg(unix)]
mod signals {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr;
    use std::sync::atomic::{AtomicPtr, Ordering};

    use libc::{c_char, c_int, sighandler_t};

    /// The signals that end a process by default and that a user sends to stop a run.
    const SIGNALS: [c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

    /// The path to remove, owned by whoever swaps it out: the handler or the guard's drop.
    static TEMP: AtomicPtr<c_char> = AtomicPtr::new(ptr::null_mut());

    extern "C" fn on_signal(signal: c_int) {
        let path = TEMP.swap(ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: `unlink`, `signal` and `raise` are async-signal-safe; `path` is a
        // NUL-terminated string leaked by `RemoveOnSignal::new` and swapped out of `TEMP`
        // here, so nothing frees it while it is used.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
            // The default action again, delivered when this handler returns: the process
            // ends by this signal (exit status, core dump) as it would have without us.
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    /// While alive, SIGINT/SIGTERM/SIGHUP/SIGQUIT remove the file before ending the
    /// process; dropping it restores the previous handlers. Signals the process ignores
    /// (`nohup`) stay ignored.
    pub struct RemoveOnSignal {
        previous: [sighandler_t; SIGNALS.len()],
    }

    impl RemoveOnSignal {
        pub fn new(path: &Path) -> Self {
            let mut previous = [libc::SIG_DFL; SIGNALS.len()];
            let Ok(path) = CString::new(path.as_os_str().as_bytes()) else {
                // A path with NUL could not have been created: nothing to remove.
                return RemoveOnSignal { previous };
            };
            let old = TEMP.swap(path.into_raw(), Ordering::SeqCst);
            free(old);
            let handler = on_signal as extern "C" fn(c_int) as sighandler_t;
            for (signal, previous) in SIGNALS.iter().zip(&mut previous) {
                // SAFETY: installs a handler that only makes async-signal-safe calls.
                *previous = unsafe { libc::signal(*signal, handler) };
                if *previous == libc::SIG_IGN {
                    // SAFETY: restores the disposition the process chose.
                    unsafe { libc::signal(*signal, libc::SIG_IGN) };
                }
            }
            RemoveOnSignal { previous }
        }
    }

    impl Drop for RemoveOnSignal {
        fn drop(&mut self) {
            for (signal, previous) in SIGNALS.iter().zip(&self.previous) {
                if *previous != libc::SIG_ERR {
                    // SAFETY: puts back the handler `signal` returned in `new`.
                    unsafe { libc::signal(*signal, *previous) };
                }
            }
            free(TEMP.swap(ptr::null_mut(), Ordering::SeqCst));
        }
    }

    fn free(path: *mut c_char) {
        if !path.is_null() {
            // SAFETY: `path` came from `CString::into_raw` and was swapped out of `TEMP`,
            // so this is its only owner.
            drop(unsafe { CString::from_raw(path) });
        }
    }
}

/// Elsewhere, only the removal on errors.
#[cfg(not(unix))]
mod signals {
    pub struct RemoveOnSignal;

    impl RemoveOnSignal {
        pub fn new(_path: &std::path::Path) -> Self {
            RemoveOnSignal
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("slovo-save-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A disk that fills up after `n` bytes: the write fails part-way and the previous
    /// file is untouched, with no temporary file left behind.
    #[test]
    fn a_write_failing_part_way_leaves_the_previous_file() {
        let dir = scratch_dir("full");
        let path = dir.join("m.model");
        fs::write(&path, b"the previous model").unwrap();
        let err = write_atomic_with(&path, |file| {
            file.write_all(&[7; 1000])?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).unwrap(), b"the previous model");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_save_replaces_the_file() {
        let dir = scratch_dir("ok");
        let path = dir.join("m.model");
        fs::write(&path, b"old").unwrap();
        write_atomic(&path, b"new bytes").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new bytes");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A signal during the write (SIGTERM from `kill`, SIGINT from Ctrl-C) ends the process
    /// by that signal, leaves the previous file byte-identical and removes the temporary
    /// file. The save runs in a child process (this test binary again, running
    /// `signal_child` only), which sends itself the signal half-way through the write.
    #[cfg(unix)]
    #[test]
    fn a_signal_during_the_write_leaves_the_previous_file_and_no_temporary_file() {
        use std::os::unix::process::ExitStatusExt;
        for signal in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
            let dir = scratch_dir(&format!("signal-{signal}"));
            let path = dir.join("m.model");
            fs::write(&path, b"the previous model").unwrap();
            let status = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "save::tests::signal_child", "--nocapture"])
                .env(
                    "SLOVO_TEST_SIGNAL_CHILD",
                    format!("{signal} {}", path.display()),
                )
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            assert_eq!(status.signal(), Some(signal), "{status:?}");
            assert_eq!(fs::read(&path).unwrap(), b"the previous model");
            let names: Vec<_> = fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, ["m.model"]);
            fs::remove_dir_all(&dir).unwrap();
        }
    }

    /// The child of the test above; does nothing when run on its own.
    #[cfg(unix)]
    #[test]
    fn signal_child() {
        let Ok(task) = std::env::var("SLOVO_TEST_SIGNAL_CHILD") else {
            return;
        };
        let (signal, path) = task.split_once(' ').unwrap();
        let signal: libc::c_int = signal.parse().unwrap();
        let _ = write_atomic_with(Path::new(path), |file| {
            file.write_all(&[7; 1000])?;
            // SAFETY: sends this process a signal; the save's handler is installed.
            unsafe { libc::raise(signal) };
            file.write_all(&[7; 1000])
        });
        unreachable!("the signal ends the process");
    }
}
