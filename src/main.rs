// mimalloc: chipscan allocates many small short-lived values per sentence;
// measured faster than the system allocator (README, Performance).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    chipscan::cli::main()
}
