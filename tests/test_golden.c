/* Accuracy against mpmath: every golden row (tests/data/<family>.tsv) through the scalar reference
 * and every ISA this machine runs, in ULP of the true value, against the budgets in
 * tests/data/ulp_budget.tsv. Prints the worst case per function, region and ISA. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "per_function.h"
#include "testlib.h"
#include "vdist.h"

static const char *data_dir = "tests/data";
static struct golden_row *rows;
static size_t n_rows;

/* All rows of one function under one ISA ("scalar" = the scalar functions themselves,
 * anything else = the _array form with that ISA forced). Returns the number of regions
 * over budget. */
static int check_function(const char *func, const char *isa)
{
    struct region_stats w[32];
    int nw = measure_accuracy(rows, n_rows, func, isa, w, 32);
    assert_true(nw >= 0);
    int failures = 0;
    for (int k = 0; k < nw; k++) {
        double budget = ulp_budget(func, w[k].region, isa);
        const struct golden_row *g = w[k].worst;
        int bad = !(w[k].max <= budget);
        printf("%-6s %-15s %-6s n=%-5zu max %8.3g ULP  mean %7.3g  budget %g%s\n", func,
               w[k].region, isa, w[k].count, w[k].max, w[k].sum / w[k].count, budget,
               bad ? "  <-- OVER BUDGET" : "");
        if (bad || getenv("VDIST_SHOW_WORST")) {
            printf("    worst: %s(%.17g, param %.17g %.17g %.17g, lower=%d, log=%d) got %.17g "
                   "want %.17g (+%.3g)\n",
                   func, g->x, g->param[0], g->param[1], g->param[2], g->lower_tail,
                   g->log_flag, w[k].worst_got, g->want, g->want_lo);
            failures += bad;
        }
    }
    if (nw == 0) {
        printf("%s: no golden rows\n", func);
        failures++;
    }
    return failures;
}

/* One test per function of the registry: its rows under every ISA. */
static void check_all_isas(void **state)
{
    const char *func = ((const struct vd_function *)*state)->name;
    const char *isas[MAX_ISAS];
    int n = supported_isas(isas);
    int failures = 0;
    for (int i = 0; i < n; i++)
        failures += check_function(func, isas[i]);
    vd_set_isa("auto");
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        data_dir = argv[1];
    char path[4096];
    snprintf(path, sizeof path, "%s/ulp_budget.tsv", data_dir);
    if (ulp_budget_load(path) <= 0)
        return 1;
    n_rows = golden_load_all(data_dir, &rows);
    if (n_rows == 0)
        return 1;
    int r = run_per_function("golden", check_all_isas);
    free(rows);
    return r;
}
