#!/usr/bin/python3
"""Plot the error in ULP of vdist's pnorm / qnorm against libRmath's, across the domain.

Writes two PNGs for the README, 1200 x 800 px, four panels each:
    docs/ulp_pnorm.png   (a) lower tail, x in [-38.5, 8]; (b) zoom on its subnormal results,
                         x in [-38.5, -37]; (c) log_p, x in [-1e5, 0]; (d) mu = 0.1,
                         sigma = 0.3 with x random doubles, so z = (x - mu)/sigma is inexact
    docs/ulp_qnorm.png   (a) lower tail, p log-uniform in [1e-300, 0.5]; (b) p near 1,
                         1 - p in [1e-16, 0.5]; (c) log_p, log p in [-1e300, -1e-3] plus
                         log p near log(1/2); (d) upper tail, p just below 1/2

Each point is |got - true| / ulp(true), where the true value is computed with mpmath at
60 significant digits from the exact value of the double arguments, and
    ulp(t) = 2^(floor(log2 |t|) - 52) for normal t,  2^-1074 for subnormal t or t = 0
(so a result that is correctly rounded shows <= 0.5). The y axis is logarithmic; errors
below 1e-2 (including exact results) are drawn at 1e-2. A result of +-inf or NaN, or of 0
more than 1 ULP from the true value, is drawn at 1e16 and labelled "flushed". A step line
per implementation gives the maximum over 60 bins of consecutive points.

Three implementations: vdist's scalar reference (vd_pnorm / vd_qnorm), vdist's SIMD kernels
(vd_*_array with vd_set_isa("avx2"), or "neon" on aarch64; skipped if neither runs here)
and libRmath (pnorm5 / qnorm5). Inputs are drawn with a fixed seed.

Run from anywhere (needs Debian's python3-mpmath, python3-matplotlib, python3-numpy):
    /usr/bin/python3 tools/plot_ulp.py [--lib build/libvdist.so] [--rmath /usr/lib/libRmath.so]
                                       [--out docs] [-n 3000] [--check]
--lib and --out default to paths relative to the repository root. --check also recomputes
a sample of the true values at 120 digits and reports the largest disagreement.
"""

import argparse
import ctypes
import math
import os
import sys
import time

import numpy as np
import mpmath
from mpmath import mp, mpf

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DPS = 60
SEED = 20240601
BINS = 60            # the max-envelope line groups each panel's points into this many bins
FLOOR = 1e-2          # errors below this (including 0) are drawn here
FLUSH = 1e16          # where a flushed result (0 / inf / nan for a finite true value) is drawn
BUDGET_SCALAR = 2
BUDGET_SIMD = 4
LEGEND_MID = ("lower right", (0.99, 0.28))   # between the budget lines and 1e16
X_SUBNORMAL = -37.519379347144  # Phi(x) = 2^-1022 (DBL_MIN) here


# ------------------------------------------------------------------------------------------
# the libraries
# ------------------------------------------------------------------------------------------

