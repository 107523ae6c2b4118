/* Weibull distribution: scalar reference (the accuracy oracle).
 *
 * Everything goes through log u, u = x / scale, and L = shape log u as double-doubles, and
 * w = (x/scale)^shape = exp(L): the upper tail exp(-w) has condition number w (up to ~745)
 * with respect to w, and w has condition number |L| with respect to L, so L is carried to
 * ~2^-75. u is the quotient with its exact remainder (near 1, log u keeps its relative
 * accuracy even for shape 1e12); where the quotient would be subnormal or overflow,
 * log x - log scale.
 *   pweibull: lower w (1 - w/2 + ...) for tiny w, else 1 - e^-w; upper e^-w; log upper -w;
 *             log lower L + log((1 - e^-w)/w) by its series for tiny w, else log of the dd.
 *   dweibull: log d = log(shape/scale) + L - log u - w, d = exp(log d).
 *   qweibull: log q = log scale + log(y)/shape, y = -log(1 - P) kept in log form so that
 *             tiny P (or log P far below 0) keeps its digits.
 * The logs and exps are table-driven (weibull_log_fast, weibull_exp_fast: ~2^-75, a few
 * dozen flops; tables from tools/fit_weibull_tables.py), the same method as the SIMD
 * kernels. Non-finite parameters follow Rmath's formulas literally (their special values
 * are part of the drop-in contract).
 */
#include <float.h>
#include <stdint.h>
#include <string.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"
#include "weibull_internal.h"

int weibull_params_regular(const double *param)
{
    double shape = param[0], scale = param[1];
    return shape >= 0x1p-20 && shape <= 0x1p20 && scale >= 0x1p-1000 && scale <= 0x1p1000;
}

/* ---- tables (tools/fit_weibull_tables.py) ---------------------------------------------- */

