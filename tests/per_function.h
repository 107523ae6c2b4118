/* One cmocka test per function of the registry (include after cmocka.h). */
#ifndef VDIST_PER_FUNCTION_H
#define VDIST_PER_FUNCTION_H

#include <stdlib.h>

#include "vdist.h"

/* Runs fn as a test named after each function, with *state pointing to its vd_function. */
static int run_per_function(const char *group, CMUnitTestFunction fn)
{
    size_t n;
    const struct vd_function *functions = vd_functions(&n);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    if (!tests)
        return 1;
    for (size_t i = 0; i < n; i++)
        tests[i] = (struct CMUnitTest){.name = functions[i].name, .test_func = fn,
                                       .initial_state = (void *)&functions[i]};
    int failed = _cmocka_run_group_tests(group, tests, n, NULL, NULL);
    free(tests);
    return failed;
}

#endif
