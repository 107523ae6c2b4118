/* The vdist command-line tool, run in-process through cli_main on temporary files: argument
 * parsing, bad input (message with the line number, exit status), streaming across read-chunk
 * boundaries, and bit-for-bit agreement with the library under every ISA. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cli.h"
#include "vdist.h"

struct run {
    int status;
    char *out, *err; /* malloc'd, NUL-terminated */
    size_t out_len;
};

static char *slurp(FILE *f, size_t *len)
{
    fflush(f);
    long size = ftell(f);
    assert_true(size >= 0);
    rewind(f);
    char *text = malloc(size + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, size, f), (size_t)size);
    text[size] = 0;
    if (len)
        *len = size;
    return text;
}

/* Runs vdist with the NULL-terminated arguments on input text. */
static struct run run_cli_input(FILE *in, const char *const *args)
{
    char *argv[32];
    int argc = 0;
    argv[argc++] = "vdist";
    while (*args)
        argv[argc++] = (char *)*args++;
    argv[argc] = NULL;
    FILE *out = tmpfile(), *err = tmpfile();
    assert_non_null(out);
    assert_non_null(err);
    struct run r;
    r.status = cli_main(argc, argv, in, out, err);
    r.out = slurp(out, &r.out_len);
    r.err = slurp(err, NULL);
    fclose(out), fclose(err);
    vd_set_isa("auto");
    return r;
}

static struct run run_cli(const char *input, size_t input_len, const char *const *args)
{
    FILE *in = tmpfile();
    assert_non_null(in);
    assert_int_equal(fwrite(input, 1, input_len, in), input_len);
    rewind(in);
    struct run r = run_cli_input(in, args);
    fclose(in);
    return r;
}

static struct run run_text(const char *input, const char *const *args)
{
    return run_cli(input, strlen(input), args);
}

static void free_run(struct run *r) { free(r->out), free(r->err); }

/* Parses the output lines; returns how many. */
static size_t read_results(const char *text, double *values, size_t max)
{
    size_t n = 0;
    const char *p = text;
    while (*p) {
        char *end;
        double v = strtod(p, &end);
        assert_true(end != p);
        assert_true(*end == '\n');
        if (n < max)
            values[n] = v;
        n++;
        p = end + 1;
    }
    return n;
}

static int same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

/* What the tool must print: the dispatched _array kernel's value (may differ from the
 * scalar reference's by an ULP or two) */
static double dnorm_1(double x, double mu, double sigma, int give_log)
{
    vd_dnorm_array(1, &x, mu, sigma, give_log, &x);
    return x;
}

static double pnorm_1(double x, double mu, double sigma, int lower_tail, int log_p)
{
    vd_pnorm_array(1, &x, mu, sigma, lower_tail, log_p, &x);
    return x;
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_help_and_usage(void **state)
{
    (void)state;
    struct run r = run_text("", ARGS("--help"));
    assert_int_equal(r.status, 0);
    for (const char *f = "dnorm\0pnorm\0qnorm\0--mean\0--sd\0--upper\0--log\0--isa\0"
                         "qweibull\0--shape (required)\0"; *f;
         f += strlen(f) + 1)
        assert_non_null(strstr(r.out, f));
    free_run(&r);

    r = run_text("", ARGS("info"));
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "active:"));
    assert_non_null(strstr(r.out, vd_get_isa()));
    free_run(&r);

    const char *const *bad[] = {
        ARGS("pnrom"),                      /* unknown function */
        ARGS("pnorm", "--mu", "1"),         /* unknown parameter */
        ARGS("pnorm", "--mean"),            /* missing value */
        ARGS("pnorm", "--sd", "one"),       /* not a number */
        ARGS("pnorm", "--sd=1x"),           /* not a number */
        ARGS("dnorm", "--upper"),           /* no tails for a density */
        ARGS("pnorm", "--isa", "mmx"),      /* unknown ISA */
        ARGS("pnorm", "a.txt", "b.txt"),    /* two files */
        ARGS("pweibull", "--scale", "2"),   /* a parameter R requires, missing */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        r = run_text("1\n", bad[i]);
        assert_int_equal(r.status, 2);
        assert_int_equal(r.out_len, 0);
        assert_true(strncmp(r.err, "vdist: ", 7) == 0);
        free_run(&r);
    }
    r = run_text("", (const char *const[]){NULL});
    assert_int_equal(r.status, 2);
    free_run(&r);

    r = run_text("1\n", ARGS("pnorm", "/nonexistent/x.txt"));
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "/nonexistent/x.txt"));
    free_run(&r);
}

