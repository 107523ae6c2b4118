/* Harm check for mutation testing (tools/mutate.py): evaluates vd_dnorm/vd_pnorm/vd_qnorm
 * (the scalar functions) and the _array forms under every ISA this machine runs, over a
 * dense deterministic input set, and writes the raw bits of every result to a file. Given a
 * baseline file (the same program linked against the unmutated library) it also reports,
 * per function and ISA, the largest deviation from the baseline in ULP of the baseline value
 * (qnorm: of |mu| + |z sigma|, as tests/test_simd.c judges a quantile) and the worst point.
 *
 * Build (from the repo root, after `ninja -C build`):
 *   gcc -O2 -Iinclude tools/mutant_diff.c build/libvdist.a -lm -o build/mutant_diff
 * Run:
 *   build/mutant_diff base.bin                 # write the baseline
 *   build/mutant_diff - base.bin               # compare against it (no output file)
 *   build/mutant_diff [-n N] out.bin base.bin  # both
 *   build/mutant_diff -k 1000 - base.bin       # and list up to 1000 deviating points
 * Output lines (for tools/mutate.py): "DEV <func> <isa> <ulp> over0.5=<count> lower=.. log=..
 * mu=.. sigma=.. x=.. base=.. mut=.." per function and ISA (the worst point), with -k K
 * "PT <func> <isa> <ulp> <lower> <log> <mu> <sigma> <x> <base> <mut>" for up to K of the points
 * that deviate by >= 0.5 ULP per function and ISA (the K/5 largest deviations, the rest
 * evenly spread over the others), then "MAXDEV <ulp>". Exit status 0, or 2 on a usage or
 * file error. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vdist.h"

enum func { DNORM, PNORM, QNORM, NFUNC };
static const char *const func_names[] = {"dnorm", "pnorm", "qnorm"};

static const double params[][2] = {{0, 1}, {0.75, 3.0}, {-2.0, 0.3}};
#define NPARAMS (sizeof params / sizeof *params)

/* variants: 0 = scalar functions, 1.. = _array under isas[v - 1] */
static const char *isa_names[4];
static int n_isas;

static const char *variant_name(int v)
{
    static char buf[4][32];
    if (v == 0)
        return "scalar-fn";
    snprintf(buf[v], sizeof buf[v], "array-%s", isa_names[v - 1]);
    return buf[v];
}

/* deterministic jitter in [0, 1) */
static double hash01(uint64_t i, uint64_t salt)
{
    uint64_t z = i * 0x9e3779b97f4a7c15u + salt * 0xd1b54a32d192ed03u + 0x632be59bd9b4e019u;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
    return (z >> 11) * 0x1p-53;
}

/* A segment of the input set: `share` of the points, stratified-jittered u in [0, 1)
 * mapped by `kind` with [a, b]. */
enum kind { LIN, LIN_SYM_LOG10 /* ±10^(a..b) */, NEG_LOG10 /* -10^(a..b) */, POS_LOG10,
            ONE_MINUS_LOG10 /* 1 - 10^-(a..b) */, HALF_PM_LOG10 /* 0.5 ± 10^-(a..b) */ };
struct seg {
    double share;
    enum kind kind;
    double a, b;
};

static const struct seg z_segs[] = { /* dnorm / pnorm, standardized z */
    {0.30, LIN, -40, 40},      {0.15, LIN, -8, 8},          {0.05, LIN, -1.6, 1.6},
    {0.05, LIN, 3.5, 4.5},     {0.05, LIN, -4.5, -3.5},     {0.05, LIN, 36, 39},
    {0.05, LIN, -39, -36},     {0.15, LIN_SYM_LOG10, -300, 300},
    {0.10, LIN_SYM_LOG10, 0, 2.5}, {0.05, LIN_SYM_LOG10, -20, 0},
};
static const struct seg p_segs[] = { /* qnorm, p */
    {0.25, LIN, 0, 1},          {0.20, POS_LOG10, -323.5, -0.3}, {0.20, ONE_MINUS_LOG10, 0.3, 17},
    {0.10, HALF_PM_LOG10, 0.4, 17}, {0.05, LIN, 0.06, 0.09},  {0.05, LIN, 0.91, 0.94},
    {0.10, LIN, 0, 0.1},        {0.05, LIN, 0.9, 1},
};
static const struct seg logp_segs[] = { /* qnorm, log p */
    {0.20, NEG_LOG10, -20, 300}, {0.20, LIN, -40, 0},        {0.15, LIN, -3, 0},
    {0.10, NEG_LOG10, 0, 3.2},   {0.05, LIN, -800, -600},    {0.05, LIN, -0.1, -0.05},
    {0.05, LIN, -2.7, -2.5},     {0.10, NEG_LOG10, -320, -20}, {0.10, LIN, -1.5, -0.2},
};

