//! A global allocator that overwrites every block with zeros before freeing it.
//!
//! Secrets pass through many short-lived buffers: the string wasm-bindgen copies out of an input,
//! the joined `key:secret`, the token, Yew's virtual DOM. Zeroing on free means that once the
//! widget lets go of a value (Clear, auto-clear, unmount), no copy of it stays behind in wasm
//! linear memory, without having to track every copy by hand.

use std::alloc::{GlobalAlloc, Layout, System};

use zeroize::Zeroize;

/// Wraps the system allocator; frees only after zeroing.
pub struct ZeroingAllocator;

// The workspace denies unsafe code. A global allocator cannot be written without it: the trait is
// `unsafe` to implement, and its methods hand raw pointers to the system allocator. It is allowed
// here and nowhere else.
//
// SAFETY: every method forwards to `System` with the caller's own pointer and layout; the only
// addition is writing zeros into a block the caller owns and is about to give back.
#[allow(
    unsafe_code,
    reason = "GlobalAlloc is an unsafe trait over raw pointers"
)]
unsafe impl GlobalAlloc for ZeroingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator with `layout`, so it is valid for
        // `layout.size()` bytes and no one else uses it any more.
        let block = unsafe { std::slice::from_raw_parts_mut(ptr, layout.size()) };
        // Volatile writes: the optimiser may not drop stores to memory that is about to be freed.
        block.zeroize();
        // SAFETY: the same pointer and layout it was allocated with.
        unsafe { System.dealloc(ptr, layout) }
    }

    // `realloc` keeps the trait's default (allocate, copy, `dealloc`), so the old block of a
    // growing string is zeroed too, rather than left behind by an in-place resize of the system
    // allocator.
}
