#include "testlib.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vdist.h"
#include "families.h"

#ifdef HAVE_RMATH
#include <fcntl.h>
#include <unistd.h>
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

int supported_isas(const char *isas[MAX_ISAS])
{
    int n = 0;
    for (int i = 0; vd_isa_name(i) && n < MAX_ISAS; i++)
        if (vd_isa_supported(vd_isa_name(i)))
            isas[n++] = vd_isa_name(i);
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
        /* func region x param... lower_tail log want want_lo: the parameters are the columns
         * between x and the flags, as many as the function has */
        char *field[16];
        int count = 0;
        for (char *tok = strtok(line, "\t\n"); tok && count < 16; tok = strtok(NULL, "\t\n"))
            field[count++] = tok;
        struct golden_row *g = &r[n];
        memset(g, 0, sizeof *g);
        int n_params = count - 7;
        if (n_params < 0 || n_params > VD_MAX_PARAMS) {
            fprintf(stderr, "%s: bad row with %d fields\n", path, count);
            continue;
        }
        snprintf(g->func, sizeof g->func, "%s", field[0]);
        snprintf(g->region, sizeof g->region, "%s", field[1]);
        g->x = strtod(field[2], NULL);
        for (int k = 0; k < n_params; k++)
            g->param[k] = strtod(field[3 + k], NULL);
        g->lower_tail = atoi(field[3 + n_params]);
        g->log_flag = atoi(field[4 + n_params]);
        g->want = strtod(field[5 + n_params], NULL);
        g->want_lo = strtod(field[6 + n_params], NULL);
        n++;
    }
    fclose(f);
    *rows = r;
    return n;
}

