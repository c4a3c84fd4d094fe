#!/usr/bin/env python3
"""Generate specs/calibration/: published LLM serving figures as one Kiln project.

    python3 Scripts/generate_calibration.py [BENCHMARKS.json]

BENCHMARKS.json is the calibration data set of published serving figures (default:
../shared/data/serving-benchmarks.json, relative to the repository root). It is not part of the
repository; this script is the only thing that reads it. The script writes:

  specs/calibration/kiln.yaml            the Project
  specs/calibration/catalog.yaml         GPUs and servers the built-in catalog lacks (GH200,
                                         RTX PRO 6000 Blackwell Server Edition)
  specs/calibration/infrastructure.yaml  one cloud Site, one inference Cluster per GPU type
  specs/calibration/models.yaml          one Model per architecture x weights x KV-cache precision
  specs/calibration/policy.yaml          capacity checks lowered to warnings (see below)
  specs/calibration/regions/*.yaml       one Region per regime, one serving entry per row (r001 ...)
  specs/calibration/rows.json            per expressed row: what Kiln's report is compared with
  specs/calibration/README.md            what the project is, the regimes, the rows not expressed

Standard library only: the YAML is written by hand. The output is deterministic (same input, same
bytes), so regenerating shows only real changes.
"""

import json
import math
import os
import sys
from collections import OrderedDict, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(ROOT, "..", "shared", "data", "serving-benchmarks.json")
OUT = os.path.join(ROOT, "specs", "calibration")

# ---------------------------------------------------------------------------------------------------
# Sources: the id (S1 ... S9) from the row's `source`, with the engine image each is pinned to.
# Images are nominal pins of the release closest to each source's software version; Kiln's capacity
# model does not read them (they only have to be pinned, K2020).
# ---------------------------------------------------------------------------------------------------

SOURCES = OrderedDict([
    ("S1", {
        "title": "TensorRT-LLM performance overview, v1.0 revision",
        "url": "https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md",
        "image": "nvcr.io/nvidia/tensorrt-llm/release:1.0.0",
    }),
    ("S2", {
        "title": "TensorRT-LLM performance overview, post-1.0 developer guide",
        "url": "https://github.com/NVIDIA/TensorRT-LLM/blob/03e27c7d5ff0c6e89f8328838c0a8e64f1b34f9d/docs/source/developer-guide/perf-overview.md",
        "image": "nvcr.io/nvidia/tensorrt-llm/release:1.1.0",
    }),
    ("S3", {
        "title": "TensorRT-LLM performance overview, v0.17 data",
        "url": "https://github.com/NVIDIA/TensorRT-LLM/blob/258c7540c03517def55d9a5aadfa9288af474e1b/docs/source/performance/perf-overview.md",
        "image": "nvcr.io/nvidia/tritonserver:25.01-trtllm-python-py3",
    }),
    ("S4", {
        "title": "TensorRT-LLM performance overview, 'Online Serving Measurements' (v0.14)",
        "url": "https://github.com/NVIDIA/TensorRT-LLM/blob/258c7540c03517def55d9a5aadfa9288af474e1b/docs/source/performance/perf-overview.md",
        "image": "nvcr.io/nvidia/tritonserver:24.10-trtllm-python-py3",
    }),
    ("S5", {
        "title": "TensorRT-LLM blog: best performance practices for DeepSeek-R1",
        "url": "https://github.com/NVIDIA/TensorRT-LLM/blob/01c4ece911eb569e72cf4177f83238a0520641c2/docs/source/blogs/Best_perf_practice_on_DeepSeek-R1_in_TensorRT-LLM.md",
        "image": "nvcr.io/nvidia/tensorrt-llm/release:0.20.0",
    }),
    ("S6", {
        "title": "MLCommons MLPerf Inference v4.1 results (closed division)",
        "url": "https://github.com/mlcommons/inference_results_v4.1/tree/a2f5d66d17e8f75c02fd74dfe810ecca6a046696/closed/NVIDIA",
        "image": "nvcr.io/nvidia/tritonserver:24.07-trtllm-python-py3",
    }),
    ("S7", {
        "title": "DeepSeek open-infra-index, day 6: DeepSeek-V3/R1 inference system overview",
        "url": "https://github.com/deepseek-ai/open-infra-index/blob/3122a25220273cb0806f591e52c4171bd869d8ad/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md",
        "image": "vllm/vllm-openai:v0.8.5",
    }),
    ("S8", {
        "title": "LMSYS blog 2025-05-05: DeepSeek with PD disaggregation and large-scale EP on 96 H100",
        "url": "https://github.com/lm-sys/lm-sys.github.io/blob/2db4e4042b31f3c3c9f4f93068ae80946d25a115/blog/2025-05-05-large-scale-ep.md",
        "image": "lmsysorg/sglang:v0.4.6.post1-cu124",
    }),
    ("S9", {
        "title": "TensorRT-LLM blogs: H200 launch (v0.5) and Falcon-180B on H200 (v0.7)",
        "url": "https://github.com/NVIDIA/TensorRT-LLM/blob/1555478c1b417a0b34de05209862ea5a2ab9add1/docs/source/blogs/H200launch.md",
        "image": None,  # per row: v0.5 or v0.7
    }),
])
S9_IMAGES = {
    "H200launch": "nvcr.io/nvidia/tritonserver:23.10-trtllm-python-py3",  # TensorRT-LLM v0.5.0
    "Falcon180B": "nvcr.io/nvidia/tritonserver:23.12-trtllm-python-py3",  # TensorRT-LLM v0.7
}


def source_id(row):
    s = row["source"]
    if "Online Serving" in s:
        return "S4"
    if "performance/perf-overview.md@00f3768" in s:
        return "S1"
    if "developer-guide/perf-overview.md" in s:
        return "S2"
    if "performance/perf-overview.md@258c754" in s:
        return "S3"
    if "Best_perf_practice_on_DeepSeek-R1" in s:
        return "S5"
    if s.startswith("mlcommons/"):
        return "S6"
    if s.startswith("deepseek-ai/"):
        return "S7"
    if s.startswith("lm-sys/"):
        return "S8"
    if "H200launch" in s or "Falcon180B" in s:
        return "S9"
    raise SystemExit("unknown source: " + s)


# ---------------------------------------------------------------------------------------------------
# Regimes: each becomes one Region. Rows of different regimes must not be fitted together.
# ---------------------------------------------------------------------------------------------------

