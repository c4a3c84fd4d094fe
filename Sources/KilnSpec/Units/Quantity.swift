/// A parsed value with its dimension, in the dimension's canonical unit, keeping the text as the
/// author wrote it (plans and messages show that text).
public struct Quantity: Sendable, Hashable {
  public var value: Double
  public var dimension: Dimension
  public var text: String

  public init(value: Double, dimension: Dimension, text: String) {
    self.value = value
    self.dimension = dimension
    self.text = text
  }
}
