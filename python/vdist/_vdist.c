/* vdist._vdist: every function of the vdist registry as numpy ufuncs.
 *
 * The flags (lower_tail, log_p; a density's log) are fixed per ufunc, so that a loop never
 * sees them vary: each function gets one ufunc per flag combination, named after the
 * function and its non-default flags ("pnorm", "pnorm_upper", "pnorm_log", "pnorm_upper_log";
 * "dnorm", "dnorm_log"). Inputs are x and the function's parameters in Rmath's order, all
 * float64 (numpy casts float32 and integers safely, and refuses what does not cast with a
 * TypeError); the one inner loop hands numpy's strides to the registry's strided form.
 *
 * The module exports `ufuncs` (a dict: name -> ufunc) and `functions` (a tuple of
 * (name, family, kind, param_names, param_defaults) in the registry's order, kind being
 * "d", "p" or "q"), from which vdist/__init__.py builds the Python-level API.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>
#include <numpy/ufuncobject.h>

#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vdist.h"

/* One ufunc: the function, its flags, and what numpy keeps pointers to (name, doc, data). */
struct ufunc_entry {
    const struct vd_function *f;
    int lower_tail, log_flag;
    char name[32], doc[160];
    void *data[1]; /* the loop's data: this entry */
};

/* 1 if the n values p[0], p[inc], ... are all the same bits. */
static int all_same(const double *p, ptrdiff_t inc, size_t n)
{
    for (size_t k = 1; k < n; k++)
        if (memcmp(&p[(ptrdiff_t)k * inc], p, sizeof *p))
            return 0;
    return 1;
}

/* args: x, the parameters, out; steps in bytes. numpy hands legacy loops aligned data (it
 * buffers unaligned arrays), so every step is a whole number of doubles. */
static void strided_loop(char **args, const npy_intp *dimensions, const npy_intp *steps,
                         void *data)
{
    const struct ufunc_entry *e = data;
    int n_params = e->f->n_params;
    const double *param[VD_MAX_PARAMS];
    ptrdiff_t inc_param[VD_MAX_PARAMS];
    for (int i = 0; i < n_params; i++) {
        param[i] = (const double *)args[1 + i];
        inc_param[i] = steps[1 + i] / (npy_intp)sizeof(double);
        /* When numpy buffers (x not contiguous, a cast) it fills a buffer with copies of a
         * broadcast scalar: a constant parameter is broadcast, so that the SIMD form runs
         * and the results do not depend on numpy's choice. */
        if (inc_param[i] != 0 && all_same(param[i], inc_param[i], (size_t)dimensions[0]))
            inc_param[i] = 0;
    }
    /* nan is the library's answer to invalid arguments, as in scipy.stats: no numpy warning
     * from the floating-point flags its arithmetic (or a SIMD lane's) raised on the way */
    e->f->strided((size_t)dimensions[0], (const double *)args[0],
                  steps[0] / (npy_intp)sizeof(double), param, inc_param, e->lower_tail,
                  e->log_flag, (double *)args[n_params + 1],
                  steps[n_params + 1] / (npy_intp)sizeof(double));
    feclearexcept(FE_ALL_EXCEPT);
}

static PyUFuncGenericFunction loops[] = {strided_loop};
static const char types[VD_MAX_PARAMS + 2] = {NPY_DOUBLE, NPY_DOUBLE, NPY_DOUBLE, NPY_DOUBLE,
                                              NPY_DOUBLE};

static const char *const kind_letter[] = {[VD_DENSITY] = "d", [VD_CDF] = "p",
                                          [VD_QUANTILE] = "q"};

/* e->name and e->doc for its function and flags. */
static void describe(struct ufunc_entry *e)
{
    const struct vd_function *f = e->f;
    snprintf(e->name, sizeof e->name, "%s%s%s", f->name, e->lower_tail ? "" : "_upper",
             e->log_flag ? "_log" : "");
    char params[64] = "";
    for (int i = 0; i < f->n_params; i++) {
        size_t len = strlen(params);
        snprintf(params + len, sizeof params - len, ", %s", f->param_name[i]);
    }
    const char *x = f->kind == VD_DENSITY ? "x" : f->kind == VD_CDF ? "q" : "p";
    if (f->kind == VD_DENSITY)
        snprintf(e->doc, sizeof e->doc, "%s(%s%s): vdist's %s with log=%s, a ufunc.", e->name,
                 x, params, f->name, e->log_flag ? "True" : "False");
    else
        snprintf(e->doc, sizeof e->doc, "%s(%s%s): vdist's %s with lower_tail=%s, log_p=%s, a ufunc.",
                 e->name, x, params, f->name, e->lower_tail ? "True" : "False",
                 e->log_flag ? "True" : "False");
}