const double weibull_log_table[WEIBULL_LOG_ENTRIES][3] = {
    {0x1.6a13cd1537290p+0, -0x1.630030b3aac48p-2, -0x1.ee0c6728fffccp-56}, /* -75 */
    {0x1.6816816816817p+0, -0x1.5d5bddf595f31p-2, -0x1.d5f75b9a23ae4p-59}, /* -74 */
    {0x1.661ec6a5122f9p+0, -0x1.57bf753c8d1fbp-2, 0x1.2908d15f88b63p-57}, /* -73 */
    {0x1.642c8590b2164p+0, -0x1.522ae0738a3d7p-2, -0x1.3840b263acb43p-56}, /* -72 */
    {0x1.623fa77016240p+0, -0x1.4c9e09e172c3dp-2, 0x1.123615b147a5fp-58}, /* -71 */
    {0x1.6058160581606p+0, -0x1.4718dc271c41cp-2, -0x1.d8fb4c14c56eep-56}, /* -70 */
    {0x1.5e75bb8d015e7p+0, -0x1.419b423d5e8c6p-2, -0x1.5b7648704e721p-58}, /* -69 */
    {0x1.5c9882b931057p+0, -0x1.3c25277333183p-2, -0x1.152d81af5713ap-56}, /* -68 */
    {0x1.5ac056b015ac0p+0, -0x1.36b6776be1116p-2, 0x1.324f0e8838590p-58}, /* -67 */
    {0x1.58ed2308158edp+0, -0x1.314f1e1d35ce3p-2, -0x1.22966f61a3c23p-56}, /* -66 */
    {0x1.571ed3c506b3ap+0, -0x1.2bef07cdc9355p-2, 0x1.22dad7fd86088p-56}, /* -65 */
    {0x1.5555555555555p+0, -0x1.269621134db91p-2, -0x1.e0efadd9db02ap-56}, /* -64 */
    {0x1.5390948f40febp+0, -0x1.214456d0eb8d5p-2, 0x1.50a2dca28b3edp-58}, /* -63 */
    {0x1.51d07eae2f815p+0, -0x1.1bf99635a6b95p-2, 0x1.e9575c2124912p-56}, /* -62 */
    {0x1.5015015015015p+0, -0x1.16b5ccbacfb73p-2, -0x1.56fbd28b40935p-56}, /* -61 */
    {0x1.4e5e0a72f0539p+0, -0x1.1178e8227e47ap-2, -0x1.b8ce2d07f1cb7p-56}, /* -60 */
    {0x1.4cab88725af6ep+0, -0x1.0c42d676162e2p-2, 0x1.5a74e18a8bb85p-56}, /* -59 */
    {0x1.4afd6a052bf5bp+0, -0x1.07138604d5864p-2, 0x1.24e912b16ec8bp-60}, /* -58 */
    {0x1.49539e3b2d067p+0, -0x1.01eae5626c691p-2, -0x1.d9f5bd0b5b348p-57}, /* -57 */
    {0x1.47ae147ae147bp+0, -0x1.f991c6cb3b37ap-3, -0x1.ecca0cdf30143p-58}, /* -56 */
    {0x1.460cbc7f5cf9ap+0, -0x1.ef5ade4dcffe5p-3, -0x1.7754d2238f75fp-58}, /* -55 */
    {0x1.446f86562d9fbp+0, -0x1.e530effe71013p-3, 0x1.f7627ef82f3f0p-57}, /* -54 */
    {0x1.42d6625d51f87p+0, -0x1.db13db0d48941p-3, 0x1.8af715b0349a4p-57}, /* -53 */
    {0x1.4141414141414p+0, -0x1.d1037f2655e7bp-3, 0x1.3f3adb7b71cbcp-58}, /* -52 */
    {0x1.3fb013fb013fbp+0, -0x1.c6ffbc6f00f71p-3, 0x1.ae58b2c57a4a5p-57}, /* -51 */
    {0x1.3e22cbce4a902p+0, -0x1.bd087383bd8aap-3, 0x1.1165504ad749ep-59}, /* -50 */
    {0x1.3c995a47babe7p+0, -0x1.b31d8575bce3bp-3, 0x1.0d4eace1aa537p-59}, /* -49 */
    {0x1.3b13b13b13b14p+0, -0x1.a93ed3c8ad9e5p-3, -0x1.bcafa9de97202p-57}, /* -48 */
    {0x1.3991c2c187f63p+0, -0x1.9f6c407089663p-3, 0x1.52979a7e86605p-57}, /* -47 */
    {0x1.3813813813814p+0, -0x1.95a5adcf70182p-3, -0x1.8a16283fdbd1cp-57}, /* -46 */
    {0x1.3698df3de0748p+0, -0x1.8beafeb38fe8fp-3, 0x1.54aae92cd0b87p-59}, /* -45 */
    {0x1.3521cfb2b78c1p+0, -0x1.823c16551a3c0p-3, -0x1.6dcd318f4187ep-57}, /* -44 */
    {0x1.33ae45b57bcb2p+0, -0x1.7898d85444c74p-3, -0x1.be3dbaf3ec804p-60}, /* -43 */
    {0x1.323e34a2b10bfp+0, -0x1.6f0128b756ab9p-3, 0x1.37967087859b9p-59}, /* -42 */
    {0x1.30d190130d190p+0, -0x1.6574ebe8c1339p-3, -0x1.c5961e173bc82p-57}, /* -41 */
    {0x1.2f684bda12f68p+0, -0x1.5bf406b543db0p-3, 0x1.1f5b44c0df7f7p-61}, /* -40 */
    {0x1.2e025c04b8097p+0, -0x1.527e5e4a1b58dp-3, 0x1.b8d4b411cadffp-60}, /* -39 */
    {0x1.2c9fb4d812ca0p+0, -0x1.4913d8333b563p-3, 0x1.0d5604930f137p-58}, /* -38 */
    {0x1.2b404ad012b40p+0, -0x1.3fb45a59928cap-3, 0x1.d87e6a354d057p-57}, /* -37 */
    {0x1.29e4129e4129ep+0, -0x1.365fcb0159014p-3, -0x1.bea08d2dca256p-57}, /* -36 */
    {0x1.288b01288b013p+0, -0x1.2d1610c86813dp-3, -0x1.d997036941a6dp-60}, /* -35 */
    {0x1.27350b8812735p+0, -0x1.23d712a49c201p-3, -0x1.51c7e9efae297p-57}, /* -34 */
    {0x1.25e22708092f1p+0, -0x1.1aa2b7e23f729p-3, -0x1.6e44389934420p-57}, /* -33 */
    {0x1.2492492492492p+0, -0x1.1178e8227e47ap-3, 0x1.0e63a5f01c693p-58}, /* -32 */
    {0x1.23456789abcdfp+0, -0x1.08598b59e3a07p-3, 0x1.fd7009902bf32p-57}, /* -31 */
    {0x1.21fb78121fb78p+0, -0x1.fe89139dbd565p-4, 0x1.ac9f4215f9394p-58}, /* -30 */
    {0x1.20b470c67c0d9p+0, -0x1.ec739830a1126p-4, -0x1.eea033743f95bp-58}, /* -29 */
    {0x1.1f7047dc11f70p+0, -0x1.da7276384469ep-4, -0x1.401fa71733017p-58}, /* -28 */
    {0x1.1e2ef3b3fb874p+0, -0x1.c885801bc4b20p-4, 0x1.5c734aa6598fcp-58}, /* -27 */
    {0x1.1cf06ada2811dp+0, -0x1.b6ac88dad5b1dp-4, 0x1.002bf768e52d0p-58}, /* -26 */
    {0x1.1bb4a4046ed29p+0, -0x1.a4e7640b1bc38p-4, 0x1.9b5ca203e4259p-58}, /* -25 */
    {0x1.1a7b9611a7b96p+0, -0x1.9335e5d594988p-4, 0x1.478a85704ccb7p-58}, /* -24 */
    {0x1.19453808ca29cp+0, -0x1.8197e2f40e3f0p-4, 0x1.230690020895fp-59}, /* -23 */
    {0x1.1811811811812p+0, -0x1.700d30aeac0e8p-4, -0x1.a36a677b4c8b2p-59}, /* -22 */
    {0x1.16e0689427379p+0, -0x1.5e95a4d9791cdp-4, 0x1.4c78ba3a3baf6p-58}, /* -21 */
    {0x1.15b1e5f75270dp+0, -0x1.4d3115d207eacp-4, -0x1.da7d0b1e10b2fp-60}, /* -20 */
    {0x1.1485f0e0acd3bp+0, -0x1.3bdf5a7d1ee5ep-4, -0x1.f52eda76b68acp-60}, /* -19 */
    {0x1.135c81135c811p+0, -0x1.2aa04a44717a1p-4, -0x1.aea2c72d05c08p-58}, /* -18 */
    {0x1.12358e75d3033p+0, -0x1.1973bd1465561p-4, 0x1.7aac1b3d35680p-58}, /* -17 */
    {0x1.1111111111111p+0, -0x1.08598b59e3a06p-4, 0x1.dd7009902bf32p-58}, /* -16 */
    {0x1.0fef010fef011p+0, -0x1.eea31c006b87cp-5, 0x1.7c9f9276f6cd8p-60}, /* -15 */
    {0x1.0ecf56be69c90p+0, -0x1.ccb73cdddb2d0p-5, 0x1.e48fb0500efd5p-59}, /* -14 */
    {0x1.0db20a88f4696p+0, -0x1.aaef2d0fb1108p-5, -0x1.68d4eed0b82aep-59}, /* -13 */
    {0x1.0c9714fbcda3bp+0, -0x1.894aa149fb34bp-5, 0x1.2ba0b44cfaee5p-59}, /* -12 */
    {0x1.0b7e6ec259dc8p+0, -0x1.67c94f2d4bb65p-5, -0x1.0413e6505e5f9p-59}, /* -11 */
    {0x1.0a6810a6810a7p+0, -0x1.466aed42de3f9p-5, 0x1.9badefe942718p-60}, /* -10 */
    {0x1.0953f39010954p+0, -0x1.252f32f8d1840p-5, -0x1.ae021b67a9ba8p-61}, /* -9 */
    {0x1.0842108421084p+0, -0x1.0415d89e74440p-5, -0x1.c05cf1d753621p-59}, /* -8 */
    {0x1.073260a47f7c6p+0, -0x1.c63d2ec14aad7p-6, -0x1.8fe7acbca131dp-63}, /* -7 */
    {0x1.0624dd2f1a9fcp+0, -0x1.8492528c8cac5p-6, 0x1.d192d0619fa68p-60}, /* -6 */
    {0x1.05197f7d73404p+0, -0x1.432a925980cbcp-6, 0x1.8cdaf39004193p-60}, /* -5 */
    {0x1.0410410410410p+0, -0x1.0205658935837p-6, -0x1.27c8e8416e717p-60}, /* -4 */
    {0x1.03091b51f5e1ap+0, -0x1.82448a388a283p-7, -0x1.04b16137f0970p-62}, /* -3 */
    {0x1.0204081020408p+0, -0x1.010157588de69p-7, -0x1.46662d417cecep-62}, /* -2 */
    {0x1.0101010101010p+0, -0x1.0080559588b25p-8, -0x1.f96638cf63675p-62}, /* -1 */
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0}, /* 0 */
    {0x1.fe01fe01fe020p-1, 0x1.ff00aa2b10ba0p-9, 0x1.2821ad5a6d357p-63}, /* 1 */
    {0x1.fc07f01fc07f0p-1, 0x1.fe02a6b106799p-8, -0x1.e44b7e3711e7fp-67}, /* 2 */
    {0x1.fa11caa01fa12p-1, 0x1.7dc475f810a69p-7, 0x1.74944bc161072p-61}, /* 3 */
    {0x1.f81f81f81f820p-1, 0x1.fc0a8b0fc03c4p-7, -0x1.83092c5964281p-62}, /* 4 */
    {0x1.f6310aca0dbb5p-1, 0x1.3cea44346a584p-6, -0x1.865ad48159d00p-61}, /* 5 */
    {0x1.f44659e4a4271p-1, 0x1.7b91b07d5b126p-6, -0x1.6d80ab38e9430p-62}, /* 6 */
    {0x1.f25f644230ab5p-1, 0x1.b9fc027af919ap-6, -0x1.90ae69229dc86p-60}, /* 7 */
    {0x1.f07c1f07c1f08p-1, 0x1.f829b0e7832f8p-6, 0x1.33e3f04f1ef25p-60}, /* 8 */
    {0x1.ee9c7f8458e02p-1, 0x1.1b0d98923d97fp-5, -0x1.74d7444dd6241p-59}, /* 9 */
    {0x1.ecc07b301ecc0p-1, 0x1.39e87b9febd68p-5, -0x1.5bfa937f551b7p-59}, /* 10 */
    {0x1.eae807aba01ebp-1, 0x1.58a5bafc8e4d3p-5, -0x1.cab8569c56e40p-64}, /* 11 */
    {0x1.e9131abf0b767p-1, 0x1.77458f632dcffp-5, 0x1.8d3ca87b92968p-63}, /* 12 */
    {0x1.e741aa59750e4p-1, 0x1.95c830ec8e3f2p-5, 0x1.eb41d00a417e9p-60}, /* 13 */
    {0x1.e573ac901e574p-1, 0x1.b42dd711971b9p-5, 0x1.0a34531f67db5p-59}, /* 14 */
    {0x1.e3a9179dc1a73p-1, 0x1.d276b8adb0b56p-5, 0x1.078f14c95ff53p-59}, /* 15 */
    {0x1.e1e1e1e1e1e1ep-1, 0x1.f0a30c01162a8p-5, 0x1.85f325c5bbacdp-59}, /* 16 */
    {0x1.e01e01e01e01ep-1, 0x1.075983598e471p-4, 0x1.006d2999e22dcp-58}, /* 17 */
    {0x1.de5d6e3f8868ap-1, 0x1.16536eea37ae3p-4, 0x1.2189705cf74cap-58}, /* 18 */
    {0x1.dca01dca01dcap-1, 0x1.253f62f0a1417p-4, 0x1.1f6d34e01d981p-61}, /* 19 */
    {0x1.dae6076b981dbp-1, 0x1.341d7961bd1d0p-4, -0x1.3599f227becbbp-58}, /* 20 */
    {0x1.d92f2231e7f8ap-1, 0x1.42edcbea646eep-4, -0x1.511583653349bp-58}, /* 21 */
    {0x1.d77b654b82c34p-1, 0x1.51b073f06183cp-4, -0x1.5b61c65e5741ap-58}, /* 22 */
    {0x1.d5cac807572b2p-1, 0x1.60658a93750c4p-4, -0x1.f108b1d8436d3p-59}, /* 23 */
    {0x1.d41d41d41d41dp-1, 0x1.6f0d28ae56b4ep-4, -0x1.20db323097324p-59}, /* 24 */
    {0x1.d272ca3fc5b1ap-1, 0x1.7da766d7b12d0p-4, 0x1.a2240644d7da2p-59}, /* 25 */
    {0x1.d0cb58f6ec074p-1, 0x1.8c345d6319b23p-4, -0x1.294d2f5668495p-58}, /* 26 */
    {0x1.cf26e5c44bfc6p-1, 0x1.9ab42462033aep-4, -0x1.a099e1c184e8ep-59}, /* 27 */
    {0x1.cd85689039b0bp-1, 0x1.a926d3a4ad562p-4, -0x1.d7a16eab1e2adp-59}, /* 28 */
    {0x1.cbe6d9601cbe7p-1, 0x1.b78c82bb0eda0p-4, -0x1.3ef0e61f9b03cp-58}, /* 29 */
    {0x1.ca4b3055ee191p-1, 0x1.c5e548f5bc743p-4, 0x1.2eb0bf7c0b0d9p-59}, /* 30 */
    {0x1.c8b265afb8a42p-1, 0x1.d4313d66cb35dp-4, 0x1.b90dd951d90fap-58}, /* 31 */
    {0x1.c71c71c71c71cp-1, 0x1.e27076e2af2eap-4, -0x1.61578001e015ap-60}, /* 32 */
    {0x1.c5894d10d4986p-1, 0x1.f0a30c01162a4p-4, 0x1.8be64b8b7759bp-59}, /* 33 */
    {0x1.c3f8f01c3f8f0p-1, 0x1.fec9131dbeabcp-4, -0x1.5746b9981b36cp-58}, /* 34 */
    {0x1.c26b5392ea01cp-1, 0x1.0671512ca596fp-3, -0x1.2f39b81479b67p-58}, /* 35 */
    {0x1.c0e070381c0e0p-1, 0x1.0d77e7cd08e5bp-3, 0x1.9a5dc5e9030adp-57}, /* 36 */
    {0x1.bf583ee868d8bp-1, 0x1.14785846742acp-3, 0x1.94409f1d3f83ap-60}, /* 37 */
    {0x1.bdd2b899406f7p-1, 0x1.1b72ad52f67a2p-3, -0x1.fbe7ee5c69946p-57}, /* 38 */
    {0x1.bc4fd65883e7bp-1, 0x1.2266f190a5acdp-3, -0x1.dab840e7f6177p-57}, /* 39 */
    {0x1.bacf914c1bad0p-1, 0x1.29552f81ff521p-3, 0x1.301771c407dc0p-57}, /* 40 */
    {0x1.b951e2b18ff23p-1, 0x1.303d718e47fd5p-3, -0x1.b5ae71f658247p-57}, /* 41 */
    {0x1.b7d6c3dda338bp-1, 0x1.371fc201e8f75p-3, 0x1.e6cb62af18a02p-62}, /* 42 */
    {0x1.b65e2e3beee05p-1, 0x1.3dfc2b0ecc62ap-3, 0x1.ba62b8c13f7f4p-57}, /* 43 */
    {0x1.b4e81b4e81b4fp-1, 0x1.44d2b6ccb7d1cp-3, 0x1.7d3d950f87e23p-59}, /* 44 */
    {0x1.b37484ad806cep-1, 0x1.4ba36f39a55e5p-3, -0x1.f767e433c98aap-57}, /* 45 */
    {0x1.b2036406c80d9p-1, 0x1.526e5e3a1b438p-3, -0x1.546ff8a470d3ap-57}, /* 46 */
    {0x1.b094b31d922a4p-1, 0x1.59338d9982085p-3, 0x1.8d16eaaba9419p-57}, /* 47 */
    {0x1.af286bca1af28p-1, 0x1.5ff3070a793d6p-3, -0x1.bc60efafc6f6cp-58}, /* 48 */
    {0x1.adbe87f94905ep-1, 0x1.66acd4272ad51p-3, -0x1.9201c9c3d5165p-59}, /* 49 */
    {0x1.ac5701ac5701bp-1, 0x1.6d60fe719d21bp-3, 0x1.d551d97132e87p-57}, /* 50 */
    {0x1.aaf1d2f87ebfdp-1, 0x1.740f8f54037a3p-3, 0x1.6d9bf9d57b326p-58}, /* 51 */
    {0x1.a98ef606a63bep-1, 0x1.7ab890210d907p-3, -0x1.1072534a57e7dp-57}, /* 52 */
    {0x1.a82e65130e159p-1, 0x1.815c0a14357e9p-3, 0x1.141b7f8c5fa9ep-58}, /* 53 */
    {0x1.a6d01a6d01a6dp-1, 0x1.87fa06520c911p-3, -0x1.9f7fdbfa08d9ap-57}, /* 54 */
    {0x1.a574107688a4ap-1, 0x1.8e928de886d41p-3, 0x1.2589eb96a6240p-59}, /* 55 */
    {0x1.a41a41a41a41ap-1, 0x1.9525a9cf456b6p-3, -0x1.26fb3e2b1d1dap-57}, /* 56 */
    {0x1.a2c2a87c51ca0p-1, 0x1.9bb362e7dfb85p-3, -0x1.51439c1ff83e7p-58}, /* 57 */
    {0x1.a16d3f97a4b02p-1, 0x1.a23bc1fe2b561p-3, 0x1.24dc46c1ea664p-57}, /* 58 */
    {0x1.a01a01a01a01ap-1, 0x1.a8becfc882f19p-3, -0x1.a8c37918c39ebp-58}, /* 59 */
    {0x1.9ec8e951033d9p-1, 0x1.af3c94e80bff3p-3, 0x1.a3398064df33ep-57}, /* 60 */
    {0x1.9d79f176b682dp-1, 0x1.b5b519e8fb5a6p-3, -0x1.d5d8023e61e5fp-57}, /* 61 */
    {0x1.9c2d14ee4a102p-1, 0x1.bc286742d8cd4p-3, 0x1.cfce744870f57p-58}, /* 62 */
    {0x1.9ae24ea5510dap-1, 0x1.c2968558c18c2p-3, 0x1.6108e3ae024acp-60}, /* 63 */
    {0x1.999999999999ap-1, 0x1.c8ff7c79a9a20p-3, -0x1.4f689f8434011p-57}, /* 64 */
    {0x1.9852f0d8ec0ffp-1, 0x1.cf6354e09c5ddp-3, 0x1.339a07d55b696p-57}, /* 65 */
    {0x1.970e4f80cb872p-1, 0x1.d5c216b4fbb94p-3, -0x1.a37794d03657dp-58}, /* 66 */
    {0x1.95cbb0be377aep-1, 0x1.dc1bca0abec7bp-3, 0x1.c698a33316dfbp-58}, /* 67 */
    {0x1.948b0fcd6e9e0p-1, 0x1.e27076e2af2e8p-3, -0x1.61578001e015ep-59}, /* 68 */
    {0x1.934c67f9b2ce6p-1, 0x1.e8c0252aa5a60p-3, -0x1.dc074737f9135p-60}, /* 69 */
    {0x1.920fb49d0e229p-1, 0x1.ef0adcbdc5935p-3, 0x1.e8637950dc20dp-57}, /* 70 */
    {0x1.90d4f120190d5p-1, 0x1.f550a564b7b37p-3, -0x1.13a09202fe73dp-57}, /* 71 */
    {0x1.8f9c18f9c18fap-1, 0x1.fb9186d5e3e29p-3, 0x1.355519b0de535p-57}, /* 72 */
    {0x1.8e6527af1373fp-1, 0x1.00e6c45ad501dp-2, -0x1.3b9568ff6feadp-57}, /* 73 */
    {0x1.8d3018d3018d3p-1, 0x1.0402594b4d041p-2, -0x1.08ec217a5022dp-57}, /* 74 */
    {0x1.8bfce8062ff3ap-1, 0x1.071b85fcd590dp-2, 0x1.08b83fcbdef40p-57}, /* 75 */
    {0x1.8acb90f6bf3aap-1, 0x1.0a324e27390e2p-2, 0x1.bdcfde8061c03p-56}, /* 76 */
    {0x1.899c0f601899cp-1, 0x1.0d46b579ab74bp-2, 0x1.21f640e1e5ec9p-56}, /* 77 */
    {0x1.886e5f0abb04ap-1, 0x1.1058bf9ae4ad4p-2, 0x1.3f415699663ecp-63}, /* 78 */
    {0x1.87427bcc092b9p-1, 0x1.136870293a8b0p-2, 0x1.86cc531dba494p-57}, /* 79 */
    {0x1.8618618618618p-1, 0x1.1675cababa60fp-2, 0x1.ce63eab883727p-61}, /* 80 */
    {0x1.84f00c2780614p-1, 0x1.1980d2dd4236fp-2, -0x1.02c2e4f1b2eb9p-56}, /* 81 */
    {0x1.83c977ab2beddp-1, 0x1.1c898c16999fbp-2, 0x1.9f1a39d500e3cp-56}, /* 82 */
    {0x1.82a4a0182a4a0p-1, 0x1.1f8ff9e48a2f3p-2, -0x1.93fbf3418960dp-57}, /* 83 */
    {0x1.8181818181818p-1, 0x1.22941fbcf7966p-2, -0x1.dbd7ac258a2bdp-58}, /* 84 */
    {0x1.8060180601806p-1, 0x1.2596010df763ap-2, -0x1.9eed8ae0ebd3cp-59}, /* 85 */
    {0x1.7f405fd017f40p-1, 0x1.2895a13de86a4p-2, 0x1.7ad24c13f040fp-56}, /* 86 */
    {0x1.7e225515a4f1dp-1, 0x1.2b9303ab89d25p-2, -0x1.85ad7f614ab51p-58}, /* 87 */
    {0x1.7d05f417d05f4p-1, 0x1.2e8e2bae11d31p-2, -0x1.1e99b72bd7bf2p-57}, /* 88 */
    {0x1.7beb3922e017cp-1, 0x1.31871c9544185p-2, -0x1.ea3598981366fp-57}, /* 89 */
    {0x1.7ad2208e0ecc3p-1, 0x1.347dd9a987d56p-2, -0x1.16ea62c048cfbp-56}, /* 90 */
    {0x1.79baa6bb6398bp-1, 0x1.3772662bfd85cp-2, 0x1.02a7589fba088p-57}, /* 91 */
    {0x1.78a4c8178a4c8p-1, 0x1.3a64c556945eap-2, 0x1.cbcd735d03424p-60}, /* 92 */
    {0x1.77908119ac60dp-1, 0x1.3d54fa5c1f710p-2, 0x1.53668e578d9cdp-58}, /* 93 */
    {0x1.767dce434a9b1p-1, 0x1.404308686a7e4p-2, -0x1.f79f6c1059cdbp-57}, /* 94 */
    {0x1.756cac201756dp-1, 0x1.432ef2a04e813p-2, -0x1.83262e2b59206p-57}, /* 95 */
    {0x1.745d1745d1746p-1, 0x1.4618bc21c5ec2p-2, -0x1.7a42642661c62p-61}, /* 96 */
    {0x1.734f0c541fe8dp-1, 0x1.49006804009d0p-2, -0x1.bff0d07c5df6dp-59}, /* 97 */
    {0x1.724287f46debcp-1, 0x1.4be5f957778a1p-2, -0x1.4b366b609027ap-58}, /* 98 */
    {0x1.713786d9c7c09p-1, 0x1.4ec9732600269p-2, -0x1.1aa87d977dc5ep-56}, /* 99 */
    {0x1.702e05c0b8170p-1, 0x1.51aad872df82ep-2, -0x1.d8db0a7cc1543p-56}, /* 100 */
    {0x1.6f26016f26017p-1, 0x1.548a2c3add263p-2, -0x1.58ce7bf1846eep-56}, /* 101 */
    {0x1.6e1f76b4337c7p-1, 0x1.5767717455a6cp-2, -0x1.fb2a49af933e8p-57}, /* 102 */
    {0x1.6d1a62681c861p-1, 0x1.5a42ab0f4cfe2p-2, -0x1.c6bcb7dee9a3dp-56}, /* 103 */
    {0x1.6c16c16c16c17p-1, 0x1.5d1bdbf5809cap-2, -0x1.7dc9c7c23801fp-56}, /* 104 */
    {0x1.6b1490aa31a3dp-1, 0x1.5ff3070a793d4p-2, -0x1.063077d7e37b7p-56}, /* 105 */
    {0x1.6a13cd1537290p-1, 0x1.62c82f2b9c796p-2, -0x1.090a0dd59fe35p-58}, /* 106 */
};

