//! Prints the character tables ferrous-opencc's t2s and s2t give, in the
//! format of `src/load/t2s_tables.txt`:
//! `cargo run --example t2s_tables > src/load/t2s_tables.txt`.

fn main() {
    match chipscan::load::script::ferrous_tables_text() {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("t2s_tables: {e}");
            std::process::exit(2);
        }
    }
}
