fn main() {
    std::process::exit(diglot::cli::main());
}