REGIMES = OrderedDict([
    ("offline", "offline maximum throughput (S1-S3 trtllm-bench, S5 concurrency-limited, MLPerf Offline)"),
    ("static-batch", "static batch of a stated size (S9, old TensorRT-LLM launch blogs)"),
    ("online-2qps", "online load sweep at 2 requests/s (S4)"),
    ("online-16qps", "online load sweep at 16 requests/s (S4)"),
    ("online-inf", "online load sweep, all 500 requests at once (S4, QPS = INF)"),
    ("mlperf-server", "MLPerf Server: Poisson arrivals within p99 TTFT 2 s and TPOT 200 ms (S6)"),
    ("min-latency", "batch 1 with MTP speculative decoding (S5)"),
    ("production", "24-hour production fleet averages (S7, DeepSeek)"),
    ("pd-stress", "prefill-only and decode-only stress tests (S8, SGLang)"),
])


# Regimes measured under an offered load rather than at the replica's capacity.
LOAD_REGIMES = ("online-2qps", "online-16qps", "online-inf", "mlperf-server", "production")


def regime_of(row, sid):
    r = row["regime"]
    if sid == "S4":
        q = row["request_rate_qps"]
        return "online-inf" if q is None else "online-%dqps" % q
    if sid == "S9":
        return "static-batch"
    if sid == "S5" and r.startswith("min-latency"):
        return "min-latency"
    if sid == "S6":
        return "mlperf-server" if r.startswith("MLPerf Server") else "offline"
    if sid == "S7":
        return "production"
    if sid == "S8":
        return "pd-stress"
    return "offline"


# ---------------------------------------------------------------------------------------------------
# Hardware: the data set's GPU label -> cluster name and catalog server.
# ---------------------------------------------------------------------------------------------------

GPUS = OrderedDict([
    ("H100 SXM 80GB", {"cluster": "h100", "server": "DGX-H100", "gpuCount": 8, "perRack": 4}),
    ("H200 SXM 141GB", {"cluster": "h200", "server": "DGX-H200", "gpuCount": 8, "perRack": 4}),
    ("H800 80GB", {"cluster": "h800", "server": "HGX-H800-8GPU", "gpuCount": 8, "perRack": 4}),
    ("A100 SXM4 80GB", {"cluster": "a100", "server": "DGX-A100", "gpuCount": 8, "perRack": 4}),
    ("L40S 48GB", {"cluster": "l40s", "server": "PCIe-L40S-8GPU", "gpuCount": 8, "perRack": 4}),
    ("B200 180GB", {"cluster": "b200", "server": "DGX-B200", "gpuCount": 8, "perRack": 4}),
    ("GB200 192GB (NVL72)",
     {"cluster": "gb200", "server": "GB200-NVL72-Tray", "gpuCount": 4, "perRack": 18, "domain": 72}),
    ("GH200 (480GB)", {"cluster": "gh200", "server": "GH200-Superchip-1GPU", "gpuCount": 1, "perRack": 8}),
    ("RTX PRO 6000 Blackwell Server Edition",
     {"cluster": "rtx-pro-6000", "server": "PCIe-RTXPRO6000-8GPU", "gpuCount": 8, "perRack": 4}),
])

# The project-local Catalog: entries the built-in catalog lacks. Figures from the vendors' public
# datasheets; what is derived or assumed is marked as an estimate with its basis.
CATALOG_YAML = """\
# GPUs and servers the built-in catalog lacks but rows of this project need. Figures come from the
# vendors' public datasheets and product pages; dense peaks are half the datasheets' sparse peaks.
# Everything derived or assumed is an estimate, with `estimatedFields` and a `basis`.
apiVersion: kiln/v1
kind: Catalog
metadata:
  name: calibration-hardware
spec:
  gpus:
    - name: GH200-96GB
      vendor: nvidia
      memory: 96GiB
      memoryBandwidth: 4TB/s
      compute: {bf16: 989TFLOPS, fp16: 989TFLOPS, fp8: 1979TFLOPS}
      power: 1000W
      nodeLabel: {key: nvidia.com/gpu.product, value: NVIDIA-GH200-480GB}
      source: "The Hopper GPU of an NVIDIA GH200 Grace Hopper Superchip with 96 GB HBM3 and 480 GB LPDDR5X. NVIDIA GH200 Grace Hopper Superchip datasheet (nvidia.com/en-us/data-center/grace-hopper-superchip): 96 GB HBM3 at 4 TB/s, 1,979 TFLOPS BF16 and 3,958 TFLOPS FP8 with sparsity (halved here for dense), NVLink-C2C 900 GB/s to the Grace CPU, module power configurable 450-1,000 W"
      estimate: true
      estimatedFields: [memory, power, nodeLabel]
      basis: "memory: the 96 GB HBM3 variant is assumed for the data set's 'GH200 (480GB)' (480 GB is the LPDDR5X; a 144 GB HBM3e variant also exists), stored as 96 GiB like the H100's '80GB' = 80 GiB. power: the whole superchip's upper configurable limit (CPU, GPU and memory), as no GPU-only figure is published. nodeLabel: GPU Feature Discovery's sanitised form of the nvidia-smi name 'NVIDIA GH200 480GB', unverified"

    - name: RTX-PRO-6000-Blackwell-SE
      vendor: nvidia
      memory: 96GB
      memoryBandwidth: 1.597TB/s
      compute: {bf16: 500TFLOPS, fp16: 500TFLOPS, fp8: 1000TFLOPS, fp4: 2000TFLOPS}
      power: 600W
      pcieBandwidth: 128GB/s
      nodeLabel: {key: nvidia.com/gpu.product, value: NVIDIA-RTX-PRO-6000-Blackwell-Server-Edition}
      source: "NVIDIA RTX PRO 6000 Blackwell Server Edition datasheet (nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition): 96 GB GDDR7 with ECC, 1,597 GB/s, up to 600 W (configurable), PCIe Gen5 x16 (128 GB/s bidirectional), no NVLink, 4 PFLOPS peak FP4 (with sparsity)"
      estimate: true
      estimatedFields: [compute, nodeLabel]
      basis: "compute: only the sparse FP4 peak (4 PFLOPS) is read from the datasheet; dense FP4 = 4,000 / 2 = 2,000 TFLOPS, FP8 = half of that and BF16/FP16 = a quarter, the ratios of every Blackwell Tensor Core (derived, unverified). nodeLabel: GPU Feature Discovery's sanitised form of the nvidia-smi name 'NVIDIA RTX PRO 6000 Blackwell Server Edition', unverified"

  servers:
    - name: GH200-Superchip-1GPU
      gpu: GH200-96GB
      gpuCount: 1
      rackUnits: 1
      power: 1.2kW
      cpuCores: 72
      memory: 480GB
      scaleUpDomain: 1
      nics:
        - {role: compute, count: 1, speed: 400Gb/s}
      source: "A node with one NVIDIA GH200 Grace Hopper Superchip (72-core Grace CPU, 480 GB LPDDR5X, one H100-class GPU): NVIDIA GH200 Grace Hopper Superchip datasheet; the chassis around it is Kiln's estimate, not a specific product"
      estimate: true
      estimatedFields: [rackUnits, power, nics]
      basis: "a 1U single-superchip MGX-style node: the superchip's 1,000 W upper limit + ~200 W for NIC, storage, fans and PSU losses; one 400 Gb/s compute NIC assumed"

    - name: PCIe-RTXPRO6000-8GPU
      gpu: RTX-PRO-6000-Blackwell-SE
      gpuCount: 8
      rackUnits: 4
      power: 6.5kW
      cpuCores: 64
      memory: 1TiB
      scaleUpDomain: 1
      nics:
        - {role: compute, count: 4, speed: 400Gb/s}
      source: "GPU figures: NVIDIA RTX PRO 6000 Blackwell Server Edition datasheet (no NVLink, so every GPU is its own scale-up domain); the server around them is Kiln's estimate, not a specific product"
      estimate: true
      estimatedFields: [rackUnits, power, cpuCores, memory, nics]
      basis: "a generic 2-socket 4U PCIe server with 8 GPUs, built like the built-in PCIe-L40S-8GPU: power 8 x 600 W + ~1.7 kW for CPUs, memory, NICs, fans and PSU losses; cpuCores 2 x 32; memory 1 TiB; one 400 Gb/s NIC per 2 GPUs"
"""

