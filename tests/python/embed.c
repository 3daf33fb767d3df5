/*
 * embed: a C program's side of slotgen's Python types, as an extension
 * module the tests import.  It holds critters' types (PyInit_critters,
 * linked in: the runtime that made them is this module's) and hands
 * Python C objects in the three ways slotgen_python.h declares: lent,
 * kept alive by an owner, moved.  test_views.py drives it.
 */
#include "slotgen_python.h"
#include "critters.h"

PyMODINIT_FUNC PyInit_critters(void);
PyMODINIT_FUNC PyInit_embed(void);

/* The program's own object, lent to Python: it outlives the interpreter. */
static critters_pet lent;
/* How many holders the capsules that own them have freed. */
static long freed;

static PyObject *embed_lent(PyObject *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	return slot_py_wrap(&critters_pet_class, &lent, NULL);
}

/* What the C program sees of its lent object. */
static PyObject *embed_lent_score(PyObject *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	return PyLong_FromLong(critters_pet_get_score(&lent));
}

static void embed_drop(PyObject *capsule)
{
	critters_holder_free((critters_holder *)PyCapsule_GetPointer(capsule, "embed.holder"));
	freed++;
}

/* A holder the C program made, owned by a capsule that the view keeps
 * alive: freed when the last view goes. */
static PyObject *embed_owned(PyObject *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	critters_holder *h = critters_holder_new();
	if (!h)
		return PyErr_NoMemory();
	critters_holder_set_count(h, 7);
	critters_vec *pos = critters_holder_mut_pos(h);
	if (!pos || critters_holder_append_ints(h, 1) != SLOT_OK) {
		critters_holder_free(h);
		return PyErr_NoMemory();
	}
	critters_vec_set_x(pos, 2.5);
	PyObject *capsule = PyCapsule_New(h, "embed.holder", embed_drop);
	if (!capsule) {
		critters_holder_free(h);
		return NULL;
	}
	PyObject *view = slot_py_wrap(&critters_holder_class, h, capsule);
	Py_DECREF(capsule);
	return view;
}

static PyObject *embed_freed(PyObject *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	return PyLong_FromLong(freed);
}

/* A pet the C program made, moved into a Python object it owns. */
static PyObject *embed_adopted(PyObject *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	critters_pet *p = critters_pet_new(3, "ad");
	if (!p || critters_pet_set_name(p, "a name kept on the heap, past 14 bytes") != SLOT_OK) {
		critters_pet_free(p);
		return PyErr_NoMemory();
	}
	critters_pet_set_score(p, 42);
	PyObject *o = slot_py_adopt(&critters_pet_class, p);
	critters_pet_free(p); /* every slot unset now: frees the storage alone */
	return o;
}

/* The pet of a Python object, from C: its score, and one more. */
static PyObject *embed_bump(PyObject *self, PyObject *o)
{
	(void)self;
	critters_pet *p = (critters_pet *)slot_py_unwrap(o, &critters_pet_class);
	if (!p)
		return NULL;
	critters_pet_set_score(p, critters_pet_get_score(p) + 1);
	return PyLong_FromLong(critters_pet_get_score(p));
}

/* The x of a holder's pos, from C. */
static PyObject *embed_pos_x(PyObject *self, PyObject *o)
{
	(void)self;
	critters_holder *h = (critters_holder *)slot_py_unwrap(o, &critters_holder_class);
	return h ? PyFloat_FromDouble(critters_vec_get_x(critters_holder_get_pos(h))) : NULL;
}

static PyMethodDef embed_methods[] = {
	{"lent", embed_lent, METH_NOARGS, "The program's pet, lent."},
	{"lent_score", embed_lent_score, METH_NOARGS, "The lent pet's score, read in C."},
	{"owned", embed_owned, METH_NOARGS, "A holder kept alive by a capsule."},
	{"freed", embed_freed, METH_NOARGS, "How many holders their capsules freed."},
	{"adopted", embed_adopted, METH_NOARGS, "A pet moved into Python."},
	{"bump", embed_bump, METH_O, "Add one to a pet's score, in C."},
	{"pos_x", embed_pos_x, METH_O, "A holder's pos.x, read in C."},
	{NULL, NULL, 0, NULL},
};

static PyModuleDef embed_module = {PyModuleDef_HEAD_INIT, "embed", NULL, -1, embed_methods,
				   NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_embed(void)
{
	if (critters_pet_init(&lent, 1, "le") != SLOT_OK)
		return PyErr_NoMemory();
	PyObject *types = PyInit_critters();
	PyObject *m = types ? PyModule_Create(&embed_module) : NULL;
	if (m && PyModule_AddObjectRef(m, "critters", types) < 0)
		Py_CLEAR(m);
	Py_XDECREF(types);
	return m;
}
