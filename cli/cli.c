/* vdist, the command-line tool: evaluates one distribution function over numbers streamed from
 * stdin or a file and prints one result per line, in constant memory.
 *
 *   vdist pnorm --mean 0 --sd 1 --upper --log < x.txt > y.txt
 *   vdist info | --help | --version
 *
 * Numbers are parsed exactly and printed as the shortest decimal that reads back as the same
 * double (numconv.c); they go through the _array kernels CLI_BATCH at a time. */
#include <ctype.h>
#include <math.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "numconv.h"
#include "vdist.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define CPU_FEATURES_X86 1
#endif
#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

#ifndef VDIST_VERSION
#define VDIST_VERSION "unknown"
#endif

/* The functions the tool knows are the library's registry (vd_functions). */

static int is_density(const struct vd_function *f) { return f->kind == VD_DENSITY; }

/* ---- help and info ------------------------------------------------------------------------ */

static void print_help(FILE *out)
{
    fprintf(out,
            "usage: vdist FUNCTION [--PARAM VALUE]... [--upper] [--log] [--isa NAME] [FILE]\n"
            "       vdist info | --help | --version\n"
            "\n"
            "Evaluates FUNCTION over the numbers in FILE (or standard input; '-' means it too),\n"
            "separated by any white space, and prints one result per line: the shortest decimal\n"
            "that reads back as the same double; NaN, Inf, -Inf as R prints them (input also\n"
            "takes NA, nan, inf, infinity and hexadecimal floats). It streams in constant memory.\n"
            "\n"
            "functions and parameters (R's defaults):\n");
    size_t n_functions;
    const struct vd_function *functions = vd_functions(&n_functions);
    for (size_t i = 0; i < n_functions; i++) {
        const struct vd_function *f = &functions[i];
        fprintf(out, "  %-8s", f->name);
        for (int k = 0; k < f->n_params; k++)
            if (isnan(f->param_default[k]))
                fprintf(out, " --%s (required)", f->param_name[k]);
            else
                fprintf(out, " --%s %g", f->param_name[k], f->param_default[k]);
        fprintf(out, is_density(f) ? "  [--log]\n" : "  [--upper] [--log]\n");
    }
    fprintf(out,
            "\n"
            "options:\n"
            "  --PARAM VALUE, --PARAM=VALUE  a parameter of FUNCTION, as listed above\n"
            "  --upper       upper tail, P[X > x] (p functions) or p of the upper tail (q)\n"
            "  --lower       lower tail (the default)\n"
            "  --log         log density (d), log p (p: output, q: input)\n"
            "  --isa NAME    run the kernels of ISA NAME: auto, scalar, avx2, neon\n"
            "\n"
            "exit status: 0 done, 1 bad input (the message names the line) or I/O error,\n"
            "2 bad usage. Results for the numbers before a bad one are written.\n");
}

static void print_info(FILE *out)
{
    fprintf(out, "vdist %s\n", VDIST_VERSION);
    FILE *cpuinfo = fopen("/proc/cpuinfo", "r");
    if (cpuinfo) {
        char line[512];
        while (fgets(line, sizeof line, cpuinfo))
            if (!strncmp(line, "model name", 10) || !strncmp(line, "Model\t", 6)) {
                char *colon = strchr(line, ':');
                fprintf(out, "cpu:        %s", colon ? colon + 2 : line);
                break;
            }
        fclose(cpuinfo);
    }
    fprintf(out, "features:  ");
#ifdef CPU_FEATURES_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("sse2"))
        fprintf(out, " sse2");
    if (__builtin_cpu_supports("avx"))
        fprintf(out, " avx");
    if (__builtin_cpu_supports("avx2"))
        fprintf(out, " avx2");
    if (__builtin_cpu_supports("fma"))
        fprintf(out, " fma");
    if (__builtin_cpu_supports("avx512f"))
        fprintf(out, " avx512f");
#elif defined(__aarch64__) && defined(__linux__)
    unsigned long hwcap = getauxval(AT_HWCAP);
#ifdef HWCAP_ASIMD
    if (hwcap & HWCAP_ASIMD)
        fprintf(out, " asimd");
#endif
#ifdef HWCAP_SVE
    if (hwcap & HWCAP_SVE)
        fprintf(out, " sve");
#endif
    (void)hwcap;
#endif
    fprintf(out, "\nisas:      ");
    for (int i = 0; vd_isa_name(i); i++)
        fprintf(out, " %s (%s)", vd_isa_name(i),
                vd_isa_supported(vd_isa_name(i)) ? "supported" : "not here");
    const char *env = getenv("VDIST_ISA");
    fprintf(out, "\nactive:     %s%s%s%s\n", vd_get_isa(), env ? " (VDIST_ISA=" : "",
            env ? env : "", env ? ")" : "");
}

/* ---- streaming ---------------------------------------------------------------------------- */

struct stream {
    const struct vd_function *f;
    double param[VD_MAX_PARAMS];
    int lower_tail, log_flag;
    FILE *out;
    size_t n;                            /* numbers waiting in x */
    double x[CLI_BATCH];
    char text[CLI_BATCH * NUMCONV_MAX_LEN]; /* formatted output of one batch */
};

/* Evaluates and writes the waiting numbers; 0, or -1 on a write error. */
static int flush_batch(struct stream *s)
{
    if (!s->n)
        return 0;
    s->f->array(s->n, s->x, s->param, s->lower_tail, s->log_flag, s->x);
    char *p = s->text;
    for (size_t i = 0; i < s->n; i++) {
        p += num_format(s->x[i], p);
        *p++ = '\n';
    }
    size_t len = p - s->text;
    s->n = 0;
    return fwrite(s->text, 1, len, s->out) == len ? 0 : -1;
}