# ---------------------------------------------------------------------------------------------------
# Models: architecture numbers come from the rows (the data set's architecture table); the Hugging Face
# id and the model's own context length are added here.
# ---------------------------------------------------------------------------------------------------

ARCH = {
    # arch key: (name stem, Hugging Face id, native context length in tokens)
    "Llama-3.1-8B": ("llama31-8b", "meta-llama/Llama-3.1-8B-Instruct", 131072),
    "Llama-3.x-70B": ("llama3-70b", "meta-llama/Llama-3.3-70B-Instruct", 131072),
    "Llama-3.1-405B": ("llama31-405b", "meta-llama/Llama-3.1-405B-Instruct", 131072),
    "Llama-2-70B": ("llama2-70b", "meta-llama/Llama-2-70b-chat-hf", 4096),
    "Llama-2-13B": ("llama2-13b", "meta-llama/Llama-2-13b-chat-hf", 4096),
    "Mixtral-8x7B": ("mixtral-8x7b", "mistralai/Mixtral-8x7B-Instruct-v0.1", 32768),
    "Mixtral-8x22B": ("mixtral-8x22b", "mistralai/Mixtral-8x22B-Instruct-v0.1", 65536),
    "Qwen3-235B-A22B": ("qwen3-235b-a22b", "Qwen/Qwen3-235B-A22B", 40960),
    "Qwen3-30B-A3B": ("qwen3-30b-a3b", "Qwen/Qwen3-30B-A3B", 40960),
    "Llama-4-Scout": ("llama4-scout", "meta-llama/Llama-4-Scout-17B-16E-Instruct", 131072),
    "Llama-4-Maverick": ("llama4-maverick", "meta-llama/Llama-4-Maverick-17B-128E-Instruct", 131072),
    "DeepSeek-V3/R1": ("deepseek-v3", "deepseek-ai/DeepSeek-R1", 131072),
    "gpt-oss-120b": ("gpt-oss-120b", "openai/gpt-oss-120b", 131072),
    "gpt-oss-20b": ("gpt-oss-20b", "openai/gpt-oss-20b", 131072),
}

BYTES = {"fp32": 4, "bf16": 2, "fp16": 2, "fp8": 1, "int8": 1, "fp4": 0.5, "int4": 0.5}


def precisions(row, sid):
    """(weights, KV cache) precision of a row, or None when the row does not say."""
    p = row["precision"]
    if p is None:
        return None
    if p.startswith("FP4 weights, FP16 KV"):
        return ("fp4", "fp16")
    if p.startswith("FP4"):
        return ("fp4", "fp8")  # NVFP4 checkpoints run with an FP8 KV cache in TensorRT-LLM
    if p == "FP8 GEMM + BF16 MLA":
        return ("fp8", "bf16")  # DeepSeek: FP8 GEMMs, BF16 MLA core and cache
    if p == "FP8 (presumed)":
        return ("fp8", "bf16")  # SGLang's default KV dtype is the model's (BF16)
    if p.startswith("FP8"):
        return ("fp8", "fp8")  # TensorRT-LLM FP8 runs quantize the KV cache to FP8
    if p == "BF16":
        return ("bf16", "bf16")
    if p == "FP16":
        return ("fp16", "fp16")
    raise SystemExit("unknown precision: %r" % p)


def count(x):
    """A parameter count in Kiln's notation: 70.6 (billions) -> 70.6B."""
    s = ("%.3f" % x).rstrip("0").rstrip(".")
    return s + "B"


def model_name(row, prec):
    stem = ARCH[row["arch_key"]][0]
    return "%s-%s-kv%s" % (stem, prec[0], prec[1])


# ---------------------------------------------------------------------------------------------------
# Rows -> serving entries
# ---------------------------------------------------------------------------------------------------

def fmt_num(x):
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    return ("%.6g" % x)