class Impls:
    """vdist scalar, vdist SIMD (if any ISA runs here) and libRmath, as numpy-array calls."""

    def __init__(self, lib_path, rmath_path):
        self.vd = ctypes.CDLL(lib_path)
        self.rm = ctypes.CDLL(rmath_path)
        sig5 = [ctypes.c_double] * 3 + [ctypes.c_int] * 2
        for f in (self.vd.vd_pnorm, self.vd.vd_qnorm, self.rm.pnorm5, self.rm.qnorm5):
            f.restype = ctypes.c_double
            f.argtypes = sig5
        arr = [ctypes.c_size_t, ctypes.POINTER(ctypes.c_double), ctypes.c_double,
               ctypes.c_double, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_double)]
        for f in (self.vd.vd_pnorm_array, self.vd.vd_qnorm_array):
            f.restype = None
            f.argtypes = arr
        self.vd.vd_set_isa.restype = ctypes.c_int
        self.vd.vd_set_isa.argtypes = [ctypes.c_char_p]
        self.vd.vd_isa_supported.restype = ctypes.c_int
        self.vd.vd_isa_supported.argtypes = [ctypes.c_char_p]
        self.simd = None
        for isa in ("avx2", "neon"):
            if self.vd.vd_isa_supported(isa.encode()):
                self.simd = isa
                break

    def names(self):
        out = ["vdist scalar"]
        if self.simd:
            out.append("vdist SIMD (%s)" % self.simd)
        out.append("libRmath")
        return out

    def run(self, func, x, mu, sigma, lower, lg):
        """{name: results} for the doubles x."""
        x = np.ascontiguousarray(x, dtype=np.float64)
        scal = getattr(self.vd, "vd_" + func)
        rm = getattr(self.rm, func + "5")
        res = {"vdist scalar": np.array([scal(v, mu, sigma, lower, lg) for v in x])}
        if self.simd:
            if self.vd.vd_set_isa(self.simd.encode()) != 0:
                raise RuntimeError("vd_set_isa(%s) failed" % self.simd)
            out = np.empty_like(x)
            getattr(self.vd, "vd_%s_array" % func)(
                len(x), x.ctypes.data_as(ctypes.POINTER(ctypes.c_double)), mu, sigma,
                lower, lg, out.ctypes.data_as(ctypes.POINTER(ctypes.c_double)))
            self.vd.vd_set_isa(b"auto")
            res["vdist SIMD (%s)" % self.simd] = out
        res["libRmath"] = np.array([rm(v, mu, sigma, lower, lg) for v in x])
        return res


# ------------------------------------------------------------------------------------------
# true values (mpmath)
# ------------------------------------------------------------------------------------------

def z_exact(x, mu, sigma):
    """(x - mu)/sigma from the exact values of the doubles (x - mu is formed exactly)."""
    return mpmath.fsub(mpf(x), mpf(mu), exact=True) / mpf(sigma)


def log_phi_cdf(z):
    """log Phi(z), accurate relative to the result (also when Phi(z) is close to 1)."""
    if z <= 0:
        return mpmath.log(mpmath.erfc(-z / mpmath.sqrt(2)) / 2)
    return mpmath.log1p(-mpmath.erfc(z / mpmath.sqrt(2)) / 2)


def true_pnorm(x, mu, sigma, lower, lg):
    z = z_exact(x, mu, sigma)
    if not lower:
        z = -z
    if lg:
        return log_phi_cdf(z)
    return mpmath.erfc(-z / mpmath.sqrt(2)) / 2


def std_quantile(lp):
    """z with log Phi(z) = lp (an mpf, -inf < lp < 0), by Newton's method on the concave,
    increasing g(z) = log Phi(z) - lp (which converges from any start). The step needs
    phi(z)/Phi(z) = exp(log phi(z) - log Phi(z)), which cancels for large |z|: the
    precision is raised by the number of digits of z^2 for that difference."""
    with mp.extradps(20):
        # asymptotic starting guess
        if lp < -2:
            t = -lp
            z = -mpmath.sqrt(max(2 * t - mpmath.log(4 * mp.pi * t), mpf(1)))
        else:
            q = -mpmath.expm1(lp)                       # 1 - p
            if q < mpmath.exp(-2):
                t = -mpmath.log(q)
                z = mpmath.sqrt(max(2 * t - mpmath.log(4 * mp.pi * t), mpf(1)))
            else:
                z = (mpmath.exp(lp) - mpf(0.5)) * mpmath.sqrt(2 * mp.pi)
        tol = mpf(10) ** (-(DPS + 5))
        for _ in range(200):
            extra = int(2 * mpmath.log10(abs(z) + 1)) + 10
            with mp.extradps(extra):
                lphi = log_phi_cdf(z)
                d = mpmath.exp(-z * z / 2 - mpmath.log(2 * mp.pi) / 2 - lphi)
                dz = (lphi - lp) / d
            z -= dz
            if dz == 0 or abs(dz) <= abs(z) * tol:
                break
        else:
            raise RuntimeError("Newton did not converge for log p = %s" % mpmath.nstr(lp, 20))
    return +z


