{{! SLOT_COLD, for the runtime's sources: a partial of slotgen_runtime.c.tpl
    and slotgen_yaml.c.tpl. }}
/* Marks the runtime's rare paths, which compilers then lay out away from
 * the common ones. */
#if defined(__GNUC__) || defined(__clang__)
#define SLOT_COLD __attribute__((noinline, cold))
#else
#define SLOT_COLD
#endif
