//! The rayon pool every parallel call of the module runs on, made again in a forked child.
//!
//! rayon's global pool is a set of threads of the process that built it; `fork()` copies
//! only the calling thread, so in a child (`multiprocessing`'s `fork` start method,
//! gunicorn's preload, PyTorch's DataLoader workers) the global pool's workers do not exist
//! and the first parallel call waits for them forever. The module never uses the global
//! pool: its pool remembers the process that built it, and a call from another process
//! (a forked child) builds a fresh pool there (the parent's is leaked, its threads being
//! gone). `RAYON_NUM_THREADS` sizes the pool as it would the global one.

use std::sync::{Arc, Mutex, PoisonError};

use pyo3::Python;

/// The pool and the id of the process that built it.
static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// This process's pool, built on first use (or first use after a fork).
fn pool() -> Option<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    match &*slot {
        Some((owner, pool)) if *owner == pid => return Some(Arc::clone(pool)),
        Some(_) => {
            // Built by the parent before a fork: its threads are not in this process, so
            // dropping it could wait on them. Leak it.
            if let Some((_, stale)) = slot.take() {
                std::mem::forget(stale);
            }
        }
        None => {}
    }
    let pool = Arc::new(rayon::ThreadPoolBuilder::new().build().ok()?);
    *slot = Some((pid, Arc::clone(&pool)));
    Some(pool)
}

/// Runs `f` without the GIL on this process's pool (so `par_iter` and the library's
/// parallel paths inside `f` use it); sequentially on this thread if no pool can be built.
pub fn detach_par<T, F>(py: Python<'_>, f: F) -> T
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    py.detach(|| match pool() {
        Some(pool) => pool.install(f),
        None => f(),
    })
}
