//! `slovo` command-line tool (bootstrap).
fn main() {
    let text = include_str!("../../examples/data/kazinform_eu_ru.txt");
    println!("{}", slovo::tokenize(text).count());
}
