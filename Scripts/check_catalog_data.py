#!/usr/bin/env python3
"""Compare Kiln's built-in hardware catalog with the project's sourced hardware data set.

    python3 Scripts/check_catalog_data.py DATA.yaml

DATA.yaml is the hardware data set the catalog's figures were taken from (in CI: the
hardware-catalog.yaml beside the repository; it is not part of the repository, which is why this is a CI
script and not a test). Every figure the data set has for a mapped item must equal the built-in one:
memory, memory bandwidth, dense BF16/FP8/FP16/TF32, TDP and NVLink for GPUs; GPU count, maximum power,
rack units and memory for servers; ports, port speed and rack units for switches; transceiver power.
A precision the data set marks null (FP8 on Ampere) must be absent from the built-in entry.

Prints one line per mismatch and a closing 'N passed, N failed' line; exits 1 on any mismatch.
"""

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = ROOT / "Sources/KilnSpec/Catalog/BuiltinCatalog.yaml"

# Built-in entry name -> the data set's id. Entries without an id there (H100-PCIe-80GB, HGX-H800-8GPU,
# PCIe-L40S-8GPU, MI300X-8GPU, CPU-2S, Q3400, QSFP56-200G) are left out.
IDS = {
    "gpus": {
        "A100-SXM4-80GB": "a100-sxm4-80gb",
        "A100-PCIe-80GB": "a100-pcie-80gb",
        "A100-PCIe-40GB": "a100-pcie-40gb",
        "H100-SXM5-80GB": "h100-sxm5-80gb",
        "H800-SXM5-80GB": "h800-sxm5-80gb",
        "H200-SXM-141GB": "h200-sxm-141gb",
        "B200": "b200-hgx",
        "L40S": "l40s",
        "A10": "a10",
        "H20": "h20",
        "MI300X": "mi300x",
    },
    "servers": {
        "DGX-A100": "dgx-a100",
        "DGX-H100": "dgx-h100",
        "DGX-H200": "dgx-h200",
        "DGX-B200": "dgx-b200",
        "FF-PCIe-A100-8GPU": "fire-flyer2-pcie-node",
    },
    "switches": {
        "QM9700": "quantum2-qm9700",
        "QM8700": "quantum-qm8700",
        "SN5600": "spectrum4-sn5600",
    },
    "transceivers": {
        "OSFP-800G-2xSR4": "osfp-800g-twinport-sr8",
        "OSFP-400G-SR4": "osfp-400g-flattop",
    },
}

# Kiln's quantity units that appear in the catalog, as multipliers of the base unit.
UNITS = {
    "W": 1, "kW": 1e3, "MW": 1e6,
    "TFLOPS": 1e12, "PFLOPS": 1e15,
    "GB/s": 1e9, "TB/s": 1e12,
    "Gb/s": 1e9 / 8,
    "GB": 1e9, "TB": 1e12, "GiB": 2**30, "TiB": 2**40,
    "U": 1,
}
QUANTITY = re.compile(r"^([0-9.]+)\s*([A-Za-z/]*)$")


def number(text):
    """The value of a catalog scalar in base units, and the number as written."""
    if isinstance(text, (int, float)):
        return float(text), float(text)
    match = QUANTITY.match(str(text).strip())
    if not match:
        raise ValueError(f"cannot read the quantity {text!r}")
    written, unit = match.groups()
    if unit and unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} in {text!r}")
    return float(written) * UNITS.get(unit, 1), float(written)


class Comparison:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def equal(self, what, builtin, data, scale):
        """builtin is in base units; data in the data set's unit (scale base units each)."""
        if data is None:
            return
        if builtin is None:
            self.fail(f"{what}: the data set has {data}, the built-in entry has none")
            return
        if abs(builtin / scale - float(data)) <= abs(float(data)) * 1e-9:
            self.passed += 1
        else:
            self.fail(f"{what}: built-in {builtin / scale:g}, data set {data}")

    def fail(self, message):
        self.failed += 1
        print(f"MISMATCH {message}")


def value(entry, *path):
    for key in path:
        if not isinstance(entry, dict) or key not in entry:
            return None
        entry = entry[key]
    return number(entry)[0]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    # BaseLoader keeps every scalar as written (no YAML 1.1 retyping), as Kiln reads it.
    builtin = yaml.load(BUILTIN.read_text(), Loader=yaml.BaseLoader)["spec"]
    data = yaml.safe_load(Path(sys.argv[1]).read_text())
    check = Comparison()

    def entries(section):
        by_name = {item["name"]: item for item in builtin[section]}
        by_id = {item["id"]: item for item in data[section]}
        for name, data_id in IDS[section].items():
            if name not in by_name or data_id not in by_id:
                check.fail(f"{section}: {name} or {data_id} is missing")
                continue
            yield name, by_name[name], by_id[data_id]

    for name, entry, facts in entries("gpus"):
        # The vendor's number: "80" for 80 GiB, "141" for 141 GB.
        check.equal(f"{name} memory", number(entry["memory"])[1], facts.get("memory_gb"), 1)
        check.equal(f"{name} memory bandwidth", value(entry, "memoryBandwidth"), facts.get("memory_bw_tbps"), 1e12)
        for precision, keys in [
            ("bf16", ["bf16_tflops_dense", "bf16_tflops"]),
            ("fp8", ["fp8_tflops_dense", "fp8_tflops"]),
            ("fp16", ["fp16_tflops_dense"]),
            ("tf32", ["tf32_tflops_dense"]),
        ]:
            figure = next((facts[key] for key in keys if facts.get(key) is not None), None)
            check.equal(f"{name} {precision}", value(entry, "compute", precision), figure, 1e12)
            if all(key in facts and facts[key] is None for key in keys[:1]):
                if value(entry, "compute", precision) is not None:
                    check.fail(f"{name} has {precision} but the data set says the GPU has none")
                else:
                    check.passed += 1
        check.equal(f"{name} power", value(entry, "power"), facts.get("tdp_w"), 1)
        check.equal(f"{name} NVLink", value(entry, "nvlinkBandwidth"), facts.get("nvlink_gbps_bidir"), 1e9)

    for name, entry, facts in entries("servers"):
        check.equal(f"{name} GPUs", value(entry, "gpuCount"), facts.get("gpus"), 1)
        check.equal(f"{name} power", value(entry, "power"), facts.get("max_power_kw"), 1e3)
        check.equal(f"{name} rack units", value(entry, "rackUnits"), facts.get("rack_units"), 1)
        ram = facts.get("ram_gb")
        if ram is not None and "memory" in entry:
            memory = value(entry, "memory")
            # 2048 GB in the data set is 2 TiB of DIMMs.
            if abs(memory - ram * 2**30) < 1 or abs(memory - ram * 1e9) < 1:
                check.passed += 1
            else:
                check.fail(f"{name} memory: built-in {entry['memory']}, data set {ram} GB")

    for name, entry, facts in entries("switches"):
        check.equal(f"{name} ports", value(entry, "ports"), facts.get("ports"), 1)
        check.equal(f"{name} speed", value(entry, "speed"), facts.get("port_speed_gbps"), 1e9 / 8)
        check.equal(f"{name} rack units", value(entry, "rackUnits"), facts.get("rack_units"), 1)

    for name, entry, facts in entries("transceivers"):
        check.equal(f"{name} power", value(entry, "power"), facts.get("power_w"), 1)

    print(f"catalog figures against {sys.argv[1]}: {check.passed} passed, {check.failed} failed")
    sys.exit(1 if check.failed else 0)


if __name__ == "__main__":
    main()
