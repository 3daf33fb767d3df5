/*
 * cgmark.c - callgrind's client requests for bench/python/pybench.py
 * --callgrind: zero the counts before a loop and dump them after it, so
 * that one process counts every cell.  Outside valgrind both do nothing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <valgrind/callgrind.h>

static PyObject *cg_zero(PyObject *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	CALLGRIND_ZERO_STATS;
	Py_RETURN_NONE;
}

static PyObject *cg_dump(PyObject *self, PyObject *tag)
{
	(void)self;
	const char *s = PyUnicode_AsUTF8(tag);
	if (!s)
		return NULL;
	CALLGRIND_DUMP_STATS_AT(s);
	Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
	{"zero", cg_zero, METH_NOARGS, "Zero callgrind's counts."},
	{"dump", cg_dump, METH_O, "Dump callgrind's counts, tagged."},
	{NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
	PyModuleDef_HEAD_INIT, .m_name = "cgmark", .m_size = -1, .m_methods = methods,
};

PyMODINIT_FUNC PyInit_cgmark(void);

PyMODINIT_FUNC PyInit_cgmark(void)
{
	return PyModule_Create(&module);
}