const double weibull_exp_table[WEIBULL_EXP_ENTRIES][2] = {
    {0x1.6a09e667f3bcdp-1, -0x1.bdd3413b26456p-55}, /* 2^(-32/64) */
    {0x1.6dfb23c651a2fp-1, -0x1.bbe3a683c88abp-58}, /* 2^(-31/64) */
    {0x1.71f75e8ec5f74p-1, -0x1.16e4786887a99p-56}, /* 2^(-30/64) */
    {0x1.75feb564267c9p-1, -0x1.0245957316dd3p-55}, /* 2^(-29/64) */
    {0x1.7a11473eb0187p-1, -0x1.41577ee04992fp-56}, /* 2^(-28/64) */
    {0x1.7e2f336cf4e62p-1, 0x1.05d02ba15797ep-57}, /* 2^(-27/64) */
    {0x1.82589994cce13p-1, -0x1.d4c1dd41532d8p-55}, /* 2^(-26/64) */
    {0x1.868d99b4492edp-1, -0x1.fc6f89bd4f6bap-55}, /* 2^(-25/64) */
    {0x1.8ace5422aa0dbp-1, 0x1.6e9f156864b27p-55}, /* 2^(-24/64) */
    {0x1.8f1ae99157736p-1, 0x1.5cc13a2e3976cp-56}, /* 2^(-23/64) */
    {0x1.93737b0cdc5e5p-1, -0x1.75fc781b57ebcp-58}, /* 2^(-22/64) */
    {0x1.97d829fde4e50p-1, -0x1.d185b7c1b85d1p-55}, /* 2^(-21/64) */
    {0x1.9c49182a3f090p-1, 0x1.c7c46b071f2bep-57}, /* 2^(-20/64) */
    {0x1.a0c667b5de565p-1, -0x1.359495d1cd533p-55}, /* 2^(-19/64) */
    {0x1.a5503b23e255dp-1, -0x1.d2f6edb8d41e1p-55}, /* 2^(-18/64) */
    {0x1.a9e6b5579fdbfp-1, 0x1.0fac90ef7fd31p-55}, /* 2^(-17/64) */
    {0x1.ae89f995ad3adp-1, 0x1.7a1cd345dcc81p-55}, /* 2^(-16/64) */
    {0x1.b33a2b84f15fbp-1, -0x1.2805e3084d708p-58}, /* 2^(-15/64) */
    {0x1.b7f76f2fb5e47p-1, -0x1.5584f7e54ac3bp-57}, /* 2^(-14/64) */
    {0x1.bcc1e904bc1d2p-1, 0x1.23dd07a2d9e84p-56}, /* 2^(-13/64) */
    {0x1.c199bdd85529cp-1, 0x1.11065895048ddp-56}, /* 2^(-12/64) */
    {0x1.c67f12e57d14bp-1, 0x1.2884dff483cadp-55}, /* 2^(-11/64) */
    {0x1.cb720dcef9069p-1, 0x1.503cbd1e949dbp-57}, /* 2^(-10/64) */
    {0x1.d072d4a07897cp-1, -0x1.cbc3743797a9cp-55}, /* 2^(-9/64) */
    {0x1.d5818dcfba487p-1, 0x1.2ed02d75b3707p-56}, /* 2^(-8/64) */
    {0x1.da9e603db3285p-1, 0x1.c2300696db532p-55}, /* 2^(-7/64) */
    {0x1.dfc97337b9b5fp-1, -0x1.1a5cd4f184b5cp-55}, /* 2^(-6/64) */
    {0x1.e502ee78b3ff6p-1, 0x1.39e8980a9cc8fp-56}, /* 2^(-5/64) */
    {0x1.ea4afa2a490dap-1, -0x1.e9c23179c2893p-55}, /* 2^(-4/64) */
    {0x1.efa1bee615a27p-1, 0x1.dc7f486a4b6b0p-55}, /* 2^(-3/64) */
    {0x1.f50765b6e4540p-1, 0x1.9d3e12dd8a18bp-55}, /* 2^(-2/64) */
    {0x1.fa7c1819e90d8p-1, 0x1.74853f3a5931ep-56}, /* 2^(-1/64) */
    {0x1.0000000000000p+0, 0x0.0p+0}, /* 2^(0/64) */
    {0x1.02c9a3e778061p+0, -0x1.19083535b085dp-56}, /* 2^(1/64) */
    {0x1.059b0d3158574p+0, 0x1.d73e2a475b465p-55}, /* 2^(2/64) */
    {0x1.0874518759bc8p+0, 0x1.186be4bb284ffp-57}, /* 2^(3/64) */
    {0x1.0b5586cf9890fp+0, 0x1.8a62e4adc610bp-54}, /* 2^(4/64) */
    {0x1.0e3ec32d3d1a2p+0, 0x1.03a1727c57b53p-59}, /* 2^(5/64) */
    {0x1.11301d0125b51p+0, -0x1.6c51039449b3ap-54}, /* 2^(6/64) */
    {0x1.1429aaea92de0p+0, -0x1.32fbf9af1369ep-54}, /* 2^(7/64) */
    {0x1.172b83c7d517bp+0, -0x1.19041b9d78a76p-55}, /* 2^(8/64) */
    {0x1.1a35beb6fcb75p+0, 0x1.e5b4c7b4968e4p-55}, /* 2^(9/64) */
    {0x1.1d4873168b9aap+0, 0x1.e016e00a2643cp-54}, /* 2^(10/64) */
    {0x1.2063b88628cd6p+0, 0x1.dc775814a8495p-55}, /* 2^(11/64) */
    {0x1.2387a6e756238p+0, 0x1.9b07eb6c70573p-54}, /* 2^(12/64) */
    {0x1.26b4565e27cddp+0, 0x1.2bd339940e9d9p-55}, /* 2^(13/64) */
    {0x1.29e9df51fdee1p+0, 0x1.612e8afad1255p-55}, /* 2^(14/64) */
    {0x1.2d285a6e4030bp+0, 0x1.0024754db41d5p-54}, /* 2^(15/64) */
    {0x1.306fe0a31b715p+0, 0x1.6f46ad23182e4p-55}, /* 2^(16/64) */
    {0x1.33c08b26416ffp+0, 0x1.32721843659a6p-54}, /* 2^(17/64) */
    {0x1.371a7373aa9cbp+0, -0x1.63aeabf42eae2p-54}, /* 2^(18/64) */
    {0x1.3a7db34e59ff7p+0, -0x1.5e436d661f5e3p-56}, /* 2^(19/64) */
    {0x1.3dea64c123422p+0, 0x1.ada0911f09ebcp-55}, /* 2^(20/64) */
    {0x1.4160a21f72e2ap+0, -0x1.ef3691c309278p-58}, /* 2^(21/64) */
    {0x1.44e086061892dp+0, 0x1.89b7a04ef80d0p-59}, /* 2^(22/64) */
    {0x1.486a2b5c13cd0p+0, 0x1.3c1a3b69062f0p-56}, /* 2^(23/64) */
    {0x1.4bfdad5362a27p+0, 0x1.d4397afec42e2p-56}, /* 2^(24/64) */
    {0x1.4f9b2769d2ca7p+0, -0x1.4b309d25957e3p-54}, /* 2^(25/64) */
    {0x1.5342b569d4f82p+0, -0x1.07abe1db13cadp-55}, /* 2^(26/64) */
    {0x1.56f4736b527dap+0, 0x1.9bb2c011d93adp-54}, /* 2^(27/64) */
    {0x1.5ab07dd485429p+0, 0x1.6324c054647adp-54}, /* 2^(28/64) */
    {0x1.5e76f15ad2148p+0, 0x1.ba6f93080e65ep-54}, /* 2^(29/64) */
    {0x1.6247eb03a5585p+0, -0x1.383c17e40b497p-54}, /* 2^(30/64) */
    {0x1.6623882552225p+0, -0x1.bb60987591c34p-54}, /* 2^(31/64) */
    {0x1.6a09e667f3bcdp+0, -0x1.bdd3413b26456p-54}, /* 2^(32/64) */
};


