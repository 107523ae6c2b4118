/* vdist-ulp: accuracy of every function, region and implementation against the mpmath
 * golden data, in ULP of the true value: the scalar reference, each SIMD ISA this machine
 * runs, and libRmath side by side.
 *   vdist-ulp [--data DIR] [--csv] [--worst] [--summary] [--filter NAME]
 * Table: max and mean ULP per cell; --worst adds the worst input of each cell; --csv gives
 * one line per function, region and implementation with the worst input; --summary one line
 * per function, the max over its regions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "vdist.h"

#define MAX_REGIONS 32

static void print_worst(const char *func, const struct region_stats *s)
{
    const struct golden_row *g = s->worst;
    const struct vd_function *f = vd_function_named(func);
    printf("%s(%.17g", func, g->x);
    for (int k = 0; k < f->n_params; k++)
        printf(", %.17g", g->param[k]);
    printf(", lower=%d, log=%d) = %.17g, true %.17g", g->lower_tail, g->log_flag, s->worst_got,
           g->want);
}

int main(int argc, char **argv)
{
    const char *data = "tests/data", *filter = NULL;
    int csv = 0, worst = 0, summary = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
            filter = argv[++i];
        else if (!strcmp(argv[i], "--csv"))
            csv = 1;
        else if (!strcmp(argv[i], "--worst"))
            worst = 1;
        else if (!strcmp(argv[i], "--summary"))
            summary = 1;
        else {
            fprintf(stderr, "usage: %s [--data DIR] [--csv] [--worst] [--summary] [--filter NAME]\n",
                    argv[0]);
            return 2;
        }
    }
    struct golden_row *rows;
    size_t n_rows = golden_load_all(data, &rows), n_functions;
    const struct vd_function *functions = vd_functions(&n_functions);
    if (!n_rows) {
        fprintf(stderr, "no golden data in %s (use --data DIR)\n", data);
        return 1;
    }
    const char *impls[5];
    int n_impl = supported_isas(impls);
    if (have_librmath())
        impls[n_impl++] = "libRmath";

    if (csv)
        printf("function,region,impl,n,max_ulp,mean_ulp,worst_x,worst_param1,worst_param2,"
               "worst_param3,lower_tail,log,got,true\n");
    else {
        printf("ULP of the true value (mpmath), max / mean over each region's golden points\n");
        printf("%-8s %-15s %6s", "func", "region", "n");
        for (int k = 0; k < n_impl; k++)
            printf(" %20s", impls[k]);
        printf("\n");
    }
    for (size_t f = 0; f < n_functions; f++) {
        const char *func = functions[f].name;
        if (filter && strcmp(filter, func))
            continue;
        static struct region_stats stats[5][MAX_REGIONS];
        int n_regions = 0;
        for (int k = 0; k < n_impl; k++)
            n_regions = measure_accuracy(rows, n_rows, func, impls[k], stats[k], MAX_REGIONS);
        if (summary && !csv) { /* one line: the max over all regions, per implementation */
            size_t count = 0;
            for (int r = 0; r < n_regions; r++)
                count += stats[0][r].count;
            printf("%-8s %-15s %6zu", func, "(all regions)", count);
            for (int k = 0; k < n_impl; k++) {
                double max = 0;
                for (int r = 0; r < n_regions; r++)
                    max = stats[k][r].max > max ? stats[k][r].max : max;
                printf(max < 1e6 ? "      %6.2f         " : "   %9.2e         ", max);
            }
            printf("\n");
            continue;
        }
        for (int r = 0; r < n_regions; r++) {
            if (!csv)
                printf("%-8s %-15s %6zu", func, stats[0][r].region, stats[0][r].count);
            for (int k = 0; k < n_impl; k++) {
                const struct region_stats *s = &stats[k][r];
                double mean = s->sum / s->count;
                if (csv) {
                    const struct golden_row *g = s->worst;
                    printf("%s,%s,%s,%zu,%.4g,%.4g,%.17g,%.17g,%.17g,%.17g,%d,%d,%.17g,%.17g\n",
                           func, s->region, impls[k], s->count, s->max, mean, g->x, g->param[0],
                           g->param[1], g->param[2], g->lower_tail, g->log_flag, s->worst_got,
                           g->want);
                } else if (s->max < 1e6) {
                    printf("      %6.2f / %6.3f", s->max, mean);
                } else {
                    printf("   %9.2e / %6.2g", s->max, mean);
                }
            }
            if (!csv)
                printf("\n");
            if (worst && !csv)
                for (int k = 0; k < n_impl; k++) {
                    printf("    %-8s worst: ", impls[k]);
                    print_worst(func, &stats[k][r]);
                    printf("\n");
                }
        }
    }
    free(rows);
    return 0;
}
