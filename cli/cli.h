/* The vdist command-line tool as a function, so tests can run it in-process. */
#ifndef VDIST_CLI_H
#define VDIST_CLI_H

#include <stdio.h>

/* Runs `vdist argv[1..]` reading numbers from `in` (unless argv names a file), writing results
 * to `out` and messages to `err`. Returns the exit status: 0 success, 1 bad data or I/O error,
 * 2 bad usage. */
int cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);

/* Sizes of the fixed buffers (the tool streams in constant memory). */
#define CLI_READ_CHUNK (1 << 16) /* bytes read at a time */
#define CLI_BATCH 4096           /* numbers evaluated per _array call */
#define CLI_MAX_TOKEN 1024       /* longest accepted number, in characters */

#endif
