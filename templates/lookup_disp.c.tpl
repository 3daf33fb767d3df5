{{! The displacements of a generated lookup: one an entry of length, or one
    a bucket of the hash.  A partial of source.c.tpl, for enums and classes. }}
{{#hash_by_length}}
/* Per length from {{hash_min_len}}: what the hash's entry is xor'ed with, or
 * {{hash_no_bucket}} where no name has that length. */
{{/hash_by_length}}
{{^hash_by_length}}
/* Per bucket (picked by the hash): what the hash's entry is xor'ed with. */
{{/hash_by_length}}
static const {{hash_disp_type}} {{hash_disp_ref}}[{{hash_buckets}}] = {
{{hash_disp}}
};