static const double z_special[] = {0, -0.0, 1, -1, 2, -2, 3, -3, 4, -4, 0x1.0000000000001p2,
                                   37, -37, 38.5, -38.5, 1e150, -1e150, 1e154, -1e154, 1e300,
                                   -1e300, INFINITY, -INFINITY, NAN, DBL_MIN, -DBL_MIN};
static const double p_special[] = {0, 1, 0.5, 0.075, 0.925, 0.425, 0.575, 0.0749999999999,
                                   0.0750000000001, DBL_MIN, DBL_TRUE_MIN, 1 - 0x1p-53, 0x1p-1022,
                                   NAN, -0.5, 2};
static const double logp_special[] = {0, -0.0, -INFINITY, -2.5902671654458267, -0.07796154146971186,
                                      -1.3862943611198906, -0.2876820724517809, -729, -729.0000001,
                                      -DBL_MIN, -1e-300, -1e300, -DBL_MAX, -0.6931471805599453, NAN,
                                      0.5};

static void fill(double *x, size_t n, const struct seg *segs, size_t nsegs, const double *special,
                 size_t nspecial, uint64_t salt)
{
    size_t i = 0;
    for (; i < nspecial && i < n; i++)
        x[i] = special[i];
    size_t rest = n - i;
    for (size_t s = 0; s < nsegs; s++) {
        size_t m = s + 1 == nsegs ? n - i : (size_t)(segs[s].share * rest);
        const struct seg *g = &segs[s];
        for (size_t j = 0; j < m; j++, i++) {
            double u = (j + hash01(i, salt)) / m;
            double t = g->a + (g->b - g->a) * u;
            int sign = hash01(i, salt + 7) < 0.5 ? -1 : 1;
            switch (g->kind) {
            case LIN: x[i] = t; break;
            case LIN_SYM_LOG10: x[i] = sign * pow(10, t); break;
            case NEG_LOG10: x[i] = -pow(10, t); break;
            case POS_LOG10: x[i] = pow(10, t); break;
            case ONE_MINUS_LOG10: x[i] = 1 - pow(10, -t); break;
            case HALF_PM_LOG10: x[i] = 0.5 + sign * pow(10, -t); break;
            }
        }
    }
}

struct cas {
    enum func f;
    int lower, logf;
    double mu, sigma;
};

/* the inputs of one case into x[0..n) (the file holds results only); repeated calls for
 * the same case reuse x */
static void regen(const struct cas *c, double *x, size_t n)
{
    static const struct cas *last;
    if (c == last)
        return;
    last = c;
    uint64_t salt = (uint64_t)c->f * 16 + c->logf;
    if (c->f == QNORM) {
        if (c->logf)
            fill(x, n, logp_segs, sizeof logp_segs / sizeof *logp_segs, logp_special,
                 sizeof logp_special / sizeof *logp_special, salt);
        else
            fill(x, n, p_segs, sizeof p_segs / sizeof *p_segs, p_special,
                 sizeof p_special / sizeof *p_special, salt);
    } else {
        fill(x, n, z_segs, sizeof z_segs / sizeof *z_segs, z_special,
             sizeof z_special / sizeof *z_special, salt);
        for (size_t i = 0; i < n; i++)
            x[i] = c->mu + c->sigma * x[i];
    }
}

static double eval_scalar(const struct cas *c, double x)
{
    switch (c->f) {
    case DNORM: return vd_dnorm(x, c->mu, c->sigma, c->logf);
    case PNORM: return vd_pnorm(x, c->mu, c->sigma, c->lower, c->logf);
    default: return vd_qnorm(x, c->mu, c->sigma, c->lower, c->logf);
    }
}

