/// A faster allocator than the system one for a read of thousands of files (a tenth of a
/// cold index's CPU time went to glibc's malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(diglot::cli::main());
}
