{{! SLOT_COLD and SLOT_HOT, for the runtime's sources: a partial of
    slotgen_runtime.c.tpl and slotgen_yaml.c.tpl. }}
/* Mark the runtime's rare paths, which compilers then lay out away from
 * the common ones, and the small functions of its busiest paths, which
 * they then always inline. */
#if defined(__GNUC__) || defined(__clang__)
#define SLOT_COLD __attribute__((noinline, cold))
#define SLOT_HOT inline __attribute__((always_inline))
#else
#define SLOT_COLD
#define SLOT_HOT inline
#endif
