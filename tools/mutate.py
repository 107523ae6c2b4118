#!/usr/bin/env python3
"""Mutation test of the floating-point constants in the kernels: does the test suite bite?

For every floating-point literal (decimal such as 0.5, 1.42e0, 3.2e-5, or C hex floats such
as 0x1.62e42fefa3800p-1) in the target files, outside comments, a mutant multiplies it by
(1 + factor): the new literal is repr() of the Python float, or float.hex() when the original
was a hex float. Integer literals and zero values are skipped. Each mutant is applied to a
private copy of the source tree (one per job), rebuilt incrementally with ninja and run
through the fast tests:

    build/tests/test_golden tests/data, build/tests/test_api, build/tests/test_simd

Any failure (non-zero exit, crash or a timeout of --timeout seconds) kills the mutant. A
mutant whose compiled library is bit-identical to the unmutated one is EQUIVALENT (the
literal does not reach the code, e.g. an unused macro or a branch the compiler folds) and is
not tested.

Survivors get a harm check (tools/mutant_diff.c, linked against the mutant's static
library): all three functions, scalar and _array under every ISA, over a dense
deterministic input set, compared bit by bit with the unmutated build. A survivor is
HARMLESS if it deviates from the baseline by less than 0.5 ULP everywhere, SUSPECT otherwise
(the tests may be too weak there).

Run from the repository root:
    /usr/bin/python3 tools/mutate.py [--files F ...] [--factor 1e-6] [--jobs N]
Results: a summary on stdout and every mutant as JSON in --json (default
build-mutate/mutants.json under the work directory; see --workdir).
The repository itself is never modified: only the copies under --workdir.
"""
import argparse
import hashlib
import json
import math
import multiprocessing
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

DEFAULT_FILES = [
    "src/scalar/norm_coeffs.h",
    "src/scalar/norm_as241.h",
    "src/scalar/norm.c",
    "src/scalar/numerics.h",
    "src/scalar/numerics.c",
    "src/simd/norm.h",
    "src/simd/common.h",
]
TEST_TARGETS = ["tests/test_golden", "tests/test_api", "tests/test_simd"]
# fastest first: a killed mutant usually stops at the first
TESTS = [
    ["build/tests/test_golden", "tests/data"],
    ["build/tests/test_api"],
    ["build/tests/test_simd"],
]
HARM_LIMIT = 0.5  # ULP of the baseline value

# ---- finding the literals ------------------------------------------------------------------

PP_NUMBER = re.compile(r"\.?[0-9](?:[eEpP][+-]|[0-9a-zA-Z_.])*")
HEX_FLOAT = re.compile(r"0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+([fFlL]?)$")
DEC_FLOAT = re.compile(r"(?:(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+)([fFlL]?)$")


def code_spans(text):
    """Yield (start, end) of the stretches of text outside comments, strings and char literals."""
    i, n, start = 0, len(text), 0
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("/*", i):
            yield start, i
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            start = i
        elif c == "/" and text.startswith("//", i):
            yield start, i
            j = text.find("\n", i)
            i = n if j < 0 else j
            start = i
        elif c in "\"'":
            yield start, i
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            start = i
        else:
            i += 1
    yield start, n


def find_literals(text):
    """Floating-point literals outside comments: list of dicts (offset, text, value, hex, suffix)."""
    out = []
    for a, b in code_spans(text):
        seg = text[a:b]
        pos = 0
        while True:
            m = PP_NUMBER.search(seg, pos)
            if not m:
                break
            pos = m.end()
            s = m.start()
            if s > 0 and (seg[s - 1].isalnum() or seg[s - 1] == "_"):
                continue  # inside an identifier, e.g. LOG_0_075
            tok = m.group(0)
            h = HEX_FLOAT.match(tok)
            d = None if h else DEC_FLOAT.match(tok)
            if not h and not d:
                continue  # integer (or something else): not mutated
            suffix = (h or d).group(1)
            body = tok[: len(tok) - len(suffix)]
            value = float.fromhex(body) if h else float(body)
            out.append({"offset": a + s, "text": tok, "value": value, "hex": bool(h), "suffix": suffix})
    return out


