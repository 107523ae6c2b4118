#include "testlib.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vdist.h"

#ifdef HAVE_RMATH
#define MATHLIB_STANDALONE
#include <Rmath.h>
#endif

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

int have_librmath(void)
{
#ifdef HAVE_RMATH
    return 1;
#else
    return 0;
#endif
}

enum impl { IMPL_SCALAR, IMPL_ARRAY, IMPL_RMATH };

static double evaluate(const struct golden_row *g, enum impl impl)
{
    double out = NAN;
    int d = !strcmp(g->func, "dnorm"), p = !strcmp(g->func, "pnorm"), q = !strcmp(g->func, "qnorm");
    switch (impl) {
    case IMPL_SCALAR:
        if (d)
            return vd_dnorm(g->x, g->mu, g->sigma, g->log_flag);
        if (p)
            return vd_pnorm(g->x, g->mu, g->sigma, g->lower_tail, g->log_flag);
        if (q)
            return vd_qnorm(g->x, g->mu, g->sigma, g->lower_tail, g->log_flag);
        break;
    case IMPL_ARRAY:
        if (d)
            vd_dnorm_array(1, &g->x, g->mu, g->sigma, g->log_flag, &out);
        if (p)
            vd_pnorm_array(1, &g->x, g->mu, g->sigma, g->lower_tail, g->log_flag, &out);
        if (q)
            vd_qnorm_array(1, &g->x, g->mu, g->sigma, g->lower_tail, g->log_flag, &out);
        break;
    case IMPL_RMATH:
#ifdef HAVE_RMATH
        if (d)
            return dnorm(g->x, g->mu, g->sigma, g->log_flag);
        if (p)
            return pnorm(g->x, g->mu, g->sigma, g->lower_tail, g->log_flag);
        if (q)
            return qnorm(g->x, g->mu, g->sigma, g->lower_tail, g->log_flag);
#endif
        break;
    }
    return out;
}

int measure_accuracy(const struct golden_row *rows, size_t n_rows, const char *func,
                     const char *impl, struct region_stats *out, int max_regions)
{
    enum impl kind = IMPL_ARRAY;
    if (!strcmp(impl, "scalar"))
        kind = IMPL_SCALAR;
    else if (!strcmp(impl, "libRmath"))
        kind = IMPL_RMATH;
    if ((kind == IMPL_RMATH && !have_librmath()) || (kind == IMPL_ARRAY && vd_set_isa(impl)))
        return -1;
    int n = 0;
    for (size_t i = 0; i < n_rows; i++) {
        const struct golden_row *g = &rows[i];
        if (strcmp(g->func, func))
            continue;
        double got = evaluate(g, kind);
        double err = ulp_error(got, g->want, g->want_lo);
        int k = 0;
        while (k < n && strcmp(out[k].region, g->region))
            k++;
        if (k == n) {
            if (n == max_regions)
                continue;
            memset(&out[n], 0, sizeof out[n]);
            snprintf(out[n].region, sizeof out[n].region, "%s", g->region);
            out[n].max = -1;
            n++;
        }
        out[k].count++;
        out[k].sum += isfinite(err) ? err : 0;
        if (!(err <= out[k].max)) {
            out[k].max = err;
            out[k].worst = g;
            out[k].worst_got = got;
        }
    }
    if (kind == IMPL_ARRAY)
        vd_set_isa("auto");
    return n;
}