/* ---- Rmath's formulas, for non-finite parameters and x/scale == 0 ------------------------ */

static double dweibull_literal(double x, double shape, double scale, int give_log)
{
    double r = x / scale, t1 = pow(r, shape - 1), t2 = t1 * r;
    return give_log ? -t2 + log(shape * t1 / scale) : shape * t1 * exp(-t2) / scale;
}

static double pweibull_literal(double x, double shape, double scale, int lower_tail, int log_p)
{
    double m = -pow(x / scale, shape);
    if (!lower_tail)
        return log_p ? m : exp(m);
    if (!log_p)
        return -expm1(m);
    return m > -M_LN2 ? log(-expm1(m)) : log1p(-exp(m));
}

static double qweibull_literal(double p, double shape, double scale, int lower_tail, int log_p)
{
    double c; /* log(1 - P) for the lower-tail probability P */
    if (lower_tail)
        c = log_p ? (p > -M_LN2 ? log(-expm1(p)) : log1p(-exp(p))) : log1p(-p);
    else
        c = log_p ? p : log(p);
    return scale * pow(-c, 1 / shape);
}

/* ---- fast double-double log and exp ------------------------------------------------------ */

static dd dd_neg(dd a) { return (dd){-a.hi, -a.lo}; }
static dd dd_sub(dd a, dd b) { return dd_add(a, dd_neg(b)); }

