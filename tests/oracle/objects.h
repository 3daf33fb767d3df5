/*
 * objects.h - what oracle.py writes into objects.c for each random schema
 * (module orc), for driver.c.
 */
#ifndef ORACLE_OBJECTS_H
#define ORACLE_OBJECTS_H

#include "orc.h"

extern const slot_class *const oracle_classes[]; /* every class of the schema */
extern const size_t oracle_class_count;
extern const slot_enum *const oracle_enums[];    /* every enum */
extern const size_t oracle_enum_count;
extern const size_t oracle_class_of[];           /* the class of each object to make */
extern const size_t oracle_object_count;

/* Object @p j: its class's new(), given the readonly values oracle.py chose. */
void *oracle_new(size_t j);
/* Its class's free(); @p k is the class. */
void oracle_free(size_t k, void *obj);

#endif