static void test_parameters_and_flags(void **state)
{
    (void)state;
    struct run r = run_text("1.5\n", ARGS("pnorm", "--mean=1", "--sd", "2", "--upper", "--log"));
    double got = 0;
    assert_int_equal(r.status, 0);
    assert_int_equal(read_results(r.out, &got, 1), 1);
    assert_true(same_double(got, pnorm_1(1.5, 1, 2, 0, 1)));
    free_run(&r);

    /* the last of --lower/--upper wins; parameters take Inf and NaN; sd < 0 gives NaN */
    r = run_text("-1\n", ARGS("pnorm", "--upper", "--lower", "--sd", "Inf"));
    assert_int_equal(read_results(r.out, &got, 1), 1);
    assert_true(same_double(got, pnorm_1(-1, 0, INFINITY, 1, 0)));
    free_run(&r);
    r = run_text("0.5\n", ARGS("qnorm", "--sd", "-1"));
    assert_string_equal(r.out, "NaN\n");
    free_run(&r);
    r = run_text("0\n", ARGS("dnorm", "--log"));
    assert_int_equal(read_results(r.out, &got, 1), 1);
    assert_true(same_double(got, dnorm_1(0, 0, 1, 1)));
    free_run(&r);
    /* a required parameter given; the others keep R's defaults */
    r = run_text("2\n", ARGS("pweibull", "--shape", "1.5"));
    assert_int_equal(read_results(r.out, &got, 1), 1);
    double want = 2;
    vd_pweibull_array(1, &want, 1.5, 1, 1, 0, &want);
    assert_true(same_double(got, want));
    free_run(&r);
    /* a file named on the command line, and '-' for stdin */
    r = run_text("2\n", ARGS("dnorm", "-"));
    assert_int_equal(read_results(r.out, &got, 1), 1);
    assert_true(same_double(got, dnorm_1(2, 0, 1, 0)));
    free_run(&r);
}

static void test_special_values(void **state)
{
    (void)state;
    struct run r = run_text("NaN NA -Inf Inf nan -inf infinity 0x1p-1 -0\n", ARGS("pnorm"));
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "NaN\nNaN\n0\n1\nNaN\n0\n1\n0.6914624612740131\n0.5\n");
    free_run(&r);
    r = run_text("0 1 -1 2\n", ARGS("qnorm"));
    assert_string_equal(r.out, "-Inf\nInf\nNaN\nNaN\n");
    free_run(&r);
}

static void test_edges_of_the_stream(void **state)
{
    (void)state;
    struct run r = run_text("0.5", ARGS("pnorm")); /* no final newline */
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "0.6914624612740131\n");
    free_run(&r);
    r = run_text("", ARGS("pnorm")); /* nothing in, nothing out */
    assert_int_equal(r.status, 0);
    assert_int_equal(r.out_len, 0);
    free_run(&r);
    r = run_text(" \n\t\r\n", ARGS("pnorm"));
    assert_int_equal(r.status, 0);
    assert_int_equal(r.out_len, 0);
    free_run(&r);

    /* a full disk is an error, with a message */
    FILE *in = tmpfile(), *full = fopen("/dev/full", "w"), *err = tmpfile();
    if (!full)
        skip();
    for (int i = 0; i < 20000; i++)
        fprintf(in, "%d\n", i);
    rewind(in);
    char *argv[] = {"vdist", "dnorm", NULL};
    assert_int_equal(cli_main(2, argv, in, full, err), 1);
    char *message = slurp(err, NULL);
    assert_non_null(strstr(message, "write error"));
    free(message);
    fclose(in), fclose(full), fclose(err);
}

static void test_bad_input_names_line(void **state)
{
    (void)state;
    struct run r = run_text("0.5\n1.5\n\n  2.5 abc 3\n4\n", ARGS("pnorm"));
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "stdin:4"));
    assert_non_null(strstr(r.err, "'abc'"));
    double got[4];
    assert_int_equal(read_results(r.out, got, 4), 3); /* the numbers before it are written */
    free_run(&r);

    static const char *const bad[] = {"1,5", "1.5.", "--1", "1e", "0x", "+", "1e5x", "\x01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char input[64];
        snprintf(input, sizeof input, "1\r\n2\t%s\n", bad[i]);
        r = run_text(input, ARGS("dnorm"));
        assert_int_equal(r.status, 1);
        assert_non_null(strstr(r.err, "stdin:2"));
        free_run(&r);
    }

    /* a token longer than the limit, in one read and across reads */
    for (size_t len = CLI_MAX_TOKEN + 1; len < 3 * CLI_READ_CHUNK; len += 2 * CLI_READ_CHUNK) {
        char *input = malloc(len + 8);
        strcpy(input, "1\n");
        memset(input + 2, '1', len);
        strcpy(input + 2 + len, "\n");
        r = run_text(input, ARGS("dnorm"));
        assert_int_equal(r.status, 1);
        assert_non_null(strstr(r.err, "stdin:2"));
        free_run(&r);
        free(input);
    }
}