/* a + b = s + err exactly for |a| >= |b| (or a = 0) */
static dd fast_two_sum(double a, double b)
{
    double s = a + b;
    return (dd){s, b - (s - a)};
}

/* x rounded to the nearest integer (ties to even) for |x| < 2^51: nearbyint without a libm
 * call on baseline x86-64 */
static double round_nearest(double x)
{
    const double shift = 0x1.8p52;
    return (x + shift) - shift;
}

/* x = 2^e m, m in [sqrt(1/2), sqrt(2)), for positive normal x (the fold of v_exponent) */
static double split_exponent(double x, double *m)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits += 0x00095f619980c433u; /* carries into the exponent when m >= sqrt(2) */
    uint64_t frac = (bits & 0x000fffffffffffffu) + 0x3fe6a09e667f3bcdu;
    memcpy(m, &frac, sizeof frac);
    return (double)(int)(bits >> 52) - 1023;
}

/* log(2^e m) from m's table row: m r - 1 = t + tl exactly (|t| <= 2^-8.5), log(1 + t) by its
 * series with t^2/2 exact; every part below t^3 P(t) summed without rounding */
static dd log_reduced(double m, double e, const double *row)
{
    dd p = two_prod(m, row[0]);
    dd t = fast_two_sum(p.hi - 1, p.lo); /* p.hi - 1 exact, and 0 or >= 2^-53 */
    dd sq = two_prod(t.hi, t.hi);
    double tail = t.hi * sq.hi * poly_eval(weibull_log1p_tail, 7, t.hi) + t.lo * (1 - t.hi);
    dd a = two_sum(e * LN2_HI, row[1]); /* e LN2_HI exact */
    dd s1 = two_sum(a.hi, t.hi);
    dd s2 = two_sum(s1.hi, -0.5 * sq.hi);
    double lo = s1.lo + s2.lo + (a.lo + e * LN2_LO + row[2]) - 0.5 * sq.lo + tail;
    return fast_two_sum(s2.hi, lo);
}