def express(index, row):
    """The serving entry and rows.json record for one row, or (None, reason) when it cannot be expressed."""
    sid = source_id(row)
    regime = regime_of(row, sid)
    metric = row["metric"]
    gpus = row["gpus"]
    prec = precisions(row, sid)
    caveats = []

    if prec is None:
        return None, {
            "reason": "weights precision not stated",
            "missing": "the row's precision (Model.weightsPrecision); MLPerf v4.1 B200 preview submission, precision not recorded in the data set",
        }
    if metric.startswith("mean TTFT (ns)"):
        return None, {
            "reason": "input length unknown",
            "missing": "demand.averageInput: MLPerf's mean prompt length is not published in the sources read (prompts <= 1024 tokens), and Kiln's TTFT estimate is proportional to it",
        }
    if metric.startswith("input tok/s per 8-GPU node (prefill, incl. cache hits)"):
        return None, {
            "reason": "no per-request lengths",
            "missing": "demand.averageInput: production prefill average with no per-request input length; the figure counts 56 % on-disk KV-cache hits",
        }

    # Parallelism of one replica. Attention-DP rows (TensorRT-LLM 'DEP', SGLang DP attention) run
    # tensor = all GPUs of the replica with attention data-parallel and experts spread over them.
    pp = row["pp"] or 1
    tp = row["tp"] or 1
    ep = row["ep"] or 1
    adp = row["attn_dp"] or 1
    data = 1
    replicas_in_system = 1
    attention_data = adp > 1
    if sid == "S6":
        replicas_in_system = row["dp"]  # MLPerf: DP whole-system replicas side by side
    elif sid == "S8":
        attention_data = True
        caveats.append("attention DP assumed (the LMSYS deployment uses DP attention; degree not printed)")
    if attention_data:
        tp = gpus // pp
    if tp * pp * data != gpus // replicas_in_system:
        raise SystemExit("row %d: %d x %d x %d != %d GPUs" % (index, tp, pp, data, gpus))
    if row["ep"] is None and row["experts"] and adp > 1 and sid == "S1":
        caveats.append("expert-parallel degree not printed (trtllm-bench --ep); expert left at 1")
    gpus_per_replica = tp * pp * data

    isl, osl = row["isl"], row["osl"]
    value = row["value"]
    unit = "tokens/s"
    field = "tokensPerSecondPerReplica"
    conversion = None
    nodes = gpus / 8.0
    if metric == "output tok/s, replica total":
        published = value
        conversion = "as printed (whole replica)"
    elif metric == "output tok/s per GPU":
        published = value * gpus
        conversion = "per GPU x %d GPUs" % gpus
    elif metric == "output tok/s, whole system":
        published = value / replicas_in_system
        conversion = "whole system / %d replicas" % replicas_in_system
    elif metric == "mean ITL/TPOT (ms)":
        published, unit, field = value / 1000.0, "s", "tpot_s"
        conversion = "ms / 1000"
    elif metric == "mean TTFT (ms)":
        published, unit, field = value / 1000.0, "s", "ttftEstimate_s"
        conversion = "ms / 1000"
    elif metric == "mean TPOT (ns)":
        published, unit, field = value / 1e9, "s", "tpot_s"
        conversion = "ns / 1e9 (per replica: latencies are per request)"
    elif metric.startswith("input tok/s per 8-GPU node (prefill)"):
        published, unit, field = isl / (value * nodes), "s", "ttftEstimate_s"
        conversion = ("prefill seconds of one %d-token prompt at the published rate: ISL / (%s tok/s per node x %g nodes)"
                      % (isl, fmt_num(value), nodes))
        caveats.append("prefill throughput compared as the compute-bound prefill time of one prompt on the whole replica")
    elif metric.startswith("output tok/s per 8-GPU node (decode)"):
        published = value * nodes
        conversion = "per 8-GPU node x %g nodes" % nodes
    elif metric.startswith("per-user output tok/s"):
        published, unit, field = 1.0 / value, "s", "tpot_s"
        conversion = "1 / per-user tok/s"
    else:
        raise SystemExit("row %d: unknown metric %r" % (index, metric))

    # Under an offered load (online sweeps, MLPerf Server, production), compare with Kiln's figures at
    # that load, not with its capacity.
    if regime == "online-inf":
        # All 500 requests at once: a burst, which Kiln works through step by step (demand.burst).
        field = {"tokensPerSecondPerReplica": "burstTokensPerSecondPerReplica", "tpot_s": "burstTPOT_s",
                 "ttftEstimate_s": "burstTTFT_s"}[field]
    elif regime in LOAD_REGIMES:
        field = {"tokensPerSecondPerReplica": "servedTokensPerSecondPerReplica", "tpot_s": "tpotAtPeak_s",
                 "ttftEstimate_s": "ttftAtPeak_s"}[field]

    if "MTP" in row["model"] or "MTP" in row["regime"] or "MTP" in metric or sid == "S7":
        caveats.append("MTP speculative decoding in the published figure; Kiln has no speculative-decoding field")
    if sid == "S6":
        caveats.append("mean input length unknown (prompts <= 1024 tokens): demand.averageInput left out")
    if row["arch_key"].startswith("gpt-oss"):
        caveats.append("sliding-window attention on alternate layers: Kiln counts a full KV cache on every layer")
    if row["arch_key"] == "Llama-4-Scout":
        caveats.append("layer and head numbers unverified (taken from Maverick)")
    if row["arch_key"].startswith("Llama-4"):
        caveats.append("chunked local attention and interleaved MoE layers are not modelled")

    # Demand
    demand = OrderedDict()
    if regime.startswith("online-"):
        if regime == "online-inf":
            demand["peak"] = "1B tokens/s"  # INF: all 500 requests at once; a rate far above any capacity
        else:
            demand["peak"] = "%d tokens/s" % (row["request_rate_qps"] * osl)
    elif regime == "mlperf-server" or regime == "production":
        demand["peak"] = None  # filled below: the measured per-replica load
    else:
        demand["peak"] = "1 tokens/s"
    if isl:
        demand["averageInput"] = isl
    if osl:
        demand["averageOutput"] = osl
    if regime == "online-inf":
        demand["burst"] = 500  # the sweep's 500 requests, all at once
    if sid == "S7":
        demand["averageContext"] = 4989  # mean KV length per output token, from the source
    if sid == "S8" and metric.startswith("output tok/s per 8-GPU node"):
        demand["averageContext"] = isl  # decode stress at a KV length of 4,000

    engine_args = OrderedDict()
    if row["concurrency"]:
        engine_args["maxBatch"] = row["concurrency"]
    if sid in ("S1", "S2", "S3") and regime == "offline":
        # trtllm-bench sets max_num_tokens to max batch x (1 + ISL/OSL), capped at 32,768 (its
        # finetune_setting); only the cap can bind Kiln's batch.
        engine_args["maxNumTokens"] = 32768
    elif sid == "S4":
        engine_args["maxNumTokens"] = 8192  # trtllm-build's default max_num_tokens
    if isl and osl:
        engine_args["maxModelLen"] = isl + osl

    slo = None
    if regime == "mlperf-server":
        slo = "{ttft: 2s, tpot: 200ms}"  # MLPerf's p99 constraints for Llama 2 70B

    if sid == "S4":
        engine = "tensorrt-llm"
    elif "SGLang" in row["engine"]:
        engine = "sglang"
    elif "TensorRT-LLM" in row["engine"]:
        engine = "tensorrt-llm"
    else:
        engine = "vllm"
        caveats.append("DeepSeek's in-house engine; vllm stands in")
    image = SOURCES[sid]["image"]
    if sid == "S9":
        image = S9_IMAGES["H200launch" if "H200launch" in row["source"] else "Falcon180B"]

    par = OrderedDict([("tensor", tp), ("pipeline", pp), ("data", data), ("expert", ep)])
    if attention_data:
        par["attention"] = "data"

    name = "r%03d" % index
    entry = OrderedDict([
        ("name", name),
        ("model", model_name(row, prec)),
        ("cluster", GPUS[row["gpu"]]["cluster"]),
        ("engine", engine),
        ("image", image),
        ("parallelism", par),
        ("replicas", "{min: 1, max: 1}"),
        ("demand", demand),
    ])
    if slo:
        entry["slo"] = slo
    if engine_args:
        entry["engineArgs"] = engine_args

    par_text = "TP%d PP%d EP%s DP%s%s" % (row["tp"] or 1, pp, row["ep"] or "-", row["dp"] or "?",
                                          (" attnDP%d" % row["attn_dp"]) if row["attn_dp"] else "")
    record = OrderedDict([
        ("index", index),
        ("serving", name),
        ("source", sid),
        ("regime", regime),
        ("model", row["model"]),
        ("kilnModel", entry["model"]),
        ("gpu", row["gpu"]),
        ("gpus", gpus),
        ("gpusPerReplica", gpus_per_replica),
        ("replicasInSystem", replicas_in_system),
        ("parallelism", par_text),
        ("precision", row["precision"]),
        ("isl", isl),
        ("osl", osl),
        ("concurrency", row["concurrency"]),
        ("requestRateQPS", row["request_rate_qps"] if sid != "S4" or row["request_rate_qps"] else "INF"),
        ("metric", metric),
        ("published", value),
        ("publishedAsPrinted", row["value_as_printed"]),
        ("value", round(published, 9) if unit == "s" else round(published, 4)),
        ("unit", unit),
        ("field", field),
        ("conversion", conversion),
        ("caveats", caveats),
    ])
    comment = "row %d: %s %s, %s on %d x %s, %s/%s: %s %s" % (
        index, sid, row["model"], par_text, gpus, row["gpu"], isl if isl else "?", osl if osl else "?",
        metric, row["value_as_printed"])
    return (entry, record, comment), None