def true_qnorm(p, mu, sigma, lower, lg):
    if lg:
        lp = mpf(p)
    else:
        with mp.extradps(20):
            lp = mpmath.log(mpf(p))     # log of the exact double p; near p = 1 log ~ p - 1
    z = std_quantile(lp)
    if not lower:
        z = -z
    return mpmath.fadd(mpf(mu), mpf(sigma) * z, exact=True)


def ulp_of(t):
    """2^(floor(log2|t|) - 52) for normal t, 2^-1074 for subnormal t or 0 (mpf)."""
    if t == 0 or abs(t) < mpf(2) ** -1022:
        return mpf(2) ** -1074
    _, e = mpmath.frexp(t)            # |t| in [2^(e-1), 2^e)
    return mpf(2) ** (e - 53)


def true_values(func, x, mu, sigma, lower, lg):
    f = true_pnorm if func == "pnorm" else true_qnorm
    return [f(float(v), mu, sigma, lower, lg) for v in x]


def ulp_errors(got, truth):
    """(errors, flushed mask) of the doubles got against the mpf truth."""
    err = np.empty(len(got))
    flushed = np.zeros(len(got), dtype=bool)
    for i, (g, t) in enumerate(zip(got, truth)):
        g = float(g)
        if math.isnan(g) or math.isinf(g):
            err[i], flushed[i] = FLUSH, True
            continue
        e = float(abs(mpf(g) - t) / ulp_of(t))
        if g == 0 and e > 1:
            err[i], flushed[i] = FLUSH, True
        else:
            err[i] = min(e, FLUSH)
    return err, flushed


# ------------------------------------------------------------------------------------------
# the panels
# ------------------------------------------------------------------------------------------

def panel_data(impls, func, x, mu, sigma, lower, lg):
    truth = true_values(func, x, mu, sigma, lower, lg)
    got = impls.run(func, x, mu, sigma, lower, lg)
    out = {}
    for name, g in got.items():
        out[name] = ulp_errors(g, truth) + (g,)
    return truth, out


STYLE = {
    "vdist scalar": dict(color="tab:blue", marker="o", s=6, zorder=4, alpha=0.45),
    "vdist SIMD": dict(color="tab:green", marker="^", s=6, zorder=3, alpha=0.45),
    "libRmath": dict(color="tab:red", marker="s", s=6, zorder=2, alpha=0.45),
}


def style(name):
    return STYLE["vdist SIMD" if name.startswith("vdist SIMD") else name]


LEGEND_KW = dict(fontsize=7.5, markerscale=2.2, framealpha=0.9, title_fontsize=7.5,
                 title="dots: each input; lines: running max (%d bins)" % BINS)


def envelope(xs, e, ok, bins=BINS):
    """Max of e over consecutive groups of points (xs sorted), flushed points left out."""
    order = np.argsort(xs, kind="stable")
    bx, by = [], []
    for idx in np.array_split(order, bins):
        idx = idx[ok[idx]]
        if len(idx):
            bx.append(np.median(xs[idx]))
            by.append(e[idx].max())
        else:
            bx.append(np.nan)
            by.append(np.nan)
    return np.array(bx), np.array(by)