/* The token, shortened and with unprintable bytes replaced, for a message. */
static void report_token(FILE *err, const char *file, size_t line, const char *tok, size_t len)
{
    fprintf(err, "vdist: %s:%zu: not a number: '", file, line);
    for (size_t i = 0; i < len && i < 40; i++)
        fputc(isprint((unsigned char)tok[i]) ? tok[i] : '?', err);
    fprintf(err, "%s'\n", len > 40 ? "..." : "");
}

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

/* Reads numbers separated by white space from in, chunk by chunk; a token cut by the chunk's
 * end is moved to the front and completed by the next read. */
static int stream_numbers(struct stream *s, FILE *in, const char *file, FILE *err)
{
    static char buf[CLI_READ_CHUNK + 1];
    size_t kept = 0, line = 1;
    for (;;) {
        size_t got = fread(buf + kept, 1, CLI_READ_CHUNK - kept, in);
        if (got == 0 && ferror(in)) {
            fprintf(err, "vdist: %s: read error: %s\n", file, strerror(errno));
            return 1;
        }
        int at_end = got == 0;
        size_t len = kept + got, i = 0;
        kept = 0;
        while (i < len) {
            while (i < len && is_space(buf[i]))
                line += buf[i++] == '\n';
            size_t start = i;
            while (i < len && !is_space(buf[i]))
                i++;
            if (start == i)
                break;
            if (i == len && !at_end) { /* the token may go on in the next chunk */
                kept = len - start;
                if (kept > CLI_MAX_TOKEN) {
                    fprintf(err, "vdist: %s:%zu: a token longer than %d characters\n", file,
                            line, CLI_MAX_TOKEN);
                    flush_batch(s);
                    return 1;
                }
                memmove(buf, buf + start, kept);
                break;
            }
            if (i - start > CLI_MAX_TOKEN || num_parse(buf + start, buf + i, &s->x[s->n]) != 0) {
                if (flush_batch(s) != 0)
                    goto write_error;
                report_token(err, file, line, buf + start, i - start);
                return 1;
            }
            if (++s->n == CLI_BATCH && flush_batch(s) != 0)
                goto write_error;
        }
        if (at_end)
            break;
    }
    if (flush_batch(s) == 0 && fflush(s->out) == 0)
        return 0;
write_error:
    fprintf(err, "vdist: write error: %s\n", strerror(errno));
    return 1;
}

/* ---- arguments ---------------------------------------------------------------------------- */

static int parse_value(const char *text, double *value)
{
    return num_parse(text, text + strlen(text), value);
}

int cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err)
{
    if (argc < 2) {
        print_help(err);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        print_help(out);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        fprintf(out, "vdist %s\n", VDIST_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "info")) {
        print_info(out);
        return 0;
    }
    const struct vd_function *f = vd_function_named(cmd);
    if (!f) {
        fprintf(err, "vdist: unknown function '%s' (vdist --help lists them)\n", cmd);
        return 2;
    }
    static struct stream s;
    s.f = f;
    s.out = out;
    s.n = 0;
    s.lower_tail = 1;
    s.log_flag = 0;
    memcpy(s.param, f->param_default, sizeof s.param);
    const char *file = NULL, *isa = NULL;
    unsigned given = 0; /* bit k: parameter k was on the command line */
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--upper") && !is_density(f)) {
            s.lower_tail = 0;
        } else if (!strcmp(arg, "--lower") && !is_density(f)) {
            s.lower_tail = 1;
        } else if (!strcmp(arg, "--log")) {
            s.log_flag = 1;
        } else if (!strcmp(arg, "--help")) {
            print_help(out);
            return 0;
        } else if (!strncmp(arg, "--", 2) && arg[2]) {
            const char *name = arg + 2, *eq = strchr(name, '=');
            size_t name_len = eq ? (size_t)(eq - name) : strlen(name);
            int k = 0; /* the parameter's index; n_params for --isa */
            while (k < f->n_params &&
                   !(strlen(f->param_name[k]) == name_len &&
                     !strncmp(f->param_name[k], name, name_len)))
                k++;
            if (k == f->n_params && !(name_len == 3 && !strncmp(name, "isa", 3))) {
                fprintf(err, "vdist: %s has no option '%s' (vdist --help lists them)\n", f->name,
                        arg);
                return 2;
            }
            const char *value = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
            if (k == f->n_params && value) {
                isa = value;
            } else if (given |= 1u << k, !value || parse_value(value, &s.param[k]) != 0) {
                fprintf(err, "vdist: --%.*s needs %s%s%s\n", (int)name_len, name,
                        k == f->n_params ? "an ISA name" : "a number", value ? ", not " : "",
                        value ? value : "");
                return 2;
            }
        } else if (!file) {
            file = arg;
        } else {
            fprintf(err, "vdist: one input file at most ('%s' and '%s')\n", file, arg);
            return 2;
        }
    }
    for (int k = 0; k < f->n_params; k++)
        if (isnan(f->param_default[k]) && !(given & 1u << k)) {
            fprintf(err, "vdist: %s needs --%s\n", f->name, f->param_name[k]);
            return 2;
        }
    if (isa && vd_set_isa(isa) != 0) {
        fprintf(err, "vdist: ISA '%s' is unknown or not supported on this CPU (vdist info)\n",
                isa);
        return 2;
    }
    FILE *source = in;
    if (file && strcmp(file, "-")) {
        source = fopen(file, "rb");
        if (!source) {
            fprintf(err, "vdist: cannot open %s: %s\n", file, strerror(errno));
            return 1;
        }
    }
    int status = stream_numbers(&s, source, file && strcmp(file, "-") ? file : "stdin", err);
    if (source != in)
        fclose(source);
    return status;
}
