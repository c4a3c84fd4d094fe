/// Maps built-in catalog names to the ids used by the facts in shared/data/hardware-catalog.yaml,
/// so a test can compare every built-in figure with its source.
enum BuiltinCatalogDataIds {
  static let gpus: [(name: String, dataId: String)] = [
    ("A100-SXM4-80GB", "a100-sxm4-80gb"),
    ("A100-PCIe-80GB", "a100-pcie-80gb"),
    ("A100-PCIe-40GB", "a100-pcie-40gb"),
    ("H100-SXM5-80GB", "h100-sxm5-80gb"),
    ("H800-SXM5-80GB", "h800-sxm5-80gb"),
    ("H200-SXM-141GB", "h200-sxm-141gb"),
    ("B200", "b200-hgx"),
    ("L40S", "l40s"),
    ("A10", "a10"),
    ("H20", "h20"),
    ("MI300X", "mi300x"),
  ]
  static let servers: [(name: String, dataId: String)] = [
    ("DGX-A100", "dgx-a100"),
    ("DGX-H100", "dgx-h100"),
    ("DGX-H200", "dgx-h200"),
    ("DGX-B200", "dgx-b200"),
    ("FF-PCIe-A100-8GPU", "fire-flyer2-pcie-node"),
  ]
  static let switches: [(name: String, dataId: String)] = [
    ("QM9700", "quantum2-qm9700"),
    ("QM8700", "quantum-qm8700"),
    ("SN5600", "spectrum4-sn5600"),
  ]
  static let transceivers: [(name: String, dataId: String)] = [
    ("OSFP-800G-2xSR4", "osfp-800g-twinport-sr8"),
    ("OSFP-400G-SR4", "osfp-400g-flattop"),
  ]
}
