//! The directory check's measure (docs/performance.md «The directory check»): users per second
//! and the worker's memory high-water mark for generated exports of 100,000 and 1,000,000
//! users, each pass fed in 1 MiB slices as the page sends them. Not a test: it prints.
//!
//! `cargo run --release -p scim-token-core --example directory_measure`
//!
//! Memory is counted by a global allocator that adds up what is allocated and not yet freed;
//! the high-water mark is taken over each pass from the moment the file (which the page
//! never holds whole: it stands in for the `File` on disk) is already made. Native pointers
//! are 8 bytes against wasm's 4, so the wasm worker holds at most this much.
#![allow(
    unsafe_code,
    reason = "a counting global allocator, in this measuring tool only"
)]
#![allow(missing_docs, reason = "an example binary")]

#[path = "../tests/support/export.rs"]
#[allow(
    dead_code,
    reason = "the tests' generator; the measure uses part of it"
)]
mod export;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use scim_token_core::directory::limits::SLICE_BYTES;
use scim_token_core::directory::{
    CheckSpec, DirectoryAnswer, DirectoryQuestion, DirectoryWorker, Pass,
};
use scim_token_core::lang::Lang;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's layout is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One pass in 1 MiB slices: its time, its longest answer, and the memory high-water mark
/// above what was live before it.
fn pass(file: &[u8], pass: Pass) -> (Duration, Duration, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let mut longest = Duration::ZERO;
    let mut worker = DirectoryWorker::default();
    let file_size = file.len() as u64;
    let started = worker.answer(DirectoryQuestion::Start {
        job: 1,
        lang: Lang::En,
        file_size,
        pass,
    });
    assert!(
        matches!(started, DirectoryAnswer::Progress { .. }),
        "{started:?}"
    );
    let mut offset = 0usize;
    let mut results = 0usize;
    loop {
        let bytes = file[offset..(offset + SLICE_BYTES).min(file.len())].to_vec();
        let asked = Instant::now();
        let answer = worker.answer(DirectoryQuestion::Slice {
            job: 1,
            offset: offset as u64,
            bytes,
        });
        longest = longest.max(asked.elapsed());
        match answer {
            DirectoryAnswer::Progress {
                next_offset, csv, ..
            } => {
                // The page hands each part to a Blob at once.
                results += csv.len();
                offset = next_offset as usize;
            }
            DirectoryAnswer::Failed { message, .. } => panic!("{message}"),
            _ => break,
        }
    }
    let took = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(worker);
    let _ = results;
    (took, longest, peak)
}

/// The worst case for time and memory: every user's department distinct and long (every row
/// evaluated, every group's map full), with a long key.
fn distinct(users: usize) -> Vec<u8> {
    let mut file = String::from("userPrincipalName;displayName;jobTitle;department\r\n");
    for i in 0..users {
        let key = format!("{}{i}@contoso.com", "k".repeat(60));
        file.push_str(&format!(
            "{key};Name {i};Title;Organisation {i} with a long name > Division {i} of it > Department {i} and more words\r\n"
        ));
    }
    file.into_bytes()
}

fn main() {
    let shape = export::Shape {
        delimiter: ';',
        bom: true,
        crlf: true,
    };
    for users in [100_000usize, 1_000_000] {
        let (file, _) = export::export(users, shape);
        measure(users, "generated export", &file);
    }
    for users in [100_000usize, 1_000_000] {
        measure(users, "every department distinct", &distinct(users));
    }
}

fn measure(users: usize, what: &str, file: &[u8]) {
    {
        let spec = CheckSpec {
            column: 3,
            key_column: Some(0),
            source: "department".to_owned(),
            delimiter: '>',
            levels: export::levels(),
        };
        println!("{users} users, {what}, {:.1} MB:", file.len() as f64 / 1e6);
        for (name, which) in [
            ("survey", Pass::Survey { column: 3 }),
            ("check", Pass::Check(spec.clone())),
            ("results", Pass::Results(spec)),
        ] {
            let (took, longest, peak) = pass(file, which);
            println!(
                "  {name:8} {:>9.0} users/s  {:>7.1} ms in all  longest answer {:>5.1} ms  high-water {:>6.2} MB",
                users as f64 / took.as_secs_f64(),
                took.as_secs_f64() * 1e3,
                longest.as_secs_f64() * 1e3,
                peak as f64 / 1e6,
            );
        }
    }
}