def mutated_literal(lit, factor):
    new = lit["value"] * (1 + factor)
    if new == lit["value"] or new != new or new in (float("inf"), float("-inf")):
        return None
    return (new.hex() if lit["hex"] else repr(new)) + lit["suffix"]


def make_mutants(root, files, factor):
    mutants = []
    for f in files:
        text = open(os.path.join(root, f)).read()
        for lit in find_literals(text):
            if lit["value"] == 0:
                continue
            new = mutated_literal(lit, factor)
            if new is None:
                continue
            line = text.count("\n", 0, lit["offset"]) + 1
            col = lit["offset"] - (text.rfind("\n", 0, lit["offset"]) + 1) + 1
            mutants.append({
                "id": len(mutants), "file": f, "line": line, "col": col, "offset": lit["offset"],
                "literal": lit["text"], "mutated": new,
                "context": text.splitlines()[line - 1].strip(),
            })
    return mutants


# ---- workers -------------------------------------------------------------------------------

def run(cmd, cwd, timeout, env=None):
    """(status, returncode, output tail): status ok / fail / crash / timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=env)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return "timeout", None, out
    out = p.stdout.decode(errors="replace")
    if p.returncode == 0:
        return "ok", 0, out
    return ("crash" if p.returncode < 0 else "fail"), p.returncode, out


def lib_hash(wdir):
    return hashlib.sha256(open(os.path.join(wdir, "build", "libvdist.a"), "rb").read()).hexdigest()


class Worker:
    def __init__(self, root, wdir, args):
        self.root, self.wdir, self.args = root, wdir, args

    def setup(self):
        if os.path.exists(self.wdir):
            shutil.rmtree(self.wdir)
        shutil.copytree(self.root, self.wdir, symlinks=True,
                        ignore=shutil.ignore_patterns(".git", "build", "build-*", "builddir", "__pycache__"))
        st, _, out = run(["meson", "setup", "build"], self.wdir, 600)
        if st != "ok":
            raise RuntimeError("meson setup failed in %s:\n%s" % (self.wdir, out))
        self.build_or_die()
        self.base_hash = lib_hash(self.wdir)
        for t in TESTS:
            st, rc, out = run(t, self.wdir, self.args.timeout * 3)
            if st != "ok":
                raise RuntimeError("baseline test %s fails (%s):\n%s" % (" ".join(t), st, out))
        self.originals = {}

    def ninja(self):
        return run(["ninja", "-C", "build", "-j", str(self.args.ninja_jobs)] + TEST_TARGETS,
                   self.wdir, 600)

    def build_or_die(self):
        st, _, out = self.ninja()
        if st != "ok":
            raise RuntimeError("build failed in %s:\n%s" % (self.wdir, out))

    def link_diff(self):
        exe = os.path.join(self.wdir, "build", "mutant_diff")
        st, _, out = run(["gcc", "-O2", "-Iinclude", "tools/mutant_diff.c", "build/libvdist.a",
                          "-lm", "-o", exe], self.wdir, 300)
        if st != "ok":
            raise RuntimeError("cannot build tools/mutant_diff.c:\n" + out)
        return exe

    def write_baseline_bits(self, path):
        exe = self.link_diff()
        st, _, out = run([exe, "-n", str(self.args.points), path], self.wdir, 600)
        if st != "ok":
            raise RuntimeError("mutant_diff baseline failed:\n" + out)

    def run_mutant(self, m):
        path = os.path.join(self.wdir, m["file"])
        if m["file"] not in self.originals:
            self.originals[m["file"]] = open(path).read()
        orig = self.originals[m["file"]]
        assert orig[m["offset"]:m["offset"] + len(m["literal"])] == m["literal"]
        t0 = time.time()
        res = dict(m)
        try:
            with open(path, "w") as f:
                f.write(orig[:m["offset"]] + m["mutated"] + orig[m["offset"] + len(m["literal"]):])
            st, _, out = self.ninja()
            if st != "ok":
                res.update(status="build_error", detail=out[-1500:])
                return res
            if lib_hash(self.wdir) == self.base_hash:
                res.update(status="equivalent", detail="library bit-identical to the baseline")
                return res
            for t in TESTS:
                st, rc, out = run(t, self.wdir, self.args.timeout)
                if st != "ok":
                    why = [l for l in out.splitlines()
                           if re.search(r"OVER BUDGET|worst:|[1-9][0-9]* failures|ULP\)|FAIL|rror", l)]
                    res.update(status="killed", killed_by=os.path.basename(t[0]), how=st,
                               returncode=rc, detail="\n".join(why[:12]) or out[-1500:])
                    return res
            res.update(status="survived")
            if self.args.harm:
                res.update(self.harm())
            return res
        finally:
            with open(path, "w") as f:
                f.write(orig)
            res["seconds"] = round(time.time() - t0, 2)

    def harm(self):
        exe = self.link_diff()
        st, rc, out = run([exe, "-n", str(self.args.points), "-k", str(self.args.sample), "-",
                           self.args.baseline_bits], self.wdir, 600)
        if st != "ok":
            return {"harm": "ERROR", "harm_detail": "%s rc=%s\n%s" % (st, rc, out[-2000:])}
        devs, maxdev, points = [], None, []
        for line in out.splitlines():
            if line.startswith("PT "):
                f = line.split()
                points.append([f[1], f[2], float(f[3]), int(f[4]), int(f[5])] + [float(v) for v in f[6:11]])
            elif line.startswith("DEV "):
                parts = line.split()
                d = {"func": parts[1], "isa": parts[2], "ulp": float(parts[3])}
                for kv in parts[4:]:
                    k, _, v = kv.partition("=")
                    d[k] = v
                devs.append(d)
            elif line.startswith("MAXDEV "):
                maxdev = float(line.split()[1])
        if maxdev is None:
            return {"harm": "ERROR", "harm_detail": out[-2000:]}
        return {"harm": "HARMLESS" if maxdev < HARM_LIMIT else "SUSPECT", "maxdev": maxdev,
                "devs": devs, "_points": points}


# ---- true error of the suspects (mpmath, via tests/golden/gen_norm.py) ------------------------

def _exact(key):
    import gen_norm  # noqa: E402 (path set by true_errors)
    func, lower, logf, mu, sigma, x = key
    row = gen_norm.compute_row((func, "mut", x, mu, sigma, lower, logf))
    return key, row[7], row[8]


def ulp_err(func, got, want, want_lo, mu, sigma):
    """ULP of the true value as test_golden measures it (qnorm: on the scale |mu| + |sigma z|,
    as test_simd judges a quantile, so that mu + sigma z near 0 is not blamed on z)."""
    if math.isnan(want) or math.isinf(want) or math.isnan(got) or math.isinf(got):
        same = (math.isnan(got) and math.isnan(want)) or got == want
        return 0.0 if same else float("inf")
    big = abs(want)
    if func == "qnorm":
        big = max(big, abs(mu) + abs(want - mu))
    ulp = math.ldexp(1.0, math.frexp(big)[1] - 53) if big >= sys.float_info.min else 5e-324
    return abs((got - want) - want_lo) / ulp


def true_errors(root, suspects, jobs):
    """Adds to each suspect "true": per (func, isa) the sampled point where the mutant is worst
    against the exact value, with the baseline's error there, and the baseline's worst."""
    sys.path.insert(0, os.path.join(root, "tests", "golden"))
    try:
        import gen_norm  # noqa: F401
    except Exception as e:  # noqa: BLE001
        print("no exact values (tests/golden/gen_norm.py: %s); skipping the true-error check" % e)
        return
    keys = set()
    for r in suspects:
        for p in r["_points"]:
            keys.add((p[0], p[3], p[4], p[5], p[6], p[7]))
    keys = sorted(keys)
    with multiprocessing.Pool(max(1, jobs)) as pool:
        exact = {k: (w, lo) for k, w, lo in pool.imap_unordered(_exact, keys, chunksize=64)}
    for r in suspects:
        worst = {}
        for func, isa, dev, lower, logf, mu, sigma, x, base, mut in r["_points"]:
            w, lo = exact[(func, lower, logf, mu, sigma, x)]
            eb, em = ulp_err(func, base, w, lo, mu, sigma), ulp_err(func, mut, w, lo, mu, sigma)
            budget = 2.0 if "scalar" in isa else 4.0
            k = func + " " + isa
            d = worst.setdefault(k, {"func": func, "isa": isa, "budget": budget, "n": 0, "mut_err": -1,
                                     "base_max_err": 0, "n_over": 0, "over": {}})
            d["n"] += 1
            if em > budget:  # where the mutant leaves the budget: inputs per flag set and (mu, sigma)
                d["n_over"] += 1
                o = d["over"].setdefault("lower=%d log=%d mu=%r sigma=%r" % (lower, logf, mu, sigma), [x, x, 0])
                o[0], o[1], o[2] = min(o[0], x), max(o[1], x), o[2] + 1
            d["base_max_err"] = max(d["base_max_err"], eb)
            if em > d["mut_err"]:
                d.update(mut_err=em, base_err=eb, x=x, lower=lower, log=logf, mu=mu, sigma=sigma,
                         base=base, mut=mut, want=w, dev=dev)
        r["true"] = sorted(worst.values(), key=lambda d: -d["mut_err"])
        r["over_budget"] = any(d["mut_err"] > d["budget"] for d in r["true"])


def loc(m):
    return "%s:%d:%d" % (m["file"], m["line"], m["col"])


# ---- driver --------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", nargs="+", default=DEFAULT_FILES, help="target files (repo-relative)")
    ap.add_argument("--factor", type=float, default=1e-6, help="each literal is multiplied by 1 + factor")
    ap.add_argument("--jobs", type=int, default=2, help="parallel workers (one source copy each)")
    ap.add_argument("--ninja-jobs", type=int, default=1, help="ninja -j within a worker")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per test run")
    ap.add_argument("--workdir", default=None, help="where the copies go (default: a new temp dir)")
    ap.add_argument("--json", default=None, help="results file (default WORKDIR/mutants.json)")
    ap.add_argument("--no-harm", dest="harm", action="store_false", help="skip the harm check")
    ap.add_argument("--points", type=int, default=200000,
                    help="harm check: points per function, flag combination and (mu, sigma)")
    ap.add_argument("--sample", type=int, default=1000,
                    help="harm check: deviating points per function and ISA checked against mpmath")
    ap.add_argument("--list", action="store_true", help="only list the mutants")
    ap.add_argument("--only", nargs="*", default=None, metavar="FILE:LINE[:COL]",
                    help="only the mutants on these lines (or at these columns)")
    args = ap.parse_args()

    root = os.getcwd()
    for f in args.files:
        if not os.path.isfile(os.path.join(root, f)):
            sys.exit("no such file %s (run from the repository root)" % f)
    mutants = make_mutants(root, args.files, args.factor)
    if args.only is not None:
        keep = set(args.only)
        mutants = [m for m in mutants if "%s:%d" % (m["file"], m["line"]) in keep or loc(m) in keep]
    if args.list:
        for m in mutants:
            print("%s  %s -> %s" % (loc(m), m["literal"], m["mutated"]))
        print("%d mutants" % len(mutants))
        return 0

    t_start = time.time()
    workdir = args.workdir or tempfile.mkdtemp(prefix="vdist-mutate-")
    os.makedirs(workdir, exist_ok=True)
    json_path = args.json or os.path.join(workdir, "mutants.json")
    print("%d mutants in %d files, factor %g, %d jobs, work dir %s" %
          (len(mutants), len(args.files), args.factor, args.jobs, workdir), flush=True)

    workers = [Worker(root, os.path.join(workdir, "w%d" % i), args) for i in range(max(1, args.jobs))]
    errors = []

    def setup(w):
        try:
            w.setup()
        except Exception as e:  # noqa: BLE001
            errors.append(str(e))

    threads = [threading.Thread(target=setup, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit("setup failed:\n" + "\n".join(errors))
    args.baseline_bits = os.path.join(workdir, "baseline.bin")
    if args.harm:
        workers[0].write_baseline_bits(args.baseline_bits)
    print("baseline builds and passes (%.0f s)" % (time.time() - t_start), flush=True)

    todo = queue.Queue()
    for m in mutants:
        todo.put(m)
    results, lock = [], threading.Lock()

    def work(w):
        while True:
            try:
                m = todo.get_nowait()
            except queue.Empty:
                return
            try:
                r = w.run_mutant(m)
            except Exception as e:  # noqa: BLE001
                r = dict(m, status="error", detail=repr(e))
            with lock:
                results.append(r)
                tag = r["status"]
                if tag == "killed":
                    tag += " by %s%s" % (r["killed_by"], "" if r["how"] == "fail" else " (%s)" % r["how"])
                if "harm" in r:
                    tag += " %s (max %.3g ULP)" % (r["harm"], r.get("maxdev", float("nan")))
                print("[%3d/%d] %s %s -> %s: %s (%.1fs)" % (len(results), len(mutants), loc(r),
                      r["literal"], r["mutated"], tag, r.get("seconds", 0)), flush=True)

    threads = [threading.Thread(target=work, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.sort(key=lambda r: r["id"])
    suspects = [r for r in results if r.get("harm") == "SUSPECT"]
    if suspects and args.sample > 0:
        t1 = time.time()
        true_errors(root, suspects, args.jobs)
        print("true-error check of %d suspects: %.0f s" % (len(suspects), time.time() - t1), flush=True)
    for r in results:
        r.pop("_points", None)
    elapsed = time.time() - t_start
    with open(json_path, "w") as f:
        json.dump({"factor": args.factor, "files": args.files, "seconds": round(elapsed, 1),
                   "mutants": results}, f, indent=1)

    count = lambda s: sum(1 for r in results if r["status"] == s)  # noqa: E731
    print("\n==== %d mutants: %d killed, %d survived, %d equivalent (library unchanged), "
          "%d build errors, %d errors; %.0f s" % (len(results), count("killed"), count("survived"),
          count("equivalent"), count("build_error"), count("error"), elapsed))
    crashes = [r for r in results if r["status"] == "killed" and r["how"] != "fail"]
    for r in crashes:
        print("  %s: %s %s -> %s (%s)" % (r["how"].upper(), loc(r), r["literal"],
              r["mutated"], r["killed_by"]))
    surv = [r for r in results if r["status"] == "survived"]
    if surv and args.harm:
        print("survivors: %d HARMLESS, %d SUSPECT (%d of them over budget against the exact value "
              "at some sampled point)" % (sum(r.get("harm") == "HARMLESS" for r in surv),
              sum(r.get("harm") == "SUSPECT" for r in surv), sum(bool(r.get("over_budget")) for r in surv)))
    for r in surv:
        print("  %s %s %s -> %s   [%s]" % (r.get("harm", "-"), loc(r), r["literal"],
              r["mutated"], r["context"][:70]))
        if r.get("harm") == "SUSPECT":
            for d in sorted(r["devs"], key=lambda d: -d["ulp"]):
                if d["ulp"] >= HARM_LIMIT:
                    print("      %s %-12s %8.3g ULP (%s points >= 0.5) at x=%s lower=%s log=%s mu=%s "
                          "sigma=%s: base %s mutant %s" % (d["func"], d["isa"], d["ulp"], d.get("over0.5"),
                          d.get("x"), d.get("lower"), d.get("log"), d.get("mu"), d.get("sigma"),
                          d.get("base"), d.get("mut")))
            for d in r.get("true", []):
                print("      vs exact: %s %-12s mutant %.3g ULP (baseline %.3g there, baseline max %.3g over "
                      "%d points; budget %g)%s at x=%r lower=%d log=%d mu=%r sigma=%r: exact %r base %r "
                      "mutant %r" % (d["func"], d["isa"], d["mut_err"], d["base_err"], d["base_max_err"],
                      d["n"], d["budget"], "  OVER BUDGET" if d["mut_err"] > d["budget"] else "",
                      d["x"], d["lower"], d["log"], d["mu"], d["sigma"], d["want"], d["base"], d["mut"]))
                for k, (lo, hi, cnt) in sorted(d.get("over", {}).items()):
                    print("        over budget at %d sampled points, %s, x in [%r, %r]" % (cnt, k, lo, hi))
    for r in results:
        if r["status"] in ("error", "build_error"):
            print("  %s %s %s: %s" % (r["status"].upper(), loc(r), r["literal"],
                  r.get("detail", "")[-300:]))
    print("results: %s" % json_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
