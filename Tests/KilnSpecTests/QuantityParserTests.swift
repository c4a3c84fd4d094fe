import Testing

@testable import KilnSpec

@Suite struct QuantityParserTests {
  @Test(arguments: [
    ("10.2kW", 10_200.0, Dimension.power),
    ("30 MW", 30e6, .power),
    ("$1.2M", 1.2e6, .money),
    ("$25k", 25_000, .money),
    ("$0.07/kWh", 0.07, .energyPrice),
    ("$70/MWh", 0.07, .energyPrice),
    ("$180/kW/month", 180, .powerPrice),
    ("$20/TB/month", 20, .storagePrice),
    ("$2/h", 2, .hourlyPrice),
    ("$1500/month", 1500, .monthlyPrice),
    ("400Gb/s", 50e9, .bandwidth),
    ("400Gbps", 50e9, .bandwidth),
    ("3.35TB/s", 3.35e12, .bandwidth),
    ("6.6TiB/s", 6.6 * 1_099_511_627_776, .bandwidth),
    ("1.5M tokens/s", 1.5e6, .throughput),
    ("150k tokens/s", 150_000, .throughput),
    ("14.8T", 14.8e12, .count),
    ("671B", 671e9, .count),
    ("128Ki", 131_072, .count),
    ("85%", 0.85, .percent),
    ("4y", 4 * 365 * 86_400, .time),
    ("800ms", 0.8, .time),
    ("80GiB", 85_899_345_920, .dataSize),
    ("989TFLOPS", 989e12, .compute),
    ("0.55kg/kWh", 0.55, .emissionFactor),
    ("1.2", 1.2, .factor),
  ])
  func parses(text: String, value: Double, dimension: Dimension) throws {
    let quantity = try QuantityParser.parse(text).get()
    #expect(quantity.dimension == dimension)
    #expect(abs(quantity.value - value) <= abs(value) * 1e-12)
    #expect(quantity.text == text)
  }

  @Test func bIsBytesForASizeAndBillionsForACount() throws {
    #expect(try QuantityParser.parse("70272B", expecting: [.dataSize]).get().value == 70_272)
    #expect(try QuantityParser.parse("671B", expecting: [.count]).get().value == 671e9)
  }

  @Test func rejects() {
    #expect(QuantityParser.parse("-4") == .failure(.negative))
    #expect(QuantityParser.parse("$-4") == .failure(.negative))
    #expect(QuantityParser.parse("1e999") == .failure(.notFinite))
    #expect(QuantityParser.parse(String(repeating: "9", count: 200_000)) == .failure(.numberTooLong(digits: 200_000)))
    #expect(QuantityParser.parse("NaN") == .failure(.malformedNumber))
    #expect(QuantityParser.parse(".inf") == .failure(.malformedNumber))
    #expect(QuantityParser.parse("") == .failure(.empty))
    #expect(QuantityParser.parse("10kw") == .failure(.unknownUnit("kw", suggestion: "kW")))
    #expect(QuantityParser.parse("$5/hr") == .failure(.unknownUnit("/hr", suggestion: "/h")))
  }

  @Test(arguments: [
    ("train-h800", true), ("Train_H800", false), ("-a", false), ("a-", false), ("", false),
    (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
  ])
  func dnsLabels(name: String, valid: Bool) {
    #expect((DNSLabel.problem(name) == nil) == valid)
  }

  @Test func dnsLabelSuggestion() {
    #expect(DNSLabel.suggestion("Train_H800") == "train-h800")
  }

  @Test(arguments: [
    ("**/*.yaml", "a.yaml", true), ("**/*.yaml", "x/y/a.yaml", true), ("drafts/**", "drafts/x/a.yaml", true),
    ("drafts/**", "a.yaml", false), ("env/staging/*.yaml", "env/staging/a.yaml", true),
    ("env/*/a?.yaml", "env/prod/ab.yaml", true), ("*.yaml", "x/a.yaml", false),
  ])
  func globs(pattern: String, path: String, matches: Bool) {
    #expect(Glob(pattern).matches(path) == matches)
  }

  @Test func globsThatLeaveTheRoot() {
    #expect(Glob("../x/*.yaml").escapeProblem != nil)
    #expect(Glob("/etc/*.yaml").escapeProblem != nil)
    #expect(Glob("a/../../b.yaml").escapeProblem != nil)
    #expect(Glob("a/b.yaml").escapeProblem == nil)
  }

  @Test func credentialPatterns() {
    #expect(CredentialPatterns.match("hf_" + String(repeating: "a", count: 30)) != nil)
    #expect(CredentialPatterns.match("hf_" + String(repeating: "a", count: 29)) == nil)
    #expect(CredentialPatterns.match("sk-" + String(repeating: "A", count: 20)) != nil)
    #expect(CredentialPatterns.match("ghp_" + String(repeating: "b", count: 36)) != nil)
    #expect(CredentialPatterns.match("ghp_" + String(repeating: "b", count: 37)) == nil)
    #expect(CredentialPatterns.match("-----BEGIN RSA PRIVATE KEY-----\nabc") != nil)
    #expect(CredentialPatterns.match("HF_TOKEN") == nil)
  }

  @Test(arguments: [
    ("vllm/vllm-openai:v0.8.5", true), ("vllm/vllm-openai:latest", false), ("vllm/vllm-openai", false),
    ("registry:5000/x", false), ("registry:5000/x:1.2", true),
    ("x@sha256:" + String(repeating: "a", count: 64), true), ("x@sha256:abc", false),
  ])
  func imageTags(image: String, pinned: Bool) {
    #expect((ImageTagCheck.problem(image) == nil) == pinned)
  }
}
