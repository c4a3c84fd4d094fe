/// ISO 3166-1 alpha-2 codes with EU and EEA membership, shipped with Kiln in jurisdictions.tsv: the ISO 3166-1
/// country list as the pycountry package (26.2.16) carries it, and membership as the EU publishes it (the 27
/// member states since 2020-02-01; the EEA adds Iceland, Liechtenstein and Norway).
public struct Jurisdictions: Sendable {
  public struct Country: Sendable {
    public var code: String
    public var name: String
    public var isEU: Bool
    public var isEEA: Bool
  }

  public let countries: [String: Country]

  public init() {
    var countries: [String: Country] = [:]
    let text = String(decoding: PackageResources.jurisdictions_tsv, as: UTF8.self)
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("code\t") {
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard columns.count >= 4 else { continue }
      countries[columns[0]] = Country(
        code: columns[0], name: columns[1], isEU: columns[2] == "yes", isEEA: columns[3] == "yes")
    }
    self.countries = countries
  }

  /// Every accepted code: the countries plus the EU and EEA groups.
  public var allCodes: [String] { countries.keys.sorted() + ["EEA", "EU"] }

  public func isKnown(_ code: String) -> Bool { code == "EU" || code == "EEA" || countries[code] != nil }

  /// Whether a site in `site` (a country or group) lies inside `region`'s jurisdiction.
  public func contains(_ region: String, _ site: String) -> Bool {
    if region == site { return true }
    guard let country = countries[site] else { return region == "EEA" && site == "EU" }
    switch region {
    case "EU": return country.isEU
    case "EEA": return country.isEEA
    default: return false
    }
  }
}
