"""One way of computing for training, whatever the x86-64 CPU (``budgetkg train``; docs/training.md).

thinc multiplies float32 matrices with blis (cython-blis, which bundles BLIS 0.7.0).  BLIS picks its kernel from
the CPU the first time it multiplies: ``skx`` on AVX-512 Intel, ``haswell`` on AVX2, ``zen``/``zen2`` on the AMD
it knows, ``generic`` on a CPU it does not know (this project's AMD EPYC).  The kernels add up the products in
other orders, so the same training wrote other bytes on another kind of CPU.  BLIS 0.7.0 reads no variable to
choose its kernel (``BLIS_ARCH_TYPE`` came with BLIS 0.8; cython-blis's ``bli_arch.c`` asks cpuid only), but it
keeps a context — block sizes and kernels — for every kernel it was built with, and its typed API computes with
the context it is handed.  :class:`PinnedOps` hands it the ``generic`` one: BLIS's reference kernel, plain C built
for the x86-64 baseline (no FMA), which sums in one order on every x86-64 CPU.

The other library training reaches is numpy's BLAS (OpenBLAS), through thinc's gradient clipping: the norm of a
gradient is ``sqrt(g·g)``, a dot product whose kernel OpenBLAS too picks from the CPU (``OPENBLAS_CORETYPE``,
read once when numpy loads) and which it splits over the CPU's threads.  Training sums that norm with numpy
instead (:func:`pinned_optimizer`), the same on every CPU and any number of threads.
"""

from __future__ import annotations

import ctypes
import functools
import platform
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

import numpy
from thinc.api import Model, NumpyOps, Optimizer, get_current_ops, set_current_ops

#: The kernel training computes with on every x86-64 CPU.
KERNEL = "generic"

#: The BLIS whose contexts :class:`PinnedOps` knows (cython-blis bundles it); another version may number its
#: kernels otherwise.
BLIS_VERSION = "0.7.0"

_NO_TRANSPOSE, _TRANSPOSE = 0, 8  # BLIS's trans_t


@dataclass(frozen=True)
class _Blis:
    gemm: Callable[..., None]
    context: int  # the pinned kernel's cntx_t*
    chosen: str  # the kernel BLIS chose from this CPU
    names: tuple[str, ...]  # BLIS's kernels by id


@functools.cache
def _blis() -> _Blis | str:
    """The library and the pinned kernel's context, or why the pin cannot apply on this machine."""
    machine = platform.machine().lower()
    if machine not in ("x86_64", "amd64"):
        return f"a {machine} CPU: the pin is for x86-64, where BLIS's generic kernel is built for one baseline"
    import blis.cy

    try:
        lib = ctypes.CDLL(blis.cy.__file__)
        version, arch, lookup, gemm = (
            lib.bli_info_get_version_str,
            lib.bli_arch_string,
            lib.bli_gks_lookup_nat_cntx,
            lib.bli_sgemm_ex,
        )
    except (OSError, AttributeError) as err:
        return f"blis does not export its typed API here ({err})"
    version.restype = arch.restype = ctypes.c_char_p
    found = (version() or b"").decode()
    if found != BLIS_VERSION:
        return f"blis bundles BLIS {found}: the pin knows BLIS {BLIS_VERSION}'s kernels"
    arch.argtypes = [ctypes.c_int]
    names = [arch(i).decode() for i in range(21)]  # BLIS 0.7.0's arch_t: skx … generic (20)
    lib.bli_arch_query_id.restype = ctypes.c_int
    lookup.restype, lookup.argtypes = ctypes.c_void_p, [ctypes.c_int]
    context = lookup(names.index(KERNEL))
    if not context:
        return f"blis was built without its {KERNEL} kernel"
    p, i = ctypes.c_void_p, ctypes.c_int64
    gemm.restype = None
    gemm.argtypes = [ctypes.c_int, ctypes.c_int, i, i, i, p, p, i, i, p, i, i, p, p, i, i, p, p]
    return _Blis(gemm, context, names[lib.bli_arch_query_id()], tuple(names))


def unpinned() -> str | None:
    """Why training cannot be pinned to :data:`KERNEL` on this machine, or None when it is."""
    blas = _blis()
    return blas if isinstance(blas, str) else None


def kernel() -> str:
    """What provenance.json says of the kernel training multiplies with: the same on every machine the pin applies
    on (whatever kernel blis would choose there)."""
    blas = _blis()
    return f"the CPU's own (not pinned: {blas})" if isinstance(blas, str) else f"blis {BLIS_VERSION} {KERNEL}"


