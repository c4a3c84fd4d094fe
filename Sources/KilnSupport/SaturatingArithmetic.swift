extension Int {
  /// A Double as an Int without trapping: rounded toward zero, clamped to Int's range, NaN as 0. Every
  /// Double → Int conversion of a figure goes through this, so no input of any size stops Kiln on a signal.
  public init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= 9.223_372_036_854_775e18 {
      self = Int.max
    } else if value <= -9.223_372_036_854_775e18 {
      self = Int.min
    } else {
      self = Int(value)
    }
  }
}

/// a × b for counts, at Int.max rather than trapping: capacities of huge radixes, object counts of huge
/// projects, GPUs of absurd parallel degrees.
public func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
  let (product, overflow) = a.multipliedReportingOverflow(by: b)
  return overflow ? Int.max : product
}

/// a + b for counts, at Int.max rather than trapping.
public func saturatingAdd(_ a: Int, _ b: Int) -> Int {
  let (sum, overflow) = a.addingReportingOverflow(b)
  return overflow ? Int.max : sum
}
