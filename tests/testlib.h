/* Helpers shared by the vdist tests: ULP measure, ISA list, golden/budget tables. */
#ifndef VDIST_TESTLIB_H
#define VDIST_TESTLIB_H

#include <stddef.h>

/* Error of got in ULP of the true value want + want_lo (want the correctly rounded double,
 * want_lo the rest). The ULP of a subnormal or zero value is DBL_TRUE_MIN. Special values:
 * 0 if got matches want exactly (NaN matches NaN, Inf its sign), +Inf if not. */
double ulp_error(double got, double want, double want_lo);

/* |got - want| in ULP of max(|want|, |scale|): for mu + sigma z, where cancellation against
 * the location mu makes the ULP of the result the wrong yardstick. */
double ulp_error_scaled(double got, double want, double scale);

/* 1 if a and b are the same value bit for bit, up to the sign of NaN. */
int same_bits(double a, double b);

/* The ISAs this machine runs, "scalar" first; returns their count. */
int supported_isas(const char *isas[4]);

/* One row of tests/data/<family>.tsv. */
struct golden_row {
    char func[16], region[24];
    double x, mu, sigma;
    int lower_tail, log_flag;
    double want, want_lo;
};
/* Reads a golden file; returns the number of rows (0 and a message on failure). Free with free(). */
size_t golden_load(const char *path, struct golden_row **rows);

/* Error statistics of one function in one region under one implementation. */
struct region_stats {
    char region[24];
    size_t count;
    double max, sum;                 /* ULP; sum / count is the mean */
    const struct golden_row *worst; /* the row where max was reached */
    double worst_got;
};

/* The implementations measure_accuracy knows: "scalar" (the scalar reference), an ISA name
 * (the _array form with that ISA forced) and, when the tests were built with it, "libRmath". */
int have_librmath(void);

/* Every golden row of func under impl, as per-region statistics in order of first
 * appearance; returns the number of regions (at most max_regions), or -1 if impl is
 * unknown or unsupported here. */
int measure_accuracy(const struct golden_row *rows, size_t n_rows, const char *func,
                     const char *impl, struct region_stats *out, int max_regions);

/* ULP budget for func/region on an ISA from tests/data/ulp_budget.tsv ('*' matches any
 * func or region; isa "simd" matches every ISA but scalar); the most specific row wins.
 * Returns -1 if none applies. */
double ulp_budget(const char *func, const char *region, const char *isa);
int ulp_budget_load(const char *path);

#endif