static void eval_array(const struct cas *c, size_t n, const double *x, double *out)
{
    switch (c->f) {
    case DNORM: vd_dnorm_array(n, x, c->mu, c->sigma, c->logf, out); break;
    case PNORM: vd_pnorm_array(n, x, c->mu, c->sigma, c->lower, c->logf, out); break;
    default: vd_qnorm_array(n, x, c->mu, c->sigma, c->lower, c->logf, out); break;
    }
}

static int same_bits(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

/* |m - b| in ULP of b (qnorm: of max(|b|, |mu| + |b - mu|)); class changes are infinite */
static double deviation(const struct cas *c, double m, double b)
{
    if (same_bits(m, b))
        return 0;
    if (!isfinite(m) || !isfinite(b) || isnan(m))
        return INFINITY;
    double big = fabs(b);
    if (c->f == QNORM)
        big = fmax(big, fabs(c->mu) + fabs(b - c->mu));
    double ulp = big >= DBL_MIN ? ldexp(1.0, ilogb(big) - 52) : DBL_TRUE_MIN;
    return fabs(m - b) / ulp;
}

struct point {
    uint32_t ci, i;
    double dev;
};
struct plist {
    struct point *p;
    size_t n, cap;
};

static int by_dev_desc(const void *a, const void *b)
{
    double x = ((const struct point *)a)->dev, y = ((const struct point *)b)->dev;
    return x < y ? 1 : x > y ? -1 : 0;
}

static int by_case(const void *a, const void *b)
{
    const struct point *x = a, *y = b;
    return x->ci != y->ci ? (x->ci < y->ci ? -1 : 1) : (x->i < y->i ? -1 : x->i > y->i);
}

struct worst {
    double dev;
    const struct cas *c;
    double x, base, mut;
    size_t count_over; /* points over 0.5 ULP */
};

int main(int argc, char **argv)
{
    size_t n = 200000, k_points = 0;
    int ai = 1;
    while (ai + 1 < argc && (!strcmp(argv[ai], "-n") || !strcmp(argv[ai], "-k"))) {
        *(argv[ai][1] == 'n' ? &n : &k_points) = strtoul(argv[ai + 1], NULL, 10);
        ai += 2;
    }
    if (argc - ai < 1 || argc - ai > 2 || n < 100) {
        fprintf(stderr, "usage: %s [-n N] [-k K] OUT.bin|- [BASE.bin]\n", argv[0]);
        return 2;
    }
    const char *out_path = argv[ai], *base_path = argc - ai == 2 ? argv[ai + 1] : NULL;

    for (int i = 1; vd_isa_name(i); i++)
        if (vd_isa_supported(vd_isa_name(i)))
            isa_names[n_isas++] = vd_isa_name(i);
    isa_names[n_isas++] = "scalar";
    int nvar = 1 + n_isas;

    struct cas cases[64];
    int ncase = 0;
    for (int f = 0; f < NFUNC; f++)
        for (size_t ps = 0; ps < NPARAMS; ps++)
            for (int fl = 0; fl < (f == DNORM ? 2 : 4); fl++)
                cases[ncase++] = (struct cas){f, !(fl & 2), fl & 1, params[ps][0], params[ps][1]};

    double *x = malloc(n * sizeof *x);
    double *res = malloc((size_t)ncase * nvar * n * sizeof *res);
    if (!x || !res)
        return 2;
    for (int ci = 0; ci < ncase; ci++) {
        const struct cas *c = &cases[ci];
        regen(c, x, n);
        double *r = res + (size_t)ci * nvar * n;
        for (size_t i = 0; i < n; i++)
            r[i] = eval_scalar(c, x[i]);
        for (int v = 1; v < nvar; v++) {
            if (vd_set_isa(isa_names[v - 1]) != 0) {
                fprintf(stderr, "vd_set_isa(%s) failed\n", isa_names[v - 1]);
                return 2;
            }
            eval_array(c, n, x, r + (size_t)v * n);
        }
    }
    vd_set_isa("auto");

    size_t total = (size_t)ncase * nvar * n;
    uint64_t header[4] = {0x7664697374646966u /* "vdistdif" */, n, (uint64_t)ncase, (uint64_t)nvar};
    if (strcmp(out_path, "-")) {
        FILE *fo = fopen(out_path, "wb");
        if (!fo || fwrite(header, sizeof header, 1, fo) != 1 ||
            fwrite(res, sizeof *res, total, fo) != total || fclose(fo)) {
            fprintf(stderr, "cannot write %s\n", out_path);
            return 2;
        }
    }
    if (!base_path)
        return 0;

    FILE *fb = fopen(base_path, "rb");
    uint64_t bh[4];
    double *base = malloc(total * sizeof *base);
    if (!fb || !base || fread(bh, sizeof bh, 1, fb) != 1 || memcmp(bh, header, sizeof bh) ||
        fread(base, sizeof *base, total, fb) != total) {
        fprintf(stderr, "cannot read %s or it does not match (n, cases, ISAs)\n", base_path);
        return 2;
    }
    fclose(fb);

    struct worst w[NFUNC][4];
    memset(w, 0, sizeof w);
    static struct plist pl[NFUNC][4];
    double maxdev = 0;
    for (int ci = 0; ci < ncase; ci++) {
        const struct cas *c = &cases[ci];
        regen(c, x, n);
        for (int v = 0; v < nvar; v++) {
            const double *m = res + ((size_t)ci * nvar + v) * n;
            const double *b = base + ((size_t)ci * nvar + v) * n;
            struct worst *ww = &w[c->f][v];
            for (size_t i = 0; i < n; i++) {
                double d = deviation(c, m[i], b[i]);
                if (d >= 0.5) {
                    ww->count_over++;
                    struct plist *l = &pl[c->f][v];
                    if (k_points && l->n == l->cap) {
                        l->cap = l->cap ? 2 * l->cap : 1024;
                        l->p = realloc(l->p, l->cap * sizeof *l->p);
                        if (!l->p)
                            return 2;
                    }
                    if (k_points)
                        l->p[l->n++] = (struct point){(uint32_t)ci, (uint32_t)i, d};
                }
                if (d > ww->dev || (d > 0 && !ww->c)) {
                    ww->dev = d;
                    ww->c = c;
                    ww->x = x[i];
                    ww->base = b[i];
                    ww->mut = m[i];
                }
            }
            if (ww->dev > maxdev)
                maxdev = ww->dev;
        }
    }
    for (int f = 0; f < NFUNC; f++)
        for (int v = 0; v < nvar; v++) {
            const struct worst *ww = &w[f][v];
            if (!ww->c) {
                printf("DEV %s %s 0\n", func_names[f], variant_name(v));
                continue;
            }
            printf("DEV %s %s %.4g over0.5=%zu lower=%d log=%d mu=%.17g sigma=%.17g x=%.17g "
                   "base=%.17g mut=%.17g\n",
                   func_names[f], variant_name(v), ww->dev, ww->count_over, ww->c->lower,
                   ww->c->logf, ww->c->mu, ww->c->sigma, ww->x, ww->base, ww->mut);
        }
    /* the chosen points, their inputs regenerated case by case */
    for (int f = 0; f < NFUNC; f++)
        for (int v = 0; v < nvar; v++) {
            struct plist *l = &pl[f][v];
            if (!l->n)
                continue;
            qsort(l->p, l->n, sizeof *l->p, by_dev_desc);
            size_t top = k_points / 5, chosen = 0;
            size_t rest = l->n > top ? l->n - top : 0, want = k_points - top;
            for (size_t j = 0; j < l->n && chosen < k_points; j++) {
                int pick = j < top || rest <= want || (j - top) % ((rest + want - 1) / want) == 0;
                if (pick)
                    l->p[chosen++] = l->p[j];
            }
            qsort(l->p, chosen, sizeof *l->p, by_case); /* one regeneration per case */
            for (size_t j = 0; j < chosen; j++) {
                const struct point *pt = &l->p[j];
                const struct cas *c = &cases[pt->ci];
                regen(c, x, n);
                size_t off = ((size_t)pt->ci * nvar + v) * n + pt->i;
                printf("PT %s %s %.4g %d %d %.17g %.17g %.17g %.17g %.17g\n", func_names[f],
                       variant_name(v), pt->dev, c->lower, c->logf, c->mu, c->sigma, x[pt->i],
                       base[off], res[off]);
            }
            free(l->p);
        }
    printf("MAXDEV %.4g\n", maxdev);
    free(x), free(res), free(base);
    return 0;
}
