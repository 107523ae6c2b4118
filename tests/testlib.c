#include "testlib.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vdist.h"

double ulp_error(double got, double want, double want_lo)
{
    if (isnan(want) || isinf(want) || isnan(got) || isinf(got))
        return same_bits(got, want) ? 0 : INFINITY;
    double ulp = DBL_TRUE_MIN;
    if (fabs(want) >= DBL_MIN) {
        int e;
        frexp(want, &e);
        ulp = ldexp(1.0, e - 53);
    }
    /* got - want is exact when they are close (Sterbenz); far apart it need not be */
    return fabs((got - want) - want_lo) / ulp;
}

double ulp_error_scaled(double got, double want, double scale)
{
    if (isnan(want) || isinf(want) || isnan(got) || isinf(got))
        return same_bits(got, want) ? 0 : INFINITY;
    double big = fmax(fabs(want), fabs(scale));
    double ulp = big >= DBL_MIN ? ldexp(1.0, ilogb(big) - 52) : DBL_TRUE_MIN;
    return fabs(got - want) / ulp;
}

int same_bits(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

int supported_isas(const char *isas[4])
{
    static const char *const all[] = {"scalar", "avx2", "neon"};
    int n = 0;
    for (int i = 0; i < 3; i++)
        if (vd_isa_supported(all[i]))
            isas[n++] = all[i];
    return n;
}

size_t golden_load(const char *path, struct golden_row **rows)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 0;
    }
    size_t n = 0, cap = 1024;
    struct golden_row *r = malloc(cap * sizeof *r);
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (n == cap)
            r = realloc(r, (cap *= 2) * sizeof *r);
        char x[64], mu[64], sigma[64], want[64], want_lo[64];
        struct golden_row *g = &r[n];
        if (sscanf(line, "%15s %23s %63s %63s %63s %d %d %63s %63s", g->func, g->region, x, mu,
                   sigma, &g->lower_tail, &g->log_flag, want, want_lo) != 9) {
            fprintf(stderr, "%s: bad row: %s", path, line);
            continue;
        }
        g->x = strtod(x, NULL);
        g->mu = strtod(mu, NULL);
        g->sigma = strtod(sigma, NULL);
        g->want = strtod(want, NULL);
        g->want_lo = strtod(want_lo, NULL);
        n++;
    }
    fclose(f);
    *rows = r;
    return n;
}

static struct budget {
    char func[16], region[24], isa[16];
    double max_ulp;
} budgets[256];
static int n_budgets;

int ulp_budget_load(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    char line[256];
    while (fgets(line, sizeof line, f) && n_budgets < 256) {
        struct budget *b = &budgets[n_budgets];
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%15s %23s %15s %lf", b->func, b->region, b->isa, &b->max_ulp) == 4)
            n_budgets++;
    }
    fclose(f);
    return n_budgets;
}

double ulp_budget(const char *func, const char *region, const char *isa)
{
    int best_score = -1;
    double best = -1;
    for (int i = 0; i < n_budgets; i++) {
        const struct budget *b = &budgets[i];
        int score = 0;
        if (!strcmp(b->func, func))
            score += 4;
        else if (strcmp(b->func, "*"))
            continue;
        if (!strcmp(b->region, region))
            score += 2;
        else if (strcmp(b->region, "*"))
            continue;
        if (!strcmp(b->isa, isa))
            score += 1;
        else if (!(strcmp(b->isa, "simd") == 0 && strcmp(isa, "scalar") != 0))
            continue;
        if (score > best_score) {
            best_score = score;
            best = b->max_ulp;
        }
    }
    return best;
}
