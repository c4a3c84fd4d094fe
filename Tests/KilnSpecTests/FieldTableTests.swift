import Foundation
import Testing
import _KilnTestSupport

@testable import KilnSpec

/// The field tables are the one definition of the language: their defaults decode, and no other code
/// reads a spec field by its name.
@Suite struct FieldTableTests {
  /// Every field of every table, with its path.
  static var fields: [(path: String, field: FieldSchema)] {
    var out: [(String, FieldSchema)] = []
    func walk(_ schema: ObjectSchema, _ prefix: String) {
      for field in schema.fields {
        out.append((prefix + field.name, field))
        switch field.type {
        case .object(let object), .list(.object(let object)), .objectMap(let object):
          walk(object, prefix + field.name + ".")
        default: break
        }
      }
    }
    for (name, schema) in FieldReference.sections { walk(schema, name + ":") }
    walk(EnvelopeSchema.metadata, "metadata:")
    return out
  }

  /// A default written in a table is decoded by the field's own type, as an author's value is.
  @Test func everyDefaultValueDecodes() {
    var checked = 0
    for (path, field) in Self.fields {
      guard case .value(let text) = field.defaultValue else { continue }
      checked += 1
      switch field.type {
      case .list(let item):
        for value in DefaultValue.items(text) {
          #expect(DefaultValue.decode(value, as: item) != nil, "\(path): default item '\(value)' does not decode")
        }
      case .textMap:
        #expect(text == "{}", "\(path): a map's default is written {}")
      default:
        #expect(DefaultValue.decode(text, as: field.type) != nil, "\(path): default '\(text)' does not decode")
      }
    }
    #expect(checked > 30)
  }

  /// Applied defaults equal the tables' (a sample read back through the typed records).
  @Test func recordsTakeTheirDefaultsFromTheTables() {
    let project = ProjectSpec.defaults
    #expect(project.lifetime.value == 4 * 365 * 86_400 && project.lifetime.isDefault)
    #expect(project.include.map(\.value) == ["**/*.yaml", "**/*.yml"])
    #expect(project.kubernetes.version.value == "1.31")
    #expect(project.kubernetes.namespacePrefix.value == "")
    let site = SiteSpec.defaults
    #expect(site.pue.value == 1.3 && site.rackUnits.value == 42 && site.cooling.value == .air)
    #expect(site.rackPowerLimit.value == SiteSpec.defaultRackPowerLimit(.air))
    let fabric = FabricSpec.defaults
    #expect(fabric.tiers.value == nil && fabric.oversubscription.value == 1)
    let serving = RegionSpec.Serving.defaults
    #expect(serving.engine.value == .vllm && serving.image.value == RegionSpec.Engine.vllm.defaultImage)
    #expect(serving.gpuMemoryUtilization.value == 0.9 && serving.maxReplicas.value == serving.minReplicas.value)
    #expect(TransceiverModel.defaults.ports == 1 && SwitchModel.defaults.rackUnits == 1)
    #expect(ModelSpec.defaults.contextLength.value == 8_192)
  }

  /// Code outside the tables reads fields through typed records, never by a name in quotes: no
  /// subscript, key range or key comparison with a field name. (Messages, output formats' own keys
  /// and CLI options may use the same words.)
  @Test func noCodeReadsAFieldByName() throws {
    let names = Set(Self.fields.map(\.field.name))
    let tableFiles = [
      "Sources/KilnSpec/Model/Kinds/", "Sources/KilnSpec/Model/CatalogEntries/",
      "Sources/KilnSpec/Schema/SpecKind.swift",
      "Sources/KilnSpec/Schema/FieldTypes.swift",
    ]
    let read = try NSRegularExpression(
      pattern: #"(\[\s*"([A-Za-z0-9]+)"\s*\])|(keyRange\(of:\s*"([A-Za-z0-9]+)"\))|(\.value\s*==\s*"([A-Za-z0-9]+)")"#)
    var found: [String] = []
    let root = Golden.repositoryRoot
    let files = FileManager.default.enumerator(atPath: root + "/Sources")?.compactMap { $0 as? String } ?? []
    for file in files.sorted() where file.hasSuffix(".swift") {
      let relative = "Sources/" + file
      guard !tableFiles.contains(where: { relative.hasPrefix($0) }) else { continue }
      let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(line)
        for match in read.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
          for group in [2, 4, 6] {
            guard let range = Range(match.range(at: group), in: line), names.contains(String(line[range])) else {
              continue
            }
            found.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
          }
        }
      }
    }
    #expect(found.isEmpty, "fields read by name outside the field tables:\n\(found.joined(separator: "\n"))")
  }
}