def kernel_ids() -> dict[str, int]:
    """BLIS's kernels by name, with the id its query of the CPU (``bli_cpuid_query_id``) answers for each; {} where
    the pin does not apply."""
    blas = _blis()
    return {} if isinstance(blas, str) else {name: i for i, name in enumerate(blas.names)}


def cpu_kernel() -> str | None:
    """The kernel blis chose from this CPU for everything but training (None where the pin does not apply)."""
    blas = _blis()
    return None if isinstance(blas, str) else blas.chosen


_ONE, _ZERO = ctypes.c_float(1.0), ctypes.c_float(0.0)


class PinnedOps(NumpyOps):
    """thinc's CPU operations with matrix products on BLIS's :data:`KERNEL` kernel (module doc); everything else is
    NumpyOps'."""

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        blas = _blis()
        plain = x.ndim == y.ndim == 2 and x.dtype == y.dtype == numpy.float32
        if isinstance(blas, str) or not plain:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)  # its own errors
        x, y = self.as_contig(x), self.as_contig(y)
        m, k = x.shape[::-1] if trans1 else x.shape
        k_y, n = y.shape[::-1] if trans2 else y.shape
        if k != k_y:
            raise ValueError(f"Shape mismatch for gemm: ({m}, {k}), ({k_y}, {n})")
        if out is None:
            out = numpy.empty((m, n), dtype=numpy.float32)
        else:
            out = self.as_contig(out)
            if out.shape != (m, n) or out.dtype != numpy.float32:
                raise ValueError(f"gemm writes a ({m}, {n}) float32 array, not {out.shape} {out.dtype}")
        blas.gemm(
            _TRANSPOSE if trans1 else _NO_TRANSPOSE,
            _TRANSPOSE if trans2 else _NO_TRANSPOSE,
            m,
            n,
            k,
            ctypes.addressof(_ONE),
            x.ctypes.data,
            x.shape[1],
            1,
            y.ctypes.data,
            y.shape[1],
            1,
            ctypes.addressof(_ZERO),
            out.ctypes.data,
            n,
            1,
            blas.context,
            None,
        )
        return out


def clip_gradient(gradient, threshold: float):
    """thinc's gradient clipping (``Ops.clip_gradient``) with the norm summed by numpy (pairwise, in one order on
    every CPU) instead of OpenBLAS's dot product, whose kernel and threads depend on the CPU."""
    flat = gradient.ravel()
    norm = numpy.sqrt(numpy.add.reduce(flat * flat))
    if norm >= threshold:
        gradient *= threshold / norm
    return gradient


class _NumpyClipping:
    """An optimizer that clips each gradient by :func:`clip_gradient` before thinc's, told to clip none, sees it
    (thinc's optimizer clips with a NumpyOps of its own, whatever the current operations)."""

    def __init__(self, optimizer: Optimizer, threshold: float):
        self.optimizer, self.threshold = optimizer, threshold

    def __call__(self, key, weights, gradient, *, lr_scale: float = 1.0):
        if len(gradient) >= 1:
            gradient = clip_gradient(gradient, self.threshold)
        return self.optimizer(key, weights, gradient, lr_scale=lr_scale)

    def __getattr__(self, name: str):
        return getattr(self.optimizer, name)


def pinned_optimizer(optimizer: Optimizer) -> Optimizer:
    """``optimizer`` clipping gradients the same on every CPU (:func:`clip_gradient`), where the pin applies.  thinc
    adds an L2 penalty to the gradient before it clips unless the penalty is a weight decay (spaCy's default); only
    then can the clipping move ahead of thinc's optimizer, so otherwise ``optimizer`` is returned as it is."""
    threshold = optimizer.grad_clip
    if unpinned() or not threshold or (optimizer.L2 and not optimizer.L2_is_weight_decay):
        return optimizer
    optimizer.grad_clip = 0.0
    return cast(Optimizer, _NumpyClipping(optimizer, threshold))


@contextmanager
def pinned() -> Iterator[None]:
    """Models made inside compute with :class:`PinnedOps` (thinc gives a model the current operations when it is
    made); :func:`pin` the layers spaCy makes with operations of its own choosing."""
    previous = get_current_ops()
    set_current_ops(PinnedOps())
    try:
        yield
    finally:
        set_current_ops(previous)


def pin(model: Model) -> None:
    """Every layer of ``model`` computes with :class:`PinnedOps`: spaCy makes the parser's output layer with the
    CPU's best operations (``use_ops("cpu")``), whatever the current ones, when it makes it and when it resizes it
    to the labels (``nlp.initialize``)."""
    ops = PinnedOps()
    for layer in model.walk():
        layer.ops = ops
