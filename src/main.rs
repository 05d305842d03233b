/// A faster allocator than the system one for a read of thousands of files (a tenth of a
/// cold index's CPU time went to glibc's malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // mimalloc asks for transparent huge pages on its arena: each first touch of 2 MiB
    // then zeroes it whole (three quarters of the reader's CPU before its first rows at
    // 50,000 files) and the memory is held in 2 MiB steps (an 8 MiB article's quotes
    // 202 -> 178 MB). Refused for this process; where the system lacks the switch,
    // nothing changes.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    std::process::exit(diglot::cli::main());
}
