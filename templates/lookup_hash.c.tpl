{{! The hash of a generated lookup, up to the displacement d it xors its
    entry with; hash_miss is what a miss returns.  A partial of source.c.tpl,
    for enums (int, -1) and classes (slot_field *, NULL). }}
{{#hash_by_length}}
	if ({{hash_len_out}})
		return {{hash_miss}};
	uint32_t d = {{hash_disp_ref}}[{{hash_len_at}}];
	if (d == {{hash_no_bucket}})
		return {{hash_miss}};
{{/hash_by_length}}
{{^hash_by_length}}
	if ({{hash_len_out}})
		return {{hash_miss}};
{{/hash_by_length}}
{{#hash_by_length}}
	uint64_t h = {{hash_seed}};
{{/hash_by_length}}
{{^hash_by_length}}
	uint64_t h = ({{hash_seed}} ^ len) * {{hash_mul}};
{{/hash_by_length}}
{{#hash_all_bytes}}
	size_t i = 0;
{{^hash_bytewise}}
	for (; i + 8 <= len; i += 8)
		h = ({{hash_h}} ^ slot_le64(name + i)) * {{hash_mul}};
{{/hash_bytewise}}
	for (; i < len; i++)
		h = ({{hash_h}} ^ (unsigned char)name[i]) * {{hash_mul}};
{{/hash_all_bytes}}
{{#hash_steps}}
	h = ({{hash_h}} ^ {{read}}) * {{hash_mul}};
{{/hash_steps}}
{{^hash_by_length}}
	uint32_t d = {{hash_disp_ref}}[(uint32_t)(h >> {{hash_bucket_shift}}) & {{hash_bucket_mask}}];
{{/hash_by_length}}
