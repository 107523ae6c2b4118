/* Chi-squared distribution: scalar reference. Rmath's chi-squared with df degrees of freedom
 * is the gamma distribution with shape df/2 and scale 2 (the halving exact but for subnormal
 * df, where Rmath's df/2 rounds too: df = 5e-324 is its point mass at 0), and so is this one:
 * every value, special case included, comes from the gamma reference. */
#include "vdist.h"
#include "numerics.h"

int gamma_params_regular(const double *param);

int chisq_params_regular(const double *param)
{
    const double gamma_param[2] = {param[0] / 2, 2};
    return gamma_params_regular(gamma_param);
}

double vd_dchisq(double x, double df, int give_log)
{
    return vd_dgamma(x, df / 2, 2, give_log);
}

double vd_pchisq(double q, double df, int lower_tail, int log_p)
{
    return vd_pgamma(q, df / 2, 2, lower_tail, log_p);
}

double vd_qchisq(double p, double df, int lower_tail, int log_p)
{
    return vd_qgamma(p, 0.5 * df, 2, lower_tail, log_p);
}