def draw(ax, xs, data, title, xlabel, xscale="linear", xscale_kw=None, xlim=None, xticks=None,
         note=None, note_xy=(0.01, 0.97), legend_loc="upper right"):
    summary = []
    top = 0.0
    got_of = {name: v[2] for name, v in data.items()}
    for name, (err, flushed, _) in data.items():
        st = style(name)
        e = np.maximum(err, FLOOR)
        ok = ~flushed
        label = "%s (max %s ULP%s)" % (name, fmt_ulp(err[ok].max() if ok.any() else 0),
                                        " elsewhere" if flushed.any() else "")
        ax.scatter(xs[ok], e[ok], label=label, linewidths=0, **st)
        bx, by = envelope(xs, e, ok)
        ax.plot(bx, by, color=st["color"], lw=1.5, drawstyle="steps-mid",
                zorder=st["zorder"] + 3)
        top = max(top, e.max())
        if flushed.any():
            stf = dict(st, marker="x", s=18, linewidths=1.0, alpha=0.9)
            to = "0" if all(g == 0 for g in got_of[name][flushed]) else "0/inf/NaN"
            ax.scatter(xs[flushed], e[flushed],
                       label="%s flushed to %s (%d pts, drawn at 1e16)"
                       % (name, to, flushed.sum()), **stf)
        summary.append((name, err, flushed))
    ax.axhline(BUDGET_SCALAR, color="black", lw=0.9, ls="--")
    ax.axhline(BUDGET_SIMD, color="black", lw=0.9, ls=":")
    ax.set_yscale("log")
    # y range: up to 1e3 when every error is small, else up to the worst (1e16 if flushed)
    hi = max(1e3, 10 ** math.ceil(math.log10(top) + 0.3))
    ax.set_ylim(FLOOR / 1.6, hi * 2)
    step = 1 if hi <= 1e4 else 2
    ax.set_yticks([10.0 ** k for k in range(-2, round(math.log10(hi)) + 1, step)])
    ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
        lambda v, _: "$\\leq 10^{-2}$" if v <= FLOOR * 1.01 else
        ("1" if v == 1 else "$10^{%d}$" % round(math.log10(v)))))
    ax.set_xscale(xscale, **(xscale_kw or {}))
    if xlim:
        ax.set_xlim(*xlim)
    if xticks is not None:
        ax.set_xticks(xticks)
        ax.minorticks_off()
        if xscale in ("function", "log"):
            ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
                lambda v, _: "1" if v == 1 else "$10^{%d}$" % round(math.log10(v))))
    ax.set_title(title, fontsize=10.5)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("error [ULP of true value]")
    ax.grid(True, which="major", alpha=0.3)
    if note:
        ax.text(note_xy[0], note_xy[1], note, transform=ax.transAxes, fontsize=8, va="top",
                bbox=dict(boxstyle="round", fc="white", ec="0.8", alpha=0.9))
    if isinstance(legend_loc, tuple):        # (loc, bbox_to_anchor)
        leg = ax.legend(loc=legend_loc[0], bbox_to_anchor=legend_loc[1], **LEGEND_KW)
    else:
        leg = ax.legend(loc=legend_loc, **LEGEND_KW)
    for h in getattr(leg, "legend_handles", None) or leg.legendHandles:
        h.set_alpha(1)
    return summary


def fmt_ulp(v):
    if v < 10:
        return "%.2f" % v
    if v < 1e5:
        return "%.0f" % v
    return "%.1e" % v


def budget_legend(fig):
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], color="black", lw=0.9, ls="--", label="budget 2 ULP (scalar)"),
               Line2D([], [], color="black", lw=0.9, ls=":", label="budget 4 ULP (SIMD)")]
    fig.legend(handles=handles, loc="lower center", ncol=2, fontsize=8.5, frameon=False)


def report(tag, summary):
    parts = []
    for name, err, flushed in summary:
        ok = ~flushed
        s = "%s max %s" % (name, fmt_ulp(err[ok].max() if ok.any() else 0))
        if flushed.any():
            s += " +%d flushed" % flushed.sum()
        parts.append(s)
    print("  %-34s %s" % (tag, "; ".join(parts)))