def fill_measured_load(expressed):
    """MLPerf Server and production entries: demand.peak = the measured per-replica output rate of the
    same system (the throughput row of the group)."""
    groups = defaultdict(list)
    for entry, record, _ in expressed:
        if record["regime"] in ("mlperf-server", "production"):
            key = (record["regime"], record["gpu"], record["kilnModel"], record["parallelism"])
            groups[key].append((entry, record))
    for key, members in groups.items():
        rates = [r["value"] for _, r in members if r["field"] in ("tokensPerSecondPerReplica", "servedTokensPerSecondPerReplica")]
        if not rates:
            raise SystemExit("no throughput row for %r" % (key,))
        for entry, record in members:
            entry["demand"]["peak"] = "%s tokens/s" % fmt_num(round(rates[0], 2))
            record["demandNote"] = "peak = the measured per-replica output rate (%s tokens/s)" % fmt_num(round(rates[0], 2))


# ---------------------------------------------------------------------------------------------------
# YAML writing (by hand: flow mappings for small records, block style for the rest)
# ---------------------------------------------------------------------------------------------------

def flow(mapping):
    parts = []
    for k, v in mapping.items():
        parts.append("%s: %s" % (k, v))
    return "{" + ", ".join(parts) + "}"


def serving_yaml(entry, comment):
    lines = ["    # " + comment]
    first = True
    for k, v in entry.items():
        prefix = "    - " if first else "      "
        first = False
        if isinstance(v, dict):
            v = flow(v)
        lines.append("%s%s: %s" % (prefix, k, v))
    return "\n".join(lines)


HEADER = "# Generated by Scripts/generate_calibration.py; do not edit by hand. See README.md.\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def models_yaml(rows_by_model):
    docs = []
    for name in sorted(rows_by_model):
        row, prec = rows_by_model[name]
        stem, hf, native = ARCH[row["arch_key"]]
        needed = max(((r["isl"] or 0) + (r["osl"] or 0)) for r in row["_all"])
        context = max(native, needed)
        lines = [
            "# %s, %s weights, %s KV cache. Architecture: %s" % (row["arch_key"], prec[0], prec[1], row["arch_source"]),
            "apiVersion: kiln/v1",
            "kind: Model",
            "metadata:",
            "  name: " + name,
            "spec:",
            "  source: " + hf,
            "  parameters: " + count(row["params_total"]),
            "  activeParameters: " + count(row["params_active"]),
        ]
        if row["experts"]:
            lines.append("  experts: %d" % row["experts"])
            lines.append("  expertsPerToken: %d" % row["experts_per_token"])
        lines.append("  weightsPrecision: " + prec[0])
        lines.append("  layers: %d" % row["layers"])
        lines.append("  hiddenSize: %d" % row["hidden"])
        lines.append("  attentionHeads: %d" % row["heads"])
        if row["kv_bytes_per_token"]:
            # MLA: the data set gives bytes at BF16, (512 + 64) x 61 layers x 2 B; scale to the KV precision
            per_value = row["kv_bytes_per_token"] / 2.0
            kv_bytes = int(per_value * BYTES[prec[1]])
            lines.append("  kvCacheBytesPerToken: %dB   # (512 + 64) x %d layers x %g B" % (
                kv_bytes, row["layers"], BYTES[prec[1]]))
            lines.append("  attention: mla")
        else:
            lines.append("  kv: {heads: %d, headDim: %d}" % (row["kv_heads"], row["head_dim"]))
        lines.append("  kvCachePrecision: " + prec[1])
        note = "" if context == native else "   # the model's own %d, raised to the longest ISL + OSL served" % native
        lines.append("  contextLength: %d%s" % (context, note))
        docs.append("\n".join(lines))
    return HEADER + "---\n".join(d + "\n" for d in docs)


