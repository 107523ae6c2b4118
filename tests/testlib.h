/* Helpers shared by the vdist tests: ULP measure, ISA list, golden/budget tables. */
#ifndef VDIST_TESTLIB_H
#define VDIST_TESTLIB_H

#include <stddef.h>

#include "vdist.h"

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
#define MAX_ISAS 4 /* vd_isa_name's names */
int supported_isas(const char *isas[MAX_ISAS]);

/* One row of tests/data/<family>.tsv. */
struct golden_row {
    char func[16], region[24];
    double x, param[VD_MAX_PARAMS]; /* the function's parameters, Rmath's order */
    int lower_tail, log_flag;
    double want, want_lo;
};
/* Reads a golden file; returns the number of rows (0 and a message on failure). Free with free(). */
size_t golden_load(const char *path, struct golden_row **rows);
/* Every family's file DIR/<family>.tsv, one after the other; 0 if one is missing or empty. */
size_t golden_load_all(const char *dir, struct golden_row **rows);

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

/* libRmath's function of that name in the registry's calling form, as a scalar call and
 * as a plain loop over it; NULL when the tests are built without libRmath. */
vd_scalar_fn rmath_scalar(const char *name);
vd_array_fn rmath_array(const char *name);

/* ULP budget for func/region on an ISA from tests/data/ulp_budget.tsv ('*' matches any
 * func or region; isa "simd" matches every ISA but scalar); the most specific row wins.
 * Returns -1 if none applies. */
double ulp_budget(const char *func, const char *region, const char *isa);
int ulp_budget_load(const char *path);

/* What the tests feed each family: parameter sets (Rmath's order) for the SIMD-vs-scalar
 * checks, those where libRmath's answers are the reference (its special cases, and points
 * where it is accurate), which parameter is a location (quantiles loc + scale z are
 * judged on its scale too; -1 if none), and how much to thin test_simd's arrays. */
struct family_tests {
    const char *family;
    int location;
    size_t n_param_sets;
    const double (*param_sets)[VD_MAX_PARAMS];
    size_t n_rmath_sets;
    const double (*rmath_sets)[VD_MAX_PARAMS];
    /* test_simd checks 1/simd_divisor of its usual element count: families whose scalar
     * references (the test's oracle) cost microseconds per element */
    int simd_divisor;
};
/* The configuration of a family, or NULL (every family of the registry must have one). */
const struct family_tests *family_tests(const char *family);

#endif
