/* weibull: SIMD kernels. STUB (scaffolding): loops over the scalar reference until the vector
 * code is written. */

static void ISA_SUFFIX(dweibull_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    for (size_t i = 0; i < n; i++)
        out[i] = vd_dweibull(x[i], param[0], param[1], give_log);
}

static void ISA_SUFFIX(pweibull_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = vd_pweibull(x[i], param[0], param[1], lower_tail, log_p);
}

static void ISA_SUFFIX(qweibull_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = vd_qweibull(x[i], param[0], param[1], lower_tail, log_p);
}
