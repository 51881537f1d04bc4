fn main() -> std::process::ExitCode {
    chipscan::cli::main()
}