def infrastructure_yaml(gpu_totals):
    out = [HEADER.rstrip("\n"),
           "# One cloud site; one inference cluster per GPU type, with enough GPUs for every serving entry",
           "# on that type at once (serving-placement sums them). At a cloud site a rack group is a pool of",
           "# instances and no facility checks apply.",
           "apiVersion: kiln/v1",
           "kind: Site",
           "metadata:",
           "  name: calibration-cloud",
           "spec:",
           "  region: us-east",
           "  jurisdiction: US",
           "  ownership: cloud",
           "  cloud: {gpuHourPrice: $2/h}",
           ]
    for label, g in GPUS.items():
        if label not in gpu_totals:
            continue
        total, largest = gpu_totals[label]
        per_rack = g["gpuCount"] * g["perRack"]
        racks = max(1, int(math.ceil(total / float(per_rack))))
        out += [
            "---",
            "# %s: %d GPUs in all serving entries, largest replica %d GPUs" % (label, total, largest),
            "apiVersion: kiln/v1",
            "kind: Cluster",
            "metadata:",
            "  name: " + g["cluster"],
            "spec:",
            "  site: calibration-cloud",
            "  purpose: inference",
            "  racks:",
            "    - name: gpu",
            "      count: %d" % racks,
            "      servers: {model: %s, perRack: %d}" % (g["server"], g["perRack"]),
        ]
        # A replica wider than a server (or its NVLink domain) talks over a fabric (Kiln's K2003).
        if largest > max(g["gpuCount"], g.get("domain", g["gpuCount"])):
            fabric = g["cluster"] + "-ib"
            out.append("  fabric: " + fabric)
            out += [
                "---",
                "apiVersion: kiln/v1",
                "kind: Fabric",
                "metadata:",
                "  name: " + fabric,
                "spec:",
                "  technology: infiniband",
                "  switch: QM9700",
                "  topology: rail-optimized",
            ]
    return "\n".join(out) + "\n"


PROJECT_YAML = HEADER + """\
#
# calibration: Kiln's predictions for published LLM serving benchmarks. One serving entry per
# published figure (r001 ... r319, after the figure's row number); rows.json says what each entry's
# report line is compared with. See README.md.
#
#   kiln lint specs/calibration
#   kiln report --format json specs/calibration
#   python3 Scripts/calibration_table.py .build/debug/kiln
apiVersion: kiln/v1
kind: Project
metadata:
  name: calibration
spec:
  kubernetes:
    version: "1.31"
    namespacePrefix: kiln-cal-
"""

POLICY_YAML = HEADER + """\
# The serving entries model measurements, not a plan: online rows ask for the offered load, which may
# exceed what Kiln thinks one replica can do, so a capacity shortfall is a warning here, not an error.
apiVersion: kiln/v1
kind: Policy
metadata:
  name: calibration-policy
spec:
  rules:
    - {check: serving-capacity, severity: warning}
    - {check: serving-slo, severity: warning}
"""


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)

    expressed = []
    not_expressed = []
    for i, row in enumerate(rows, 1):
        result, missing = express(i, row)
        if result is None:
            missing.update({"index": i, "source": source_id(row), "model": row["model"], "gpu": row["gpu"],
                            "metric": row["metric"]})
            not_expressed.append(missing)
        else:
            expressed.append(result)
    fill_measured_load(expressed)

    # Models: one per (architecture, weights, KV cache) that some expressed row uses.
    by_model = {}
    all_rows_of_arch = defaultdict(list)
    for row in rows:
        all_rows_of_arch[row["arch_key"]].append(row)
    for i, row in enumerate(rows, 1):
        prec = precisions(row, source_id(row))
        if prec is None:
            continue
        name = model_name(row, prec)
        if any(e[0]["model"] == name for e in expressed) and name not in by_model:
            r = dict(row)
            r["_all"] = all_rows_of_arch[row["arch_key"]]
            by_model[name] = (r, prec)

    gpu_totals = {}
    for entry, record, _ in expressed:
        total, largest = gpu_totals.get(record["gpu"], (0, 0))
        gpu_totals[record["gpu"]] = (total + record["gpusPerReplica"], max(largest, record["gpusPerReplica"]))

    # Clear generated files, then write.
    for sub in ("regions",):
        d = os.path.join(OUT, sub)
        if os.path.isdir(d):
            for name in os.listdir(d):
                if name.endswith(".yaml"):
                    os.remove(os.path.join(d, name))
    write(os.path.join(OUT, "kiln.yaml"), PROJECT_YAML)
    write(os.path.join(OUT, "catalog.yaml"), HEADER + CATALOG_YAML)
    write(os.path.join(OUT, "policy.yaml"), POLICY_YAML)
    write(os.path.join(OUT, "infrastructure.yaml"), infrastructure_yaml(gpu_totals))
    write(os.path.join(OUT, "models.yaml"), models_yaml(by_model))

    by_regime = defaultdict(list)
    for item in expressed:
        by_regime[item[1]["regime"]].append(item)
    for regime, description in REGIMES.items():
        items = by_regime.get(regime)
        if not items:
            continue
        text = [HEADER.rstrip("\n"), "# Regime: " + description, "apiVersion: kiln/v1", "kind: Region",
                "metadata:", "  name: " + regime, "spec:", "  jurisdiction: US", "  serving:"]
        for entry, _, comment in items:
            text.append(serving_yaml(entry, comment))
        write(os.path.join(OUT, "regions", regime + ".yaml"), "\n".join(text) + "\n")

    records = [r for _, r, _ in expressed]
    write(os.path.join(OUT, "rows.json"), json.dumps({
        "generatedBy": "Scripts/generate_calibration.py",
        "rowsInDataSet": len(rows),
        "expressed": records,
        "notExpressed": not_expressed,
    }, indent=1, ensure_ascii=False) + "\n")
    write(os.path.join(OUT, "README.md"), readme(len(rows), records, not_expressed, by_model))
    print("%d rows: %d expressed, %d not expressed; %d models, %d clusters" % (
        len(rows), len(records), len(not_expressed), len(by_model), len(gpu_totals)))