/* log x as a double-double for positive finite x (subnormal included): error ~2^-78
 * absolute, and relative near x = 1 */
static dd weibull_log_fast(double x)
{
    double bias = 0;
    if (x < DBL_MIN) {
        x *= 0x1p54;
        bias = -54;
    }
    double m, e = split_exponent(x, &m);
    int j = (int)round_nearest((m - 1) * 256);
    return log_reduced(m, e + bias, weibull_log_table[j + WEIBULL_LOG_OFFSET]);
}

/* log(u.hi + u.lo) for u.hi > 0 finite, |u.lo| <= ulp(u.hi) */
static dd weibull_log_dd_fast(dd u)
{
    dd l = weibull_log_fast(u.hi);
    double d = u.lo / u.hi; /* log(1 + d) to second order: d is all of it where u.hi = 1 */
    dd s = two_sum(l.hi, d);
    return fast_two_sum(s.hi, s.lo + (l.lo - 0.5 * d * d));
}

/* exp(a) = 2^*k (hi + lo), hi + lo in [0.98, 1.02], relative error ~2^-70, |a.hi| < 2^20:
 * a = n ln2/64 + r, |r| <= ln2/128, exp(a) = 2^k 2^(j/64) exp(r), n = 64 k + j */
static dd exp_fast_scaled(dd a, int *k)
{
    double n = round_nearest(a.hi * WEIBULL_64_OVER_LN2);
    double kd = round_nearest(n * (1.0 / 64));
    const double *T = weibull_exp_table[(int)(n - 64 * kd) + 32];
    dd p = two_prod(n, WEIBULL_LN2_64_HI);
    /* a.hi - p.hi is exact: within ln2/64 of each other (Sterbenz, or n = 0) */
    dd r = fast_two_sum(a.hi - p.hi, (a.lo - p.lo) - n * WEIBULL_LN2_64_LO);
    /* exp(r) - 1 = eps.hi + eps.lo with r^2/2 (up to 2^-16) exact */
    dd sq = two_prod(r.hi, r.hi);
    dd eps = fast_two_sum(r.hi, 0.5 * sq.hi);
    double cube = r.hi * sq.hi * poly_eval(weibull_exp_tail, 4, r.hi);
    eps.lo += 0.5 * sq.lo + r.lo * (1 + r.hi) + cube;
    dd q = two_prod(T[0], eps.hi);
    dd s = two_sum(T[0], q.hi);
    *k = (int)kd;
    return fast_two_sum(s.hi, s.lo + q.lo + T[0] * eps.lo + T[1] * (1 + eps.hi));
}

