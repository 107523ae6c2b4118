/* ISA selection and the public _array entry points.
 *
 * The active kernel table is one atomic pointer: filled at first use from VDIST_ISA or the
 * CPU's features, changed by vd_set_isa. Each _array call costs one load of it; parameters
 * are checked once per call, and degenerate ones (NaN, sigma <= 0, infinite or extreme
 * scale) go to the scalar reference, which owns every special case. */
#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "vdist.h"
#include "kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif
#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

/* ---- the scalar table: loops over the scalar reference ---------------------------------- */

static void dnorm_scalar(size_t n, const double *x, double mu, double sigma, int give_log,
                         double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = vd_dnorm(x[i], mu, sigma, give_log);
}

static void pnorm_scalar(size_t n, const double *x, double mu, double sigma, int lower_tail,
                         int log_p, double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = vd_pnorm(x[i], mu, sigma, lower_tail, log_p);
}

static void qnorm_scalar(size_t n, const double *x, double mu, double sigma, int lower_tail,
                         int log_p, double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = vd_qnorm(x[i], mu, sigma, lower_tail, log_p);
}

const struct vd_kernels vd_kernels_scalar = {
    .name = "scalar",
    .dnorm = dnorm_scalar,
    .pnorm = pnorm_scalar,
    .qnorm = qnorm_scalar,
};

/* ---- CPU features ------------------------------------------------------------------------ */

#ifdef VDIST_HAVE_AVX2
/* AVX2 and FMA in CPUID, and the OS saving YMM state (OSXSAVE + XCR0 bits 1, 2). */
static int cpu_has_avx2_fma(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    if (!(c & bit_OSXSAVE) || !(c & bit_AVX) || !(c & bit_FMA))
        return 0;
    unsigned xcr0_lo, xcr0_hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    (void)xcr0_hi;
    if ((xcr0_lo & 6) != 6)
        return 0;
    if (__get_cpuid_max(0, 0) < 7)
        return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & bit_AVX2) != 0;
}
#endif

#ifdef VDIST_HAVE_NEON
static int cpu_has_asimd(void)
{
#if defined(__linux__) && defined(HWCAP_ASIMD)
    return (getauxval(AT_HWCAP) & HWCAP_ASIMD) != 0;
#else
    return 1; /* AdvSIMD is part of ARMv8-A */
#endif
}
#endif

/* The table for an ISA name, or NULL if unknown, not built in, or not supported here. */
static const struct vd_kernels *isa_table(const char *name)
{
    if (!name)
        return NULL;
    if (!strcmp(name, "scalar"))
        return &vd_kernels_scalar;
#ifdef VDIST_HAVE_AVX2
    if (!strcmp(name, "avx2"))
        return cpu_has_avx2_fma() ? &vd_kernels_avx2 : NULL;
#endif
#ifdef VDIST_HAVE_NEON
    if (!strcmp(name, "neon"))
        return cpu_has_asimd() ? &vd_kernels_neon : NULL;
#endif
    return NULL;
}

static const struct vd_kernels *best_table(void)
{
    static const char *const preference[] = {"avx2", "neon"};
    for (size_t i = 0; i < sizeof preference / sizeof *preference; i++) {
        const struct vd_kernels *k = isa_table(preference[i]);
        if (k)
            return k;
    }
    return &vd_kernels_scalar;
}

static _Atomic(const struct vd_kernels *) active_table;

static const struct vd_kernels *init_table(void)
{
    const char *env = getenv("VDIST_ISA");
    const struct vd_kernels *k = env && strcmp(env, "auto") ? isa_table(env) : NULL;
    if (!k)
        k = best_table();
    const struct vd_kernels *expected = NULL;
    /* a concurrent first use or vd_set_isa may have won: keep what it stored */
    if (!atomic_compare_exchange_strong(&active_table, &expected, k))
        return expected;
    return k;
}

static inline const struct vd_kernels *kernels(void)
{
    const struct vd_kernels *k = atomic_load_explicit(&active_table, memory_order_acquire);
    return __builtin_expect(k != NULL, 1) ? k : init_table();
}

const char *vd_get_isa(void)
{
    return kernels()->name;
}

int vd_set_isa(const char *name)
{
    const struct vd_kernels *k = name && !strcmp(name, "auto") ? best_table() : isa_table(name);
    if (!k)
        return -1;
    atomic_store_explicit(&active_table, k, memory_order_release);
    return 0;
}

int vd_isa_supported(const char *name)
{
    return isa_table(name) != NULL;
}

/* ---- public _array entry points ---------------------------------------------------------- */

/* Location-scale parameters the SIMD kernels take: finite mu and a sigma whose reciprocal
 * is a normal double. Anything else is rare and handled by the scalar reference. */
static int loc_scale_regular(double mu, double sigma)
{
    return isfinite(mu) && sigma >= 0x1p-1000 && sigma <= 0x1p1000;
}

void vd_dnorm_array(size_t n, const double *x, double mu, double sigma, int give_log,
                    double *out)
{
    if (n == 0)
        return;
    int saved_errno = errno;
    const struct vd_kernels *k = loc_scale_regular(mu, sigma) ? kernels() : &vd_kernels_scalar;
    k->dnorm(n, x, mu, sigma, give_log, out);
    errno = saved_errno;
}

void vd_pnorm_array(size_t n, const double *q, double mu, double sigma, int lower_tail,
                    int log_p, double *out)
{
    if (n == 0)
        return;
    int saved_errno = errno;
    const struct vd_kernels *k = loc_scale_regular(mu, sigma) ? kernels() : &vd_kernels_scalar;
    k->pnorm(n, q, mu, sigma, lower_tail, log_p, out);
    errno = saved_errno;
}

void vd_qnorm_array(size_t n, const double *p, double mu, double sigma, int lower_tail,
                    int log_p, double *out)
{
    if (n == 0)
        return;
    int saved_errno = errno;
    const struct vd_kernels *k = loc_scale_regular(mu, sigma) ? kernels() : &vd_kernels_scalar;
    k->qnorm(n, p, mu, sigma, lower_tail, log_p, out);
    errno = saved_errno;
}