def plot_pnorm(impls, rng, out_dir, n):
    fig, axs = plt.subplots(2, 2, figsize=(12, 8), dpi=100)
    print("pnorm:")

    # (a) lower tail, standard, down into the subnormal range (extra points there)
    x = np.sort(np.concatenate([rng.uniform(-38.5, 8, n), rng.uniform(-38.5, -37.0, n // 3)]))
    _, data = panel_data(impls, "pnorm", x, 0.0, 1.0, 1, 0)
    report("lower tail x in [-38.5, 8]", draw(
        axs[0, 0], x, data, "(a) pnorm(x), lower tail, x in [-38.5, 8]", "x",
        xlim=(-39, 8.5), legend_loc="center right"))
    axs[0, 0].axvspan(X_SUBNORMAL, -39, color="0.88", zorder=0)

    # (b) zoom on the subnormal range of (a)
    m = x <= -37.0
    report("zoom x in [-38.5, -37]", draw(
        axs[0, 1], x[m], {k: (e[m], f[m], g[m]) for k, (e, f, g) in data.items()},
        "(b) zoom on (a): subnormal results, x < %.4f (shaded)" % X_SUBNORMAL, "x",
        xlim=(-38.55, -36.95), legend_loc=LEGEND_MID,
        note="true Phi(x) < 2^-1022 in the shaded range; libRmath returns 0\n"
             "for x < -37.5193 (error drawn at 1e16; the true error is up to\n"
             "2^52 ULP of 2^-1074). Below x = -38.4854, Phi(x) < 2^-1075\n"
             "and 0 is the correctly rounded result.", note_xy=(0.02, 0.80)))
    axs[0, 1].axvspan(X_SUBNORMAL, -39, color="0.88", zorder=0)

    # (c) log_p, lower tail, x in [-1e5, 0]
    x = np.sort(np.concatenate([-10.0 ** rng.uniform(0, 5, n), -rng.uniform(0, 1, n // 4)]))
    _, data = panel_data(impls, "pnorm", x, 0.0, 1.0, 1, 1)
    report("log_p x in [-1e5, 0]", draw(
        axs[1, 0], x, data, "(c) pnorm(x, log_p = TRUE) = log Phi(x), x in [-1e5, 0]",
        "x (symlog scale, linear in [-1, 0])", "symlog", dict(linthresh=1.0),
        xlim=(-1.5e5, 0.05), xticks=[-1e5, -1e4, -1e3, -1e2, -1e1, -1, 0]))

    # (d) lower tail with mu = 0.1, sigma = 0.3: z is not a double
    mu, sigma = 0.1, 0.3
    z = rng.uniform(-38.5, 8, n)
    x = np.sort(mu + sigma * z)
    _, data = panel_data(impls, "pnorm", x, mu, sigma, 1, 0)
    zs = (x - mu) / sigma
    report("mu=0.1 sigma=0.3", draw(
        axs[1, 1], zs, data,
        "(d) pnorm(x, mu = 0.1, sigma = 0.3), x random doubles: z inexact",
        "z = (x - 0.1) / 0.3", xlim=(-39, 8.5), legend_loc=LEGEND_MID,
        note="libRmath rounds z = (x - mu)/sigma to a double; in the tail\n"
             "that relative error of z is magnified ~z^2 times in Phi(z)",
        note_xy=(0.02, 0.80)))

    finish_figure(fig, "pnorm", out_dir)


LL_SHIFT = 3.5


def finish_figure(fig, func, out_dir):
    """Title, budget legend, layout; writes out_dir/ulp_<func>.png."""
    fig.suptitle("%s: error in ULP of the true value (mpmath, %d digits), vdist vs libRmath"
                 % (func, DPS), fontsize=13)
    budget_legend(fig)
    fig.tight_layout(rect=(0, 0.03, 1, 0.96))
    path = os.path.join(out_dir, "ulp_%s.png" % func)
    fig.savefig(path)
    plt.close(fig)
    print("  wrote", path)


def loglog_fwd(v):
    """x-axis coordinate for -log p in [1e-3, 1e300]: log(LL_SHIFT + log10 v), which gives
    the range 1e-3 .. 1e10 (where libRmath's log_p quantile loses digits) half the width."""
    with np.errstate(all="ignore"):
        return np.log(np.maximum(LL_SHIFT + np.log10(np.maximum(v, 1e-300)), 1e-3))


def loglog_inv(u):
    with np.errstate(all="ignore"):
        return 10.0 ** (np.exp(u) - LL_SHIFT)


def plot_qnorm(impls, rng, out_dir, n):
    fig, axs = plt.subplots(2, 2, figsize=(12, 8), dpi=100)
    print("qnorm:")

    # (a) lower tail p log-uniform in [1e-300, 0.5]
    p = np.sort(10.0 ** rng.uniform(-300, math.log10(0.5), n))
    _, data = panel_data(impls, "qnorm", p, 0.0, 1.0, 1, 0)
    report("p in [1e-300, 0.5]", draw(
        axs[0, 0], p, data, "(a) qnorm(p), lower tail, p log-uniform in [1e-300, 0.5]",
        "p (log scale)", "log", xlim=(1e-305, 1.0),
        xticks=[1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1]))

    # (b) p near 1: 1 - p log-uniform in [1e-16, 0.5]
    q = 10.0 ** rng.uniform(-16, math.log10(0.5), n)
    p = np.sort(1.0 - q)
    p = p[p < 1.0]
    _, data = panel_data(impls, "qnorm", p, 0.0, 1.0, 1, 0)
    report("p near 1", draw(
        axs[0, 1], 1.0 - p, data, "(b) qnorm(p), lower tail, p near 1: 1 - p in [1e-16, 0.5]",
        "1 - p (log scale)", "log", xlim=(1, 3e-17),
        xticks=[1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12, 1e-14, 1e-16]))

    # (c) log_p: log p from -1e-3 down to -1e300
    # uniform in the plotted coordinate log(LL_SHIFT + log10(-log p))
    lp = np.sort(-10.0 ** (np.exp(rng.uniform(math.log(LL_SHIFT - 3), math.log(LL_SHIFT + 300),
                                               n)) - LL_SHIFT))
    # plus log p close to log(1/2), where the quantile is tiny
    lp = np.sort(np.concatenate([lp, math.log(0.5) + np.array([-1.0, 1.0])[rng.integers(
        0, 2, n // 5)] * 10.0 ** rng.uniform(-16, -1, n // 5)]))
    _, data = panel_data(impls, "qnorm", lp, 0.0, 1.0, 1, 1)
    report("log_p in [-1e300, -1e-3]", draw(
        axs[1, 0], -lp, data, "(c) qnorm(log p, log_p = TRUE), log p in [-1e300, -1e-3]",
        "-log p (double-log scale)", "function", dict(functions=(loglog_fwd, loglog_inv)),
        xlim=(8e-4, 3e300), xticks=[1e-3, 1, 1e3, 1e6, 1e10, 1e20, 1e50, 1e100, 1e300],
        legend_loc=LEGEND_MID,
        note="libRmath: spike at log p = log(1/2)\n"
             "(quantile near 0, from exp(log p) - 1/2);\n"
             "hump for -log p from ~5e2 to ~2e16\n"
             "(its far-tail approximation)",
        note_xy=(0.42, 0.97)))

    # (d) upper tail just below p = 1/2: p = 1/2 - d, the result is ~ d sqrt(2 pi)
    d = 10.0 ** rng.uniform(math.log10(5.6e-17), -1, n)
    p = np.unique(0.5 - d)
    p = p[p < 0.5]
    _, data = panel_data(impls, "qnorm", p, 0.0, 1.0, 0, 0)
    report("upper tail p = 1/2 - d", draw(
        axs[1, 1], 0.5 - p, data,
        "(d) qnorm(p, lower = FALSE), p = 1/2 - d just below 1/2",
        "d = 1/2 - p (log scale)", "log", xlim=(0.2, 3e-17),
        xticks=[1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13, 1e-15], legend_loc="center right",
        note="libRmath forms 1 - p, which rounds for p < 1/2, and\n"
             "returns ~ ((1 - p) - 1/2) sqrt(2 pi): the small result\n"
             "keeps only the bits of d that survived in 1 - p", note_xy=(0.02, 0.97)))

    finish_figure(fig, "qnorm", out_dir)


def check_truth(rng, k=40):
    """Recompute a sample of true values at 120 digits and report the largest relative
    difference to the DPS-digit values. Quantiles are checked two ways: the residual of
    log Phi at 120 digits (the relative error of z it implies) and, for p >= 1e-30, against
    mpmath's erfinv at 120 digits: z = -sqrt(2) erfinv(1 - 2p)."""
    cases = []
    for x in rng.uniform(-38.5, 8, k // 4):
        cases.append(("pnorm", float(0.1 + 0.3 * x), 0.1, 0.3, 1, 0))
    for x in -10.0 ** rng.uniform(0, 5, k // 4):
        cases.append(("pnorm", float(x), 0.0, 1.0, 1, 1))
    for p in 10.0 ** rng.uniform(-300, -0.31, k // 4):
        cases.append(("qnorm", float(p), 0.0, 1.0, 1, 0))
    for p in 10.0 ** rng.uniform(-30, -0.31, k // 4):
        cases.append(("qnorm", float(p), 0.0, 1.0, 1, 0))
    for p in 1.0 - 10.0 ** rng.uniform(-16, -0.31, k // 4):
        cases.append(("qnorm", float(p), 0.0, 1.0, 1, 0))
    for lp in -10.0 ** rng.uniform(-3, 300, k // 4):
        cases.append(("qnorm", float(lp), 0.0, 1.0, 1, 1))
    worst = {"pnorm": mpf(0), "qnorm residual": mpf(0), "qnorm vs erfinv": mpf(0)}
    for func, x, mu, sigma, lower, lg in cases:
        mp.dps = DPS
        a = (true_pnorm if func == "pnorm" else true_qnorm)(x, mu, sigma, lower, lg)
        mp.dps = 120
        if func == "pnorm":
            b = true_pnorm(x, mu, sigma, lower, lg)
            worst["pnorm"] = max(worst["pnorm"], abs(a - b) / abs(b))
        else:
            lp = mpf(x) if lg else mpmath.log(mpf(x))
            with mp.extradps(int(2 * mpmath.log10(abs(a) + 1)) + 10):
                lphi = log_phi_cdf(a)
                d = mpmath.exp(-a * a / 2 - mpmath.log(2 * mp.pi) / 2 - lphi)
                rel = abs((lphi - lp) / (d * a))
            worst["qnorm residual"] = max(worst["qnorm residual"], rel)
            if not lg and x >= 1e-30:
                b = -mpmath.sqrt(2) * mpmath.erfinv(1 - 2 * mpf(x))
                worst["qnorm vs erfinv"] = max(worst["qnorm vs erfinv"], abs(a - b) / abs(b))
    mp.dps = DPS
    print("check: %d true values recomputed at 120 digits, max relative difference: %s"
          % (len(cases), ", ".join("%s %s" % (k, mpmath.nstr(v, 3)) for k, v in worst.items())))
    return worst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lib", default=os.path.join(REPO, "build", "libvdist.so"))
    ap.add_argument("--rmath", default="/usr/lib/libRmath.so")
    ap.add_argument("--out", default=os.path.join(REPO, "docs"))
    ap.add_argument("-n", type=int, default=3000, help="points per panel (default 3000)")
    ap.add_argument("--check", action="store_true",
                    help="also verify a sample of true values at 120 digits")
    args = ap.parse_args()

    t0 = time.time()
    mp.dps = DPS
    impls = Impls(args.lib, args.rmath)
    if not impls.simd:
        print("note: no SIMD ISA supported here; plotting scalar and libRmath only")
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(SEED)
    if args.check:
        check_truth(np.random.default_rng(SEED + 1))
    plot_pnorm(impls, rng, args.out, args.n)
    plot_qnorm(impls, rng, args.out, args.n)
    print("done in %.1f s" % (time.time() - t0))


if __name__ == "__main__":
    sys.exit(main())