size_t golden_load_all(const char *dir, struct golden_row **rows)
{
    size_t n_functions, total = 0;
    const struct vd_function *f = vd_functions(&n_functions);
    *rows = NULL;
    for (size_t i = 0; i < n_functions; i++) {
        if (i > 0 && !strcmp(f[i].family, f[i - 1].family))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.tsv", dir, f[i].family);
        struct golden_row *part;
        size_t n = golden_load(path, &part);
        if (n == 0) {
            free(*rows);
            *rows = NULL;
            return 0;
        }
        *rows = realloc(*rows, (total + n) * sizeof **rows);
        memcpy(*rows + total, part, n * sizeof *part);
        total += n;
        free(part);
    }
    return total;
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

/* ---- libRmath in the registry's calling form, generated from the family list: each function
 * as a scalar call and as a plain loop, as a libRmath user writes it (the call inlined, not
 * through a pointer) ---------------------------------------------------------------------- */
#ifdef HAVE_RMATH
#define RMATH_FAMILY(family, n_params, ...) \
    VD_UNIFORM_FAMILY(family, n_params, _rmath, ) VD_UNIFORM_LOOPS(family, _rmath)
VD_FAMILIES(RMATH_FAMILY)

static const struct rmath_function {
    const char *name;
    vd_scalar_fn scalar;
    vd_array_fn array;
} rmath_functions[] = {
#define RMATH_ENTRIES(family, ...) \
    {"d" #family, d##family##_rmath, d##family##_rmath_loop}, \
    {"p" #family, p##family##_rmath, p##family##_rmath_loop}, \
    {"q" #family, q##family##_rmath, q##family##_rmath_loop},
    VD_FAMILIES(RMATH_ENTRIES)
};

static const struct rmath_function *rmath_named(const char *name)
{
    for (size_t i = 0; i < sizeof rmath_functions / sizeof *rmath_functions; i++)
        if (!strcmp(rmath_functions[i].name, name))
            return &rmath_functions[i];
    return NULL;
}

/* libRmath's dpois prints "non-integer x = ..." to stdout for non-integral x (its
 * MATHLIB_WARNING); the reports that call it one point at a time (vdist-ulp, the tests)
 * keep their output readable by sending stdout to /dev/null around that call */
static double dpois_rmath_quiet(double x, const double *param, int lower_tail, int log_flag)
{
    fflush(stdout);
    int saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY);
    if (saved >= 0 && null >= 0)
        dup2(null, STDOUT_FILENO);
    double r = dpois_rmath(x, param, lower_tail, log_flag);
    fflush(stdout);
    if (saved >= 0 && null >= 0)
        dup2(saved, STDOUT_FILENO);
    if (saved >= 0)
        close(saved);
    if (null >= 0)
        close(null);
    return r;
}

vd_scalar_fn rmath_scalar(const char *name)
{
    const struct rmath_function *f = rmath_named(name);
    if (f && f->scalar == dpois_rmath)
        return dpois_rmath_quiet;
    return f ? f->scalar : NULL;
}

vd_array_fn rmath_array(const char *name)
{
    const struct rmath_function *f = rmath_named(name);
    return f ? f->array : NULL;
}
#else
vd_scalar_fn rmath_scalar(const char *name) { (void)name; return NULL; }
vd_array_fn rmath_array(const char *name) { (void)name; return NULL; }
#endif

enum impl { IMPL_SCALAR, IMPL_ARRAY, IMPL_RMATH };

static double evaluate(const struct golden_row *g, enum impl impl)
{
    const struct vd_function *f = vd_function_named(g->func);
    if (!f)
        return NAN;
    double out = NAN;
    switch (impl) {
    case IMPL_SCALAR:
        return f->scalar(g->x, g->param, g->lower_tail, g->log_flag);
    case IMPL_ARRAY:
        f->array(1, &g->x, g->param, g->lower_tail, g->log_flag, &out);
        return out;
    case IMPL_RMATH:
        return rmath_scalar(g->func) ? rmath_scalar(g->func)(g->x, g->param, g->lower_tail, g->log_flag) : NAN;
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

/* ---- per-family test configuration --------------------------------------------------------- */

/* Location-scale parameter sets: ordinary, extreme, degenerate and invalid (the first five
 * are the most varied and get the most elements in test_simd). */
static const double norm_param_sets[][VD_MAX_PARAMS] = {
    {0, 1}, {0.5, 2}, {-3, 0.25}, {1e10, 1e-3}, {-1e5, 1e5}, {0, 1e-290}, {1e300, 1e290},
    {3, 0x1p-1000}, {0, 0x1p1000}, {NAN, 1}, {0, NAN}, {0, -1}, {0, 0}, {1, 0}, {INFINITY, 1},
    {-INFINITY, 1}, {0, INFINITY}, {2, DBL_TRUE_MIN}, {3, 2},
    {700, 1}, /* qlnorm: some quantiles overflow, the rest not (the clamped path) */
};

/* Where libRmath is accurate, and its special cases: point masses, invalid and infinite
 * parameters. */
static const double norm_rmath_sets[][VD_MAX_PARAMS] = {
    {0, 1}, {0, 0}, {1, 0}, {0, -1}, {NAN, 1}, {0, NAN}, {INFINITY, 1}, {-INFINITY, 1},
    {0, INFINITY}, {3, 2},
};

static const double unif_param_sets[][VD_MAX_PARAMS] = {
    {0, 1}, {-1, 3}, {1e10, 1e10 + 1e6}, {-5, -4.5}, {1e-300, 2e-300}, {-1e300, 1e300}, {2, 2},
    {3, 1}, {NAN, 1}, {0, NAN}, {-INFINITY, 1}, {0, INFINITY}, {-INFINITY, INFINITY},
};
static const double unif_rmath_sets[][VD_MAX_PARAMS] = {
    {0, 1}, {-1, 3}, {-5, -4.5}, {2, 2}, {3, 1}, {NAN, 1}, {0, NAN}, {-INFINITY, 1}, {0, INFINITY},
};
static const double exp_param_sets[][VD_MAX_PARAMS] = {
    {1}, {0.5}, {1e-3}, {1e5}, {1e-300}, {1e300}, {0x1p-1000}, {INFINITY}, {0}, {-1}, {NAN},
};
static const double exp_rmath_sets[][VD_MAX_PARAMS] = {
    {1}, {2.5}, {0.5}, {INFINITY}, {0}, {-1}, {NAN},
};
/* shape, scale */
static const double weibull_param_sets[][VD_MAX_PARAMS] = {
    {1, 1}, {2, 3}, {3, 0.5}, {4, 2}, {1.5, 1}, {0.5, 1e-3}, {10, 1e5}, {0.05, 2}, {100, 1}, {1e-3, 1e300}, {3, 1e-300},
    {0x1p-30, 1}, {0x1p30, 1}, {NAN, 1}, {1, NAN}, {0, 1}, {1, 0}, {-1, 1}, {1, -1},
    {INFINITY, 1}, {1, INFINITY},
};
static const double weibull_rmath_sets[][VD_MAX_PARAMS] = {
    {1, 1}, {2, 3}, {3, 0.5}, {4, 1}, {0.5, 2}, {NAN, 1}, {1, NAN}, {0, 1}, {1, 0}, {-1, 1}, {1, -1},
    {INFINITY, 1}, {1, INFINITY},
};
/* shape, scale: ordinary, tiny and huge shapes (the Taylor, series, continued fraction and
 * Temme regions), extreme scales, the point mass, invalid and infinite parameters */
static const double gamma_param_sets[][VD_MAX_PARAMS] = {
    {2.5, 1}, {0.5, 2}, {100, 0.01}, {1e-3, 1}, {1e4, 3}, {1, 1}, {20, 1}, {1e10, 1},
    {1e-300, 1}, {30, 1e300}, {0.7, 1e-300}, {DBL_TRUE_MIN, 1}, {1e15, 1e-10}, {NAN, 1},
    {1, NAN}, {0, 1}, {-1, 1}, {1, 0}, {1, -1}, {INFINITY, 1}, {1, INFINITY},
};
static const double gamma_rmath_sets[][VD_MAX_PARAMS] = {
    {1, 1}, {2.5, 1}, {0.5, 2}, {3, 0.5}, {NAN, 1}, {1, NAN}, {0, 1}, {-1, 1}, {1, 0},
    {1, -1}, {INFINITY, 1}, {1, INFINITY},
};
static const double chisq_param_sets[][VD_MAX_PARAMS] = {
    {3}, {1}, {2}, {0.5}, {1e4}, {1e-3}, {1e10}, {200}, {DBL_TRUE_MIN}, {0}, {-1}, {NAN},
    {INFINITY},
};
static const double chisq_rmath_sets[][VD_MAX_PARAMS] = {
    {1}, {2}, {5}, {3.5}, {0}, {-1}, {NAN}, {INFINITY},
};
static const double pois_param_sets[][VD_MAX_PARAMS] = {
    {10}, {0.5}, {1e4}, {3}, {1e-3}, {1e10}, {1e15}, {1e-300}, {100}, {0}, {-1}, {NAN},
    {INFINITY},
};
static const double pois_rmath_sets[][VD_MAX_PARAMS] = {
    {3}, {10}, {0.5}, {0}, {-1}, {NAN}, {INFINITY},
};
#define FAMILY_TESTS(family, location, sets, rmath_sets, simd_divisor) \
    {#family, location, sizeof sets / sizeof *sets, sets, \
     sizeof rmath_sets / sizeof *rmath_sets, rmath_sets, simd_divisor}
static const struct family_tests all_family_tests[] = {
    FAMILY_TESTS(norm, 0, norm_param_sets, norm_rmath_sets, 1),
    FAMILY_TESTS(unif, 0, unif_param_sets, unif_rmath_sets, 1),
    FAMILY_TESTS(exp, -1, exp_param_sets, exp_rmath_sets, 1),
    /* logistic: location-scale like the normal */
    FAMILY_TESTS(logis, 0, norm_param_sets, norm_rmath_sets, 1),
    /* log-normal: meanlog and sdlog are the normal's mean and sd; location is on log x */
    FAMILY_TESTS(lnorm, -1, norm_param_sets, norm_rmath_sets, 1),
    FAMILY_TESTS(cauchy, 0, norm_param_sets, norm_rmath_sets, 1),
    FAMILY_TESTS(weibull, -1, weibull_param_sets, weibull_rmath_sets, 1),
    /* the gamma family's scalar references take ~0.1-5 us (qgamma), qpois ~20 us: the
     * lane-by-lane check takes fewer elements per parameter set */
    FAMILY_TESTS(gamma, -1, gamma_param_sets, gamma_rmath_sets, 8),
    FAMILY_TESTS(chisq, -1, chisq_param_sets, chisq_rmath_sets, 8),
    FAMILY_TESTS(pois, -1, pois_param_sets, pois_rmath_sets, 40),
};

const struct family_tests *family_tests(const char *family)
{
    for (size_t i = 0; i < sizeof all_family_tests / sizeof *all_family_tests; i++)
        if (!strcmp(all_family_tests[i].family, family))
            return &all_family_tests[i];
    return NULL;
}
