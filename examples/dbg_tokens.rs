fn main() {
    let text = std::env::args().nth(1).unwrap();
    for t in slovo::tokenize(&text) {
        print!("[{}:{:?}] ", t.text, t.kind);
    }
    println!();
    for s in slovo::sentences(&text) {
        println!("| {}", s.text);
    }
}