/* 2^k as a double for |k| <= 1022 */
static double pow2i(int k)
{
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double r;
    memcpy(&r, &bits, sizeof r);
    return r;
}

/* exp(a) as a double-double: 0 below -1e4 (and a subnormal result rounded once to a
 * single double), Inf above 710 */
static dd weibull_exp_fast(dd a)
{
    if (!(a.hi > -1e4))
        return (dd){0, 0};
    if (a.hi > 710)
        return (dd){INFINITY, 0};
    int k;
    dd e = exp_fast_scaled(a, &k);
    if (k >= -1000 && k <= 1000) {
        double s = pow2i(k);
        return (dd){e.hi * s, e.lo * s};
    }
    return (dd){ldexp(e.hi + e.lo, k), 0};
}

/* ---- the accurate paths ------------------------------------------------------------------ */

/* log(x / scale) for positive finite x and scale: the quotient and its exact remainder where
 * the quotient is a normal double, else the difference of the logs (then |log u| > 600) */
static dd weibull_log_u(double x, double scale)
{
    if (x < 0x1p-960) { /* keep the remainder out of the subnormal range */
        x *= 0x1p500;
        scale *= 0x1p500;
    }
    double u = x / scale;
    if (u >= 0x1p-1000 && u <= 0x1p1000) {
        double u_lo = exact_remainder(x, u, scale) / scale;
        return weibull_log_dd_fast((dd){u, u_lo});
    }
    return dd_sub(weibull_log_fast(x), weibull_log_fast(scale));
}

static double dweibull_checked(double x, double shape, double scale, int give_log)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    if (x < 0 || !isfinite(x))
        return give_log ? -INFINITY : 0;
    if (x == 0 && shape < 1)
        return INFINITY;
    if (!isfinite(shape) || !isfinite(scale) || x == 0)
        return dweibull_literal(x, shape, scale, give_log);
    dd log_u = weibull_log_u(x, scale);
    dd L = dd_mul((dd){shape, 0}, log_u);
    dd w = weibull_exp_fast(L);
    if (isinf(w.hi)) /* exp(-w) with w > 1.8e308 */
        return give_log ? -INFINITY : 0;
    dd log_d = dd_add(weibull_log_u(shape, scale), dd_sub(dd_sub(L, log_u), w));
    if (give_log)
        return log_d.hi + log_d.lo;
    dd d = weibull_exp_fast(log_d);
    return d.hi + d.lo;
}

/* log((1 - e^-w)/w) = -w/2 + w^2/24 - w^4/2880 + w^6/181440 for w <= 2^-10 */
static double log_expm1_ratio(double w)
{
    double w2 = w * w;
    return w * (-0.5 + w * (1.0 / 24 + w2 * (-1.0 / 2880 + w2 * (1.0 / 181440))));
}

/* 1 - e^-w = w - w^2 (1/2 - w/6 + ...) as a double-double for 0 <= w <= 2^-10
 * (truncation below 2^-70) */
static dd one_minus_exp_neg_small(dd w)
{
    static const double c[5] = {-1.0 / 2, 1.0 / 6, -1.0 / 24, 1.0 / 120, -1.0 / 720};
    double h = w.hi;
    return fast_two_sum(h, h * h * poly_eval(c, 4, h) + w.lo * (1 - h));
}

