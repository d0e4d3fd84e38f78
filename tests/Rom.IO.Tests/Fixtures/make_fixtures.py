#!/usr/bin/python3
"""Writes the fixtures of the Rom.IO HDF5 interop tests: h5py-written.h5 with its sidecar h5py-written.json
(expected values), h5py-unsupported.h5 whose /data/records dataset has a compound type Rom does not read, and
h5py-latest.h5 in HDF5's newest format (libver='latest': checksummed metadata, dense link and attribute storage).

Run with Debian's interpreter, which has h5py and numpy:  /usr/bin/python3 make_fixtures.py
"""
import json
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
H5_PATH = os.path.join(HERE, "h5py-written.h5")
JSON_PATH = os.path.join(HERE, "h5py-written.json")
UNSUPPORTED_PATH = os.path.join(HERE, "h5py-unsupported.h5")
LATEST_PATH = os.path.join(HERE, "h5py-latest.h5")

matrix = np.arange(40 * 30, dtype=np.float64).reshape(40, 30) / 7.0
float32s = np.array([0.5, -1.25, 3.0e10], dtype=np.float32)
int32s = np.array([-2147483648, 0, 2147483647], dtype=np.int32)
int64s = np.array([-9007199254740993, 1, 9007199254740993], dtype=np.int64)
uint8s = np.array([0, 1, 255], dtype=np.uint8)
# CSR matrix [[1, 0, 2], [0, 0, 3]] stored SciPy-style.
csr_data = np.array([1.0, 2.0, 3.0])
csr_indices = np.array([0, 2, 2], dtype=np.int32)
csr_indptr = np.array([0, 2, 3], dtype=np.int32)

with h5py.File(H5_PATH, "w") as f:
    f.attrs["title"] = "Fixture written by h5py: ünïcödé"  # scalar variable-length UTF-8
    f.attrs["fixed"] = np.bytes_("fixed-ascii")  # scalar fixed-length
    f.attrs["version"] = np.int64(3)
    f.attrs["tolerance"] = 1.0e-8
    f.attrs["weights"] = np.array([0.25, 0.75])
    f.attrs["names"] = ["alpha", "beta", "γ"]  # variable-length UTF-8 array
    f.attrs["codes"] = np.array([b"ab", b"cde"], dtype="S3")  # fixed-length array

    data = f.create_group("data")
    data.create_dataset("matrix", data=matrix, chunks=(8, 10), compression="gzip", compression_opts=6)
    data.create_dataset("float32", data=float32s)
    data.create_dataset("int32", data=int32s)
    data.create_dataset("int64", data=int64s)
    data.create_dataset("uint8", data=uint8s)
    data.create_dataset("labels", data=["x", "yy", "zzz"], dtype=h5py.string_dtype())
    data.create_dataset("fixed_labels", data=np.array([b"u", b"vw"], dtype="S2"))
    data.create_dataset("scalar", data=2.5)

    operator = data.create_group("operator")
    operator.attrs["format"] = "csr"
    operator.attrs["shape"] = np.array([2, 3], dtype=np.int64)
    operator.create_dataset("data", data=csr_data)
    operator.create_dataset("indices", data=csr_indices)
    operator.create_dataset("indptr", data=csr_indptr)

    f.create_group("a/b/c").attrs["depth"] = np.int32(3)

expected = {
    "attributes": {
        "/@title": "Fixture written by h5py: ünïcödé",
        "/@fixed": "fixed-ascii",
        "/@version": 3,
        "/@tolerance": 1.0e-8,
        "/@weights": [0.25, 0.75],
        "/@names": ["alpha", "beta", "γ"],
        "/@codes": ["ab", "cde"],
        "/data/operator@format": "csr",
        "/data/operator@shape": [2, 3],
        "/a/b/c@depth": 3,
    },
    "datasets": {
        "/data/matrix": {"dtype": "Float64", "shape": list(matrix.shape), "values": matrix.ravel().tolist()},
        "/data/float32": {"dtype": "Float32", "shape": [3], "values": float32s.astype(np.float64).tolist()},
        "/data/int32": {"dtype": "Int32", "shape": [3], "values": int32s.tolist()},
        "/data/int64": {"dtype": "Int64", "shape": [3], "values": int64s.tolist()},
        "/data/uint8": {"dtype": "UInt8", "shape": [3], "values": uint8s.tolist()},
        "/data/labels": {"dtype": "String", "shape": [3], "values": ["x", "yy", "zzz"]},
        "/data/fixed_labels": {"dtype": "String", "shape": [2], "values": ["u", "vw"]},
        "/data/scalar": {"dtype": "Float64", "shape": [], "values": [2.5]},
        "/data/operator/data": {"dtype": "Float64", "shape": [3], "values": csr_data.tolist()},
        "/data/operator/indices": {"dtype": "Int32", "shape": [3], "values": csr_indices.tolist()},
        "/data/operator/indptr": {"dtype": "Int32", "shape": [3], "values": csr_indptr.tolist()},
    },
}
with open(JSON_PATH, "w", encoding="utf-8") as out:
    json.dump(expected, out, ensure_ascii=False, indent=1)
    out.write("\n")

with h5py.File(UNSUPPORTED_PATH, "w") as f:
    f.create_group("data").create_dataset("records", data=np.zeros(2, dtype=[("x", "f8"), ("n", "i4")]))

# More than 8 links or attributes switch a group to dense storage (fractal heap + B-tree v2).
with h5py.File(LATEST_PATH, "w", libver="latest") as f:
    for i in range(12):
        f.create_group(f"g{i:02d}").attrs["index"] = np.int64(i)
    for i in range(10):
        f["g00"].attrs[f"a{i}"] = float(i) / 4
    f["g01"].create_dataset("values", data=np.arange(100, dtype=np.float64) / 3, chunks=(10,), compression="gzip")