/* Random numbers written in many lengths and separators, so that tokens straddle the read
 * chunks; the tool's output must equal the library's, bit for bit, under every ISA. */
static void test_streaming_agrees_with_library(void **state)
{
    (void)state;
    const size_t n = 3 * CLI_BATCH + 77;
    double *x = malloc(n * sizeof *x), *want = malloc(n * sizeof *want);
    double *got = malloc(n * sizeof *got);
    char *text = malloc(n * 40 + 1);
    assert_non_null(x), assert_non_null(want), assert_non_null(got), assert_non_null(text);
    uint64_t s = 7;
    size_t len = 0;
    static const char *const seps[] = {"\n", " ", "\t", "\r\n", "  \n\n", "\n"};
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005u + 1442695040888963407u;
        double u = ((s >> 11) + 0.5) * 0x1p-53;
        int digits = 1 + (s >> 3) % 17;
        x[i] = (s & 4) ? u : 16 * u - 8;
        len += sprintf(text + len, "%.*g%s", digits, x[i], seps[(s >> 8) % 6]);
    }
    /* re-read what was written: the tool sees the printed (rounded) values */
    const char *p = text;
    for (size_t i = 0; i < n; i++) {
        char *end;
        x[i] = strtod(p, &end);
        p = end;
    }
    assert_true(len > 4 * CLI_READ_CHUNK / 3);

    for (int k = 0; vd_isa_name(k); k++) {
        const char *isa = vd_isa_name(k);
        if (!vd_isa_supported(isa))
            continue;
        struct {
            const char *const *args;
            int kind; /* 0 d, 1 p, 2 q */
            int lower, log;
        } cases[] = {
            {ARGS("dnorm", "--isa", isa, "--mean", "0.25", "--sd", "1.5"), 0, 1, 0},
            {ARGS("dnorm", "--isa", isa, "--log"), 0, 1, 1},
            {ARGS("pnorm", "--isa", isa, "--mean", "0.25", "--sd", "1.5"), 1, 1, 0},
            {ARGS("pnorm", "--isa", isa, "--upper", "--log"), 1, 0, 1},
            {ARGS("qnorm", "--isa", isa, "--mean", "0.25", "--sd", "1.5", "--upper"), 2, 0, 0},
            {ARGS("qnorm", "--isa", isa, "--log"), 2, 1, 1},
        };
        for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
            int custom = c % 2 == 0;
            double mu = custom ? 0.25 : 0, sigma = custom ? 1.5 : 1;
            vd_set_isa(isa);
            if (cases[c].kind == 0)
                vd_dnorm_array(n, x, mu, sigma, cases[c].log, want);
            else if (cases[c].kind == 1)
                vd_pnorm_array(n, x, mu, sigma, cases[c].lower, cases[c].log, want);
            else
                vd_qnorm_array(n, x, mu, sigma, cases[c].lower, cases[c].log, want);
            struct run r = run_cli(text, len, cases[c].args);
            assert_int_equal(r.status, 0);
            assert_int_equal(read_results(r.out, got, n), n);
            for (size_t i = 0; i < n; i++)
                if (!same_double(got[i], want[i]))
                    fail_msg("%s case %zu, element %zu: x = %.17g, got %.17g, want %.17g",
                             isa, c, i, x[i], got[i], want[i]);
            free_run(&r);
        }
    }
    free(x), free(want), free(got), free(text);
}

/* A run over tens of megabytes keeps its memory: the tool streams. (Native only: under
 * qemu-user the resident size is the emulator's.) */
static void test_constant_memory(void **state)
{
    (void)state;
#ifdef TEST_RSS
    FILE *in = tmpfile();
    assert_non_null(in);
    char line[64];
    for (int i = 0; i < 2000000; i++) {
        int len = snprintf(line, sizeof line, "%.17g\n", (i % 1000) * 0.00731 - 3.5);
        fwrite(line, 1, len, in);
    }
    rewind(in);
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    char *argv[] = {"vdist", "pnorm", NULL};
    FILE *out = fopen("/dev/null", "w");
    assert_non_null(out);
    assert_int_equal(cli_main(2, argv, in, out, stderr), 0);
    getrusage(RUSAGE_SELF, &after);
    fclose(out), fclose(in);
    /* ~44 MB in, ~40 MB out; the tool's buffers are under 1 MB */
    assert_true(after.ru_maxrss - before.ru_maxrss < 4096); /* KiB */
#else
    skip();
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_and_usage),
        cmocka_unit_test(test_parameters_and_flags),
        cmocka_unit_test(test_special_values),
        cmocka_unit_test(test_edges_of_the_stream),
        cmocka_unit_test(test_bad_input_names_line),
        cmocka_unit_test(test_streaming_agrees_with_library),
        cmocka_unit_test(test_constant_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