# ---------------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------------

def readme(total, records, not_expressed, by_model):
    per_regime = defaultdict(int)
    for r in records:
        per_regime[r["regime"]] += 1
    caveat_rows = defaultdict(list)
    for r in records:
        for c in r["caveats"]:
            caveat_rows[c].append(r["index"])

    def ranges(ns):
        ns = sorted(ns)
        out, start, prev = [], None, None
        for n in ns:
            if start is None:
                start = prev = n
            elif n == prev + 1:
                prev = n
            else:
                out.append(str(start) if start == prev else "%d-%d" % (start, prev))
                start = prev = n
        if start is not None:
            out.append(str(start) if start == prev else "%d-%d" % (start, prev))
        return ", ".join(out)

    lines = []
    a = lines.append
    a("# specs/calibration: published LLM serving figures as one Kiln project")
    a("")
    a("This project restates %d published LLM serving figures (throughput, time per output token, time to" % total)
    a("first token) as Kiln serving entries, so that `kiln report --format json specs/calibration` gives")
    a("Kiln's prediction for each one. It is a calibration and regression set for Kiln's serving model,")
    a("not an infrastructure plan: the site is a nominal cloud, each cluster simply holds enough GPUs of one")
    a("type for all entries on it, and the capacity and latency checks are lowered to warnings")
    a("(`policy.yaml`) because the online rows ask for the load that was offered, whether or not Kiln")
    a("thinks one replica can carry it.")
    a("")
    a("%d of the %d figures are expressed (%.0f %%); %d are not, for the reasons in the last table." % (
        len(records), total, 100.0 * len(records) / total, len(not_expressed)))
    a("")
    a("## How it was generated")
    a("")
    a("Every file in this folder is generated; do not edit by hand. From the repository root:")
    a("")
    a("```")
    a("python3 Scripts/generate_calibration.py [path/to/serving-benchmarks.json]")
    a("kiln lint specs/calibration")
    a("python3 Scripts/calibration_table.py .build/debug/kiln")
    a("```")
    a("")
    a("The generator reads the data set of published figures (kept outside the repository) and writes:")
    a("")
    a("| file | content |")
    a("|---|---|")
    a("| `kiln.yaml` | the Project |")
    a("| `catalog.yaml` | GPUs and servers the built-in catalog lacks: `GH200-96GB` with `GH200-Superchip-1GPU`, and `RTX-PRO-6000-Blackwell-SE` with `PCIe-RTXPRO6000-8GPU`, from NVIDIA's public datasheets (the GB200 and its NVL72 compute tray are built in); derived and assumed figures are marked `estimate: true` |")
    a("| `infrastructure.yaml` | the cloud Site `calibration-cloud` ($2/GPU-hour) and one `purpose: inference` Cluster per GPU type |")
    a("| `models.yaml` | %d Models, one per architecture x weights precision x KV-cache precision (`<arch>-<weights>-kv<kv>`) |" % len(by_model))
    a("| `policy.yaml` | `serving-capacity` and `serving-slo` as warnings |")
    a("| `regions/<regime>.yaml` | one Region per regime, one serving entry per figure, named `rNNN` after the figure's 1-based row number |")
    a("| `rows.json` | per expressed figure: source, regime, metric, the published value converted to what Kiln reports for one replica, its unit and the report field it is compared with; and the figures not expressed, with what is missing |")
    a("")
    a("How a figure becomes a serving entry:")
    a("")
    a("- **Model**: parameters (total and active), experts, layers, hidden size, query heads, and the KV")
    a("  cache as `kv: {heads, headDim}` (GQA) or `kvCacheBytesPerToken` (MLA, DeepSeek: (512 + 64) x 61")
    a("  layers x bytes of the KV precision). Weights: FP4 (NVFP4) -> `fp4`, FP8 -> `fp8`, BF16/FP16 as")
    a("  such. KV cache: FP8 for TensorRT-LLM FP8/FP4 runs (its usual setting; FP16 where the source says")
    a("  so), BF16 for BF16 runs, SGLang and DeepSeek's MLA. `contextLength` is the model's own, raised to")
    a("  the longest ISL + OSL where a benchmark exceeds it; each entry sets `engineArgs.maxModelLen` to its")
    a("  ISL + OSL, as `trtllm-bench` sizes its engine, so the memory-fit check uses the benchmark's length.")
    a("- **Parallelism**: `tensor`, `pipeline` and `expert` as printed. Where attention runs data-parallel")
    a("  inside the replica (TensorRT-LLM's attention DP, 'DEPn'; SGLang's DP attention) the entry has")
    a("  `tensor` = the replica's GPUs and `attention: data`. MLPerf's DP is whole-system replicas: the entry")
    a("  is one replica, and the whole-system throughput is divided by the replica count in `rows.json`.")
    a("- **Demand**: `averageInput`/`averageOutput` = ISL/OSL. Offline, static-batch and stress rows have")
    a("  `peak: 1 tokens/s`, so the report gives the replica's capacity. Online rows (S4) have peak =")
    a("  QPS x OSL. The unbounded rate (QPS = INF, all 500 requests at once) is `demand.burst: 500`, which")
    a("  Kiln works through step by step; its peak, `1B tokens/s`, is only there because a peak is required.")
    a("  MLPerf Server and DeepSeek production rows have peak = the")
    a("  measured per-replica output rate of the same system; MLPerf Server rows also carry MLPerf's")
    a("  constraints as `slo: {ttft: 2s, tpot: 200ms}` (MLPerf bounds the 99th percentile, Kiln the plan).")
    a("- **Engine**: `tensorrt-llm` for TensorRT-LLM rows, `sglang` for SGLang rows, `vllm` for DeepSeek's")
    a("  in-house engine (a stand-in). Images are pinned to the release nearest each source's software")
    a("  version (nominal: Kiln's capacity model does not read them). `engineArgs.maxBatch` is the row's")
    a("  concurrency where it states one (S5 client concurrency, MLPerf per-replica batch, S9 static batch,")
    a("  S8 derived in-flight batch).")
    a("- **Comparison** (`rows.json` `field`): output tokens/s of one replica ->")
    a("  `tokensPerSecondPerReplica` (per-GPU figures x GPUs; per-node figures x nodes; whole-system")
    a("  figures / replicas); mean ITL/TPOT and 1 / per-user tokens/s -> `tpot_s`; mean TTFT ->")
    a("  `ttftEstimate_s`; a prefill-only throughput (S8) -> `ttftEstimate_s` as the time one prompt of ISL")
    a("  tokens takes at that rate on the whole replica. Rows measured under an offered load (the online")
    a("  sweeps, MLPerf Server, production) compare with Kiln's figures at that load instead:")
    a("  `servedTokensPerSecondPerReplica`, `tpotAtPeak_s` and `ttftAtPeak_s`; the all-at-once rows with the")
    a("  burst's `burstTokensPerSecondPerReplica`, `burstTPOT_s` and `burstTTFT_s`. The S4 rows state")
    a("  `engineArgs.maxNumTokens: 8192`, trtllm-build's default `max_num_tokens`; the trtllm-bench rows (S1-S3)")
    a("  its cap of 32,768.")
    a("")
    a("## The sources and how they measured")
    a("")
    a("Figures from different regimes are not comparable with each other, so each regime is its own Region")
    a("and `calibration_table.py` summarises each separately.")
    a("")
    a("- **S1, S2, S3 - TensorRT-LLM performance overview** ([v1.0 revision](%s), [post-1.0 developer guide](%s), [v0.17 data](%s))." % (
        SOURCES["S1"]["url"], SOURCES["S2"]["url"], SOURCES["S3"]["url"]))
    a("  NVIDIA's `trtllm-bench throughput` runs: a synthetic data set of identical requests of exactly ISL")
    a("  input and OSL output tokens is queued at once and the engine batches in flight until it is done,")
    a("  with no latency bound, so the figures are the replica's maximum output throughput. S1 and S3 print")
    a("  the replica's output tokens/s, S2 output tokens/s per GPU. v0.17 (S3) ran prebuilt TensorRT engines")
    a("  with FP8 weights and KV cache (FP16 on A100); v1.0 and later (S1, S2) the PyTorch backend with")
    a("  NVIDIA ModelOpt FP8 and NVFP4 checkpoints, MoE models with attention data parallelism and expert")
    a("  parallelism inside one replica. Regime `offline`.")
    a("- **S4 - TensorRT-LLM online serving** ([v0.14 measurements](%s), section 'Online Serving Measurements')." % SOURCES["S4"]["url"])
    a("  500 requests at a fixed offered rate through Triton's TensorRT-LLM backend, BF16 weights; mean TTFT,")
    a("  mean inter-token latency and output tokens/s per load point. The only TensorRT-LLM source that ties")
    a("  latency to load. Regimes `online-2qps`, `online-16qps` and `online-inf` (all requests at once). At")
    a("  2 and 16 QPS the output rate is set by the offered load, not by the replica's capacity, so a ratio")
    a("  far above 1 on those throughput rows is expected of a capacity figure.")
    a("- **S5 - TensorRT-LLM DeepSeek-R1 best practices** ([blog](%s))." % SOURCES["S5"]["url"])
    a("  `trtllm-bench` on 8 B200 with an explicit client concurrency: a max-throughput run at concurrency")
    a("  3072 with FP16 KV cache (regime `offline`), and a batch-1 minimum-latency run with MTP speculative")
    a("  decoding (three draft layers) on a real data set, whose per-user speed is not 1/TPOT of plain")
    a("  decoding (regime `min-latency`).")
    a("- **S6 - MLPerf Inference v4.1, closed division** ([MLCommons results](%s); benchmark rules in the `mlcommons/inference` repository, `language/llama2-70b`)." % SOURCES["S6"]["url"])
    a("  Llama 2 70B on NVIDIA's own submissions. Offline: every sample issued at once, tokens/s of the")
    a("  whole system (regime `offline`). Server: Poisson arrivals at the highest rate that keeps p99 TTFT")
    a("  within 2 s and p99 TPOT within 200 ms (regime `mlperf-server`). Real data (OpenOrca, prompts up to")
    a("  1,024 tokens, mean input not published in the files read; OSL derived as tokens/s / samples/s).")
    a("  Several TP replicas run side by side; the per-replica batch comes from the submission's config.")
    a("- **S7 - DeepSeek production** ([open-infra-index, day 6](%s))." % SOURCES["S7"]["url"])
    a("  24-hour averages of DeepSeek's V3/R1 service on H800 with prefill/decode disaggregation: decode")
    a("  units of 18 nodes (EP144, attention DP), real traffic, MTP, a mean KV length of 4,989 tokens per")
    a("  output token (used as `averageContext`). Output tokens/s per node and the users' average speed.")
    a("  Not a controlled benchmark. Regime `production`.")
    a("- **S8 - SGLang large-scale expert parallelism** ([LMSYS blog, 2025-05-05](%s))." % SOURCES["S8"]["url"])
    a("  DeepSeek-V3 on H100 clusters with prefill and decode stressed separately (the other phase assumed")
    a("  unlimited), fixed synthetic lengths, tokens/s per node, DP attention and DeepEP; the decode test")
    a("  slows attention to mimic MTP. Throughput-oriented, no latency bound. Regime `pd-stress`.")
    a("- **S9 - early TensorRT-LLM launch blogs** ([H200 launch, v0.5](%s); Falcon-180B on H200, v0.7, same repository)." % SOURCES["S9"]["url"])
    a("  Static batches of a stated size (the largest power of two that fits) with tokens/s per GPU from the")
    a("  whole batch's latency. Old software; useful because the batch is known. Regime `static-batch`.")
    a("")
    a("Rows per regime: " + ", ".join("`%s` %d" % (k, per_regime[k]) for k in REGIMES if per_regime.get(k)) + ".")
    a("")
    a("## Figures expressed with a caveat")
    a("")
    a("These are in the project, but something in them is outside what Kiln models; `rows.json` lists the")
    a("caveats of each row.")
    a("")
    a("| caveat | rows |")
    a("|---|---|")
    for c in sorted(caveat_rows):
        a("| %s | %s |" % (c, ranges(caveat_rows[c])))
    a("")
    a("## Figures not expressed")
    a("")
    a("| row | source | model | GPU | metric | reason | what is missing |")
    a("|---|---|---|---|---|---|---|")
    for m in not_expressed:
        a("| %d | %s | %s | %s | %s | %s | %s |" % (m["index"], m["source"], m["model"], m["gpu"], m["metric"],
                                                 m["reason"], m["missing"]))
    a("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
