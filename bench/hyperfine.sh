#!/bin/bash
# Whole-program timing with hyperfine: `vdist pnorm` over a file of 1e7 numbers under each ISA
# this machine runs, against Python/scipy one-liners (Debian's /usr/bin/python3) and R's
# Rscript when installed. Every command reads the same file and writes its results, one per
# line, to a file. Exports markdown to bench/results/hyperfine-pnorm.md.
#   bench/hyperfine.sh [N]        (N numbers, default 1e7; needs a build in build/)
# Needs: hyperfine, python3-numpy, python3-scipy; optional: r-base-core (Rscript).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
work=build/hyperfine
mkdir -p "$work" bench/results
input=$work/x-$n.txt
vdist=build/cli/vdist
[ -x "$vdist" ] || { echo "build vdist first: meson setup build && ninja -C build" >&2; exit 1; }

if [ ! -f "$input" ]; then
    # the same mix as vdist-bench: 90% standard normal, 10% uniform on [-10, 10]; written with
    # Python's repr (the shortest round-trip decimal, mostly 16-17 digits)
    /usr/bin/python3 - "$n" "$input" <<'PY'
import sys, numpy as np
n, path = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(12345)
x = rng.standard_normal(n)
x[9::10] = rng.uniform(-10, 10, len(x[9::10]))
with open(path, "w") as f:
    f.write("\n".join(map(repr, x.tolist())))
    f.write("\n")
PY
fi

commands=()
names=()
for isa in scalar avx2 neon; do
    if "$vdist" info | grep -q "$isa (supported)"; then
        best=$isa
        names+=("vdist pnorm --isa $isa")
        commands+=("$vdist pnorm --isa $isa $input > $work/out-vdist-$isa.txt")
    fi
done
names+=("python3: np.loadtxt + scipy.stats.norm.cdf + np.savetxt")
commands+=("/usr/bin/python3 -c 'import sys, numpy as np, scipy.stats as st; x = np.loadtxt(sys.argv[1]); np.savetxt(sys.stdout, st.norm.cdf(x), fmt=\"%.17g\")' $input > $work/out-scipy.txt")
names+=("python3: np.fromfile + scipy.special.ndtr + repr join (tuned)")
commands+=("/usr/bin/python3 -c 'import sys, numpy as np, scipy.special as sp; x = np.fromfile(sys.argv[1], sep=\" \"); sys.stdout.write(\"\\n\".join(map(repr, sp.ndtr(x).tolist())) + \"\\n\")' $input > $work/out-scipy-tuned.txt")
if command -v Rscript >/dev/null; then
    names+=("Rscript: scan + pnorm + writeLines(sprintf('%.17g'))")
    commands+=("Rscript -e 'x <- scan(commandArgs(TRUE)[1], quiet = TRUE); writeLines(sprintf(\"%.17g\", pnorm(x)))' $input > $work/out-r.txt")
fi

args=()
for i in "${!commands[@]}"; do
    args+=(--command-name "${names[$i]}" "${commands[$i]}")
done
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $n numbers"
hyperfine --warmup 1 --runs "${RUNS:-3}" --export-markdown bench/results/hyperfine-pnorm.md "${args[@]}"

# the results agree: vdist's (best ISA) with scipy's, to a few ULP (scipy's ndtr is not exact)
/usr/bin/python3 - "$work/out-vdist-$best.txt" "$work/out-scipy-tuned.txt" <<'PY'
import sys, numpy as np
a, b = (np.fromfile(path, sep=" ") for path in sys.argv[1:])
assert len(a) == len(b), (len(a), len(b))
rel = np.abs(a - b) / np.maximum(np.abs(b), np.finfo(float).tiny)
print(f"vdist vs scipy: {len(a)} results, max relative difference {rel.max():.3g}")
PY
