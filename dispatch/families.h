/* Every distribution family of the library, once (internal). What is the same for all
 * families is generated from this list: the kernel tables, the scalar loops, the public
 * _array entry points, the function registry (vd_functions), and the tests' libRmath table.
 *
 *   X(family, n_params, name1, default1, name2, default2)
 *
 * family is Rmath's suffix: the family has d<family>, p<family> and q<family>. The
 * parameters come in Rmath's order, named as R names them, with R's defaults (an unused slot
 * is "", 0; a parameter R requires has default NAN). Adding a family is a line here plus:
 *   - src/scalar/<family>.c: vd_d/p/q<family>, the scalar reference (declared in vdist.h);
 *   - src/simd/<family>.h: the kernels d/p/q<family>_array over the vector layer, included
 *     by src/simd/all.h;
 *   - in the scalar file, int <family>_params_regular(const double *param): 1 when the SIMD
 *     kernels take those parameters (the rest goes to the scalar reference);
 *   - golden data tests/data/<family>.tsv and its budget rows. */
#ifndef VDIST_FAMILIES_H
#define VDIST_FAMILIES_H

#define VD_FAMILIES(X)                                                                          \
    X(norm, 2, "mean", 0, "sd", 1)                                                              \
    X(unif, 2, "min", 0, "max", 1)                                                              \
    X(exp, 1, "scale", 1, "", 0)                                                                \
    X(logis, 2, "location", 0, "scale", 1)                                                     \
    X(lnorm, 2, "meanlog", 0, "sdlog", 1)                                                       \
    X(cauchy, 2, "location", 0, "scale", 1)                                                    \
    X(weibull, 2, "shape", NAN, "scale", 1)                                                     \
    X(gamma, 2, "shape", NAN, "scale", 1)                                                       \
    X(chisq, 1, "df", NAN, "", 0)                                                               \
    X(pois, 1, "lambda", NAN, "", 0)

/* NAME(x, param, lower_tail, log_flag) calling CALLEE with the parameters spread out: the
 * registry's calling form for one function. D: a density (no lower_tail), P: p or q; 1 or 2
 * parameters. VD_UNIFORM_FAMILY makes d/p/q<family><suffix> over <prefix>d/p/q<family>. */
#define VD_UNIFORM_D1(NAME, CALLEE)                                                             \
    static double NAME(double x, const double *p, int lower_tail, int log_flag)                \
    { (void)lower_tail; return CALLEE(x, p[0], log_flag); }
#define VD_UNIFORM_P1(NAME, CALLEE)                                                             \
    static double NAME(double x, const double *p, int lower_tail, int log_flag)                \
    { return CALLEE(x, p[0], lower_tail, log_flag); }
#define VD_UNIFORM_D2(NAME, CALLEE)                                                             \
    static double NAME(double x, const double *p, int lower_tail, int log_flag)                \
    { (void)lower_tail; return CALLEE(x, p[0], p[1], log_flag); }
#define VD_UNIFORM_P2(NAME, CALLEE)                                                             \
    static double NAME(double x, const double *p, int lower_tail, int log_flag)                \
    { return CALLEE(x, p[0], p[1], lower_tail, log_flag); }
#define VD_UNIFORM_FAMILY(family, n_params, suffix, prefix)                                     \
    VD_UNIFORM_D##n_params(d##family##suffix, prefix##d##family)                                \
    VD_UNIFORM_P##n_params(p##family##suffix, prefix##p##family)                                \
    VD_UNIFORM_P##n_params(q##family##suffix, prefix##q##family)

/* d/p/q<family><suffix>_loop(n, x, param, lower_tail, log_flag, out): the uniform-form
 * d/p/q<family><suffix> over an array, a plain loop. */
#define VD_UNIFORM_LOOP(NAME, ELEMENT)                                                          \
    static void NAME(size_t n, const double *x, const double *p, int lower_tail, int log_flag,  \
                     double *out)                                                              \
    {                                                                                          \
        for (size_t i = 0; i < n; i++)                                                         \
            out[i] = ELEMENT(x[i], p, lower_tail, log_flag);                                   \
    }
#define VD_UNIFORM_LOOPS(family, suffix)                                                        \
    VD_UNIFORM_LOOP(d##family##suffix##_loop, d##family##suffix)                                \
    VD_UNIFORM_LOOP(p##family##suffix##_loop, p##family##suffix)                                \
    VD_UNIFORM_LOOP(q##family##suffix##_loop, q##family##suffix)

#endif