#define SMALL_W 0x1p-10

/* -log(1 - e) = e + e^2/2 + e^3 P(-e) as a double-double for 0 <= e <= 2^-10 (where 1 - e
 * as a double-double would have lost e's low digits) */
static dd neg_log1m_small(dd e)
{
    double h = e.hi;
    dd sq = two_prod(h, h);
    dd s = fast_two_sum(h, 0.5 * sq.hi);
    s.lo += e.lo * (1 + h) + 0.5 * sq.lo + h * sq.hi * poly_eval(weibull_log1p_tail, 7, -h);
    return fast_two_sum(s.hi, s.lo);
}

/* 1 - e as a double-double for 0 <= e <= 1 (exact but for e.lo's last digits) */
static dd one_minus(dd e)
{
    dd s = two_sum(1, -e.hi);
    return fast_two_sum(s.hi, s.lo - e.lo);
}

static double pweibull_checked(double x, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    if (x <= 0)
        return lower_tail ? (log_p ? -INFINITY : 0) : (log_p ? 0 : 1);
    if (!isfinite(shape) || !isfinite(scale) || !isfinite(x))
        return pweibull_literal(x, shape, scale, lower_tail, log_p);
    dd L = dd_mul((dd){shape, 0}, weibull_log_u(x, scale));
    dd w = weibull_exp_fast(L);
    if (!lower_tail) {
        if (log_p)
            return -w.hi - w.lo;
        dd e = weibull_exp_fast(dd_neg(w));
        return e.hi + e.lo;
    }
    if (w.hi <= SMALL_W) {
        if (log_p) /* log P = L + log((1 - e^-w)/w) */
            return L.hi + (L.lo + log_expm1_ratio(w.hi));
        dd P = one_minus_exp_neg_small(w);
        return P.hi + P.lo;
    }
    if (!log_p) {
        dd P = one_minus(weibull_exp_fast(dd_neg(w)));
        return P.hi + P.lo;
    }
    dd e = weibull_exp_fast(dd_neg(w));
    if (e.hi == 0)
        return -0.0; /* log(1 - 0), negative as the true value (Rmath's log1p(-0) too) */
    dd l = e.hi <= SMALL_W ? dd_neg(neg_log1m_small(e))
                           : weibull_log_dd_fast(one_minus(e));
    return l.hi + l.lo;
}

/* log y, y = -log(1 - P) > 0 for P the lower-tail probability in (0, 1) */
static dd weibull_log_quantile_y(double p, int lower_tail, int log_p)
{
    dd c; /* 1 - P, the upper-tail probability, as a double-double */
    if (!lower_tail) {
        if (log_p) /* y = -log_p */
            return weibull_log_fast(-p);
        c = (dd){p, 0};
    } else if (!log_p) {
        c = two_sum(1, -p); /* exact */
    } else if (p < -40) { /* y = e^p (1 + e^p/2 + ...): log y = p + e^p/2 */
        return two_sum(p, 0.5 * exp(p));
    } else if (p >= -SMALL_W) { /* 1 - e^p = -p (1 + p/2 + ...) */
        c = one_minus_exp_neg_small((dd){-p, 0});
    } else {
        dd e = weibull_exp_fast((dd){p, 0});
        if (e.hi <= SMALL_W)
            return weibull_log_dd_fast(neg_log1m_small(e));
        c = one_minus(e);
    }
    return weibull_log_dd_fast(dd_neg(weibull_log_dd_fast(c)));
}

static double qweibull_checked(double p, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(shape) || isnan(scale))
        return p + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    /* p = 0 and 1 (log p = -Inf and 0) give 0 and Inf; outside [0, 1] NaN */
    if (log_p) {
        if (p > 0)
            return NAN;
        if (p == 0)
            return lower_tail ? INFINITY : 0;
        if (p == -INFINITY)
            return lower_tail ? 0 : INFINITY;
    } else {
        if (p < 0 || p > 1)
            return NAN;
        if (p == 0)
            return lower_tail ? 0 : INFINITY;
        if (p == 1)
            return lower_tail ? INFINITY : 0;
    }
    if (!isfinite(shape) || !isfinite(scale))
        return qweibull_literal(p, shape, scale, lower_tail, log_p);
    dd log_y = weibull_log_quantile_y(p, lower_tail, log_p);
    dd log_q = dd_add(weibull_log_fast(scale), dd_div(log_y, (dd){shape, 0}));
    dd q = weibull_exp_fast(log_q);
    return q.hi + q.lo;
}

/* ---- double-double helpers the Cauchy reference shares (not used above) ---------------- */

/* exp(a) as a double-double, any a (0 below -746, Inf above 709.8): 2^k (1 + expm1(r)). */
dd weibull_exp_dd(dd a)
{
    if (!(a.hi > -746))
        return (dd){0, 0};
    if (a.hi > 710)
        return (dd){INFINITY, 0};
    double k = nearbyint(a.hi * 0x1.71547652b82fep0);
    dd r = dd_add(a, dd_add(two_prod(-k, LN2_DD_HI), two_prod(-k, LN2_DD_LO)));
    dd e = dd_add((dd){1, 0}, weibull_expm1_dd(r));
    if (k < -1000) /* subnormal result: one rounding at the end */
        return (dd){ldexp(e.hi + e.lo, (int)k), 0};
    double hi = ldexp(e.hi, (int)k);
    return (dd){hi, isfinite(hi) ? ldexp(e.lo, (int)k) : 0};
}

/* log(u) for a positive double-double u (u.hi normal or subnormal): log(u.hi) + log1p(u.lo/u.hi)
 * to second order. */
dd weibull_log_of_dd(dd u)
{
    double t = u.lo / u.hi;
    return dd_add(log_dd(u.hi), two_sum(t, -0.5 * t * t));
}

/* expm1(x) as a double-double for |x| <= 2, tiny x included (expm1_dd scales its argument
 * down by 32 and would lose a subnormal-bound x): x + x^2/2 + x^3/6 below 2^-30. */
dd weibull_expm1_dd(dd x)
{
    if (fabs(x.hi) >= 0x1p-30)
        return expm1_dd(x);
    double h = x.hi;
    return two_sum(h, x.lo + h * h * (0.5 + h * (1.0 / 6)));
}

double vd_dweibull(double x, double shape, double scale, int give_log)
{
    RETURN_KEEPING_ERRNO(dweibull_checked(x, shape, scale, give_log));
}

double vd_pweibull(double q, double shape, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(pweibull_checked(q, shape, scale, lower_tail, log_p));
}

double vd_qweibull(double p, double shape, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(qweibull_checked(p, shape, scale, lower_tail, log_p));
}
