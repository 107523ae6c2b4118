"""Checks vdist-bench --csv: every line parses into the 7 fields of its header, whatever
commas a row's label holds ("pexp(upper,log)").  Usage: check_csv.py VDIST_BENCH"""
import csv
import subprocess
import sys

out = subprocess.run([sys.argv[1], '--csv', '--n', '1000', '--time', '0.001', '--filter', 'upper,log'],
                     check=True, capture_output=True, text=True).stdout
rows = list(csv.reader(out.splitlines()))
assert rows[0] == ['function', 'n', 'impl', 'ns_per_element_median', 'ns_per_element_min',
                   'speedup_vs_rmath', 'ratio_to_memcpy'], rows[0]
labels = {r[0] for r in rows[1:]}
assert 'pexp(upper,log)' in labels, labels
bad = [r for r in rows if len(r) != 7]
assert not bad, bad
for r in rows[1:]:
    float(r[3])
print(f"{len(rows) - 1} rows, 7 fields each")
