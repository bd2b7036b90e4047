"""Training computes the same on every x86-64 CPU (nlp.arithmetic): blis's matrix products on one kernel whatever
kernel blis picks from the CPU, and gradients clipped by norms numpy sums, not OpenBLAS.

A process is made to compute as on another kind of CPU by preloading a shim that answers blis's query of the CPU
(conftest.other_kernels: ``skx`` as on AVX-512 Intel, ``haswell`` as on AVX2), and by OpenBLAS's own variables."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy
import pytest
from thinc.api import NumpyOps

from nlp import arithmetic
from nlp.training import arithmetic_digest

#: In a child process: the kernel its blis chose, and the arithmetic digest with and without training's pin.
DIGESTS = (
    "from nlp import arithmetic; from nlp.training import arithmetic_digest; "
    "print(arithmetic.cpu_kernel(), arithmetic_digest(), arithmetic_digest(pin=False))"
)


def _digests(env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", DIGESTS], env=env, capture_output=True, text=True, check=True)
    return done.stdout.split()


@pytest.fixture(scope="module")
def here() -> str:
    return arithmetic_digest()


def test_training_computes_here_what_it_computes_on_the_kernels_other_cpus_get(other_kernels, here):
    """Unpinned, a process whose blis picked another CPU's kernel computes otherwise (the shipped model was not
    rebuilt on such a machine before the pin); pinned, it computes what this process computes.  Fails when the pin
    is removed or no longer reaches a matrix product of the NER (spaCy makes its output layer with operations of its
    own choosing: nlp.arithmetic.pin)."""
    for name, env in other_kernels.items():
        chosen, pinned, unpinned = _digests(env)
        assert chosen == name  # the shim took: blis computes as on that kind of CPU
        assert unpinned != here, name
        assert pinned == here, name


@pytest.mark.parametrize(
    "env",
    [
        {"OPENBLAS_NUM_THREADS": "3"},  # numpy's BLAS splits a long dot product over the CPU's threads
        {"OPENBLAS_CORETYPE": "Nehalem", "OPENBLAS_NUM_THREADS": "1"},  # ... with the kernel of an SSE4.2 CPU
    ],
)
def test_training_computes_the_same_whatever_numpys_blas_picks(env, here):
    """thinc clips each gradient by its norm, a dot product numpy hands to OpenBLAS, whose kernel and threads depend
    on the CPU (read when numpy loads: a child process).  Training clips by numpy's own sum instead."""
    if arithmetic.unpinned():
        pytest.skip(f"training cannot pin its arithmetic here: {arithmetic.unpinned()}")
    _, pinned, _ = _digests({**os.environ, **env})
    assert pinned == here


# ------------------------------------------------------------------ PinnedOps is thinc's gemm, on one kernel

RNG = numpy.random.RandomState(3)


@pytest.mark.parametrize(
    ("x_shape", "y_shape", "trans1", "trans2"),
    [
        ((5, 7), (7, 3), False, False),
        ((7, 5), (7, 3), True, False),  # x is stored transposed
        ((5, 7), (3, 7), False, True),  # y is stored transposed
        ((7, 5), (3, 7), True, True),
        ((1, 300), (300, 2), False, False),  # a long inner dimension
    ],
)
def test_pinned_gemm_multiplies_as_thincs(x_shape, y_shape, trans1, trans2):
    x, y = RNG.uniform(-1, 1, x_shape).astype("f"), RNG.uniform(-1, 1, y_shape).astype("f")
    expected = (x.T if trans1 else x).astype("d") @ (y.T if trans2 else y).astype("d")
    got = arithmetic.PinnedOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.dtype == numpy.float32 and got.shape == expected.shape
    assert numpy.allclose(got, expected, atol=1e-5)
    assert numpy.allclose(got, NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2), atol=1e-5)
    out = numpy.full(expected.shape, 9.0, dtype="f")  # written into, not added to (spaCy's precomputed affine)
    assert arithmetic.PinnedOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.array_equal(out, got)


def test_pinned_gemm_says_what_does_not_fit():
    with pytest.raises(ValueError, match="Shape mismatch"):
        arithmetic.PinnedOps().gemm(numpy.ones((2, 3), "f"), numpy.ones((4, 2), "f"))
    with pytest.raises(ValueError, match=r"\(2, 2\) float32"):
        arithmetic.PinnedOps().gemm(numpy.ones((2, 3), "f"), numpy.ones((3, 2), "f"), out=numpy.ones((2, 3), "f"))


def test_pinned_gemm_multiplies_with_the_pinned_kernel():
    if arithmetic.unpinned():
        pytest.skip(f"training cannot pin its arithmetic here: {arithmetic.unpinned()}")
    assert arithmetic.kernel() == f"blis {arithmetic.BLIS_VERSION} {arithmetic.KERNEL}"
    assert arithmetic.kernel_ids()[arithmetic.KERNEL] == 20  # BLIS 0.7.0's arch_t ends with generic
    if arithmetic.cpu_kernel() == arithmetic.KERNEL:  # blis's own choice here: thinc's product, bit for bit
        x, y = RNG.uniform(-1, 1, (350, 576)).astype("f"), RNG.uniform(-1, 1, (576, 64)).astype("f")
        assert numpy.array_equal(arithmetic.PinnedOps().gemm(x, y), NumpyOps().gemm(x, y))


@pytest.mark.parametrize(
    ("gradient", "threshold", "norm_after"),
    [
        ([3.0, 4.0], 1.0, 1.0),  # norm 5: scaled down to the threshold
        ([3.0, 4.0], 5.0, 5.0),  # at the threshold: scaled by 1
        ([0.3, 0.4], 1.0, 0.5),  # below: left alone
        ([[3.0, 0.0], [0.0, 4.0]], 2.5, 2.5),  # a matrix: its Frobenius norm
    ],
)
def test_clip_gradient_scales_a_gradient_to_the_threshold(gradient, threshold, norm_after):
    g = numpy.array(gradient, dtype="f")
    expected = NumpyOps().clip_gradient(g.copy(), threshold)
    clipped = arithmetic.clip_gradient(g, threshold)
    assert clipped is g  # in place, as thinc's
    assert numpy.isclose(numpy.linalg.norm(clipped), norm_after)
    assert numpy.allclose(clipped, expected)
