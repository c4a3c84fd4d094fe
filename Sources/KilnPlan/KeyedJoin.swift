/// The items of two versions matched by key, in key order; where a key repeats, its first item wins
/// (a duplicate is a K2 error the plan never gets to see).
enum KeyedJoin {
  static func pairs<Item>(_ before: [Item], _ after: [Item], key: (Item) -> String) -> [(
    key: String, before: Item?, after: Item?
  )] {
    let old = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    let new = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    return Set(old.keys).union(new.keys).sorted().map { ($0, old[$0], new[$0]) }
  }
}
