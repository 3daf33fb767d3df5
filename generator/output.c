/* output.c - atomic, change-only writes. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"

bool sg_file_equals(const char *path, const char *data, size_t len)
{
	char *old;
	size_t old_len;
	if (sg_read_file(path, len + 1, &old, &old_len) != 0)
		return false;
	bool same = old_len == len && memcmp(old, data, len) == 0;
	sg_free(old);
	return same;
}

long sg_file_first_difference(const char *path, const char *data, size_t len)
{
	char *old;
	size_t old_len;
	if (sg_read_file(path, len + (1u << 20), &old, &old_len) != 0)
		return -1;
	long line = 1;
	size_t i = 0;
	while (i < len && i < old_len && old[i] == data[i])
		line += data[i++] == '\n';
	bool same = i == len && i == old_len;
	sg_free(old);
	return same ? 0 : line;
}

static bool write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

enum sg_write_result sg_write_file(struct sg_diags *diags, const char *path, const char *data,
				   size_t len)
{
	struct sg_loc loc = {NULL, 0, 0};
	if (sg_file_equals(path, data, len))
		return SG_WRITE_UNCHANGED;
	struct sg_buf tmp;
	sg_buf_init(&tmp);
	sg_buf_printf(&tmp, "%s.XXXXXX", path);
	if (tmp.failed) {
		diags->oom = true;
		return SG_WRITE_FAILED;
	}
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		sg_error(diags, loc, "cannot write %s: %s", path, strerror(errno));
		sg_buf_fini(&tmp);
		return SG_WRITE_FAILED;
	}
	int err = 0;
	if (!write_all(fd, data, len))
		err = errno ? errno : EIO;
	/* mkstemp makes the file 0600; generated files are ordinary files. */
	if (!err && fchmod(fd, 0644) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp.data, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp.data);
		sg_error(diags, loc, "cannot write %s: %s", path, strerror(err));
	}
	sg_buf_fini(&tmp);
	return err ? SG_WRITE_FAILED : SG_WRITE_WRITTEN;
}
