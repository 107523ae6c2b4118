/* The vdist executable: the tool in cli.c on the process's standard streams. */
#include "cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv, stdin, stdout, stderr); }