static PyObject *get_isa(PyObject *self, PyObject *args)
{
    (void)self, (void)args;
    return PyUnicode_FromString(vd_get_isa());
}

static PyObject *set_isa(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *name = PyUnicode_AsUTF8(arg);
    if (!name)
        return NULL;
    if (vd_set_isa(name) < 0)
        return PyErr_Format(PyExc_ValueError, "ISA %R is unknown or not supported here", arg);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"get_isa", get_isa, METH_NOARGS,
     "get_isa(): the instruction set the ufuncs run (\"scalar\", \"avx2\", \"neon\")."},
    {"set_isa", set_isa, METH_O,
     "set_isa(name): run \"auto\", \"scalar\", \"avx2\" or \"neon\" from now on "
     "(ValueError if unknown or unsupported here)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_vdist",
    .m_doc = "vdist's functions as numpy ufuncs (see vdist).",
    .m_size = -1,
    .m_methods = methods,
};

/* functions: a tuple of (name, family, kind, param_names, param_defaults). */
static PyObject *function_table(const struct vd_function *functions, size_t count)
{
    PyObject *table = PyTuple_New((Py_ssize_t)count);
    for (size_t i = 0; table && i < count; i++) {
        const struct vd_function *f = &functions[i];
        PyObject *names = PyTuple_New(f->n_params), *defaults = PyTuple_New(f->n_params);
        for (int j = 0; names && defaults && j < f->n_params; j++) {
            PyTuple_SET_ITEM(names, j, PyUnicode_FromString(f->param_name[j]));
            PyTuple_SET_ITEM(defaults, j, PyFloat_FromDouble(f->param_default[j]));
        }
        if (!names || !defaults) {
            Py_XDECREF(names);
            Py_XDECREF(defaults);
            Py_CLEAR(table);
            break;
        }
        /* N: the row takes over names and defaults (and drops them if it fails) */
        PyObject *row = Py_BuildValue("(sssNN)", f->name, f->family, kind_letter[f->kind],
                                      names, defaults);
        if (!row) {
            Py_CLEAR(table);
            break;
        }
        PyTuple_SET_ITEM(table, (Py_ssize_t)i, row);
    }
    return table;
}

PyMODINIT_FUNC PyInit__vdist(void)
{
    import_array();
    import_umath();
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    size_t count;
    const struct vd_function *functions = vd_functions(&count);
    /* at most four flag combinations per function; kept for the life of the process (also
     * on failure), as the ufuncs point into it */
    struct ufunc_entry *entries = PyMem_Calloc(4 * count, sizeof *entries);
    PyObject *ufuncs = PyDict_New();
    PyObject *table = function_table(functions, count);
    if (!entries || !ufuncs || !table)
        goto fail;
    size_t n_entries = 0;
    for (size_t i = 0; i < count; i++) {
        for (int flags = 0; flags < 4; flags++) {
            int lower_tail = !(flags & 2), log_flag = flags & 1;
            if (functions[i].kind == VD_DENSITY && !lower_tail)
                continue; /* a density has no tails */
            struct ufunc_entry *e = &entries[n_entries++];
            *e = (struct ufunc_entry){.f = &functions[i], .lower_tail = lower_tail,
                                      .log_flag = log_flag};
            e->data[0] = e;
            describe(e);
            PyObject *u = PyUFunc_FromFuncAndData(loops, e->data, (char *)types, 1,
                                                  1 + e->f->n_params, 1, PyUFunc_None, e->name,
                                                  e->doc, 0);
            if (!u || PyDict_SetItemString(ufuncs, e->name, u) < 0) {
                Py_XDECREF(u);
                goto fail;
            }
            Py_DECREF(u);
        }
    }
    if (PyModule_AddObject(m, "ufuncs", ufuncs) < 0)
        goto fail;
    ufuncs = NULL; /* the module holds it now */
    if (PyModule_AddObject(m, "functions", table) < 0)
        goto fail;
    return m;
fail:
    Py_XDECREF(ufuncs);
    Py_XDECREF(table);
    Py_DECREF(m);
    return NULL;
}
