/* output.c - staged, change-only writes. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sg_file_compare(const char *path, const char *data, size_t len, long *line)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno;
	struct stat st;
	int err = fstat(fileno(f), &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
	if (err) {
		fclose(f);
		return err;
	}
	char piece[1 << 16];
	long at = 1;
	size_t i = 0;
	bool same = true;
	for (;;) {
		errno = 0;
		size_t got = fread(piece, 1, sizeof piece, f);
		if (got == 0 && ferror(f)) {
			err = errno ? errno : EIO;
			fclose(f);
			return err;
		}
		size_t k = 0;
		while (k < got && i < len && piece[k] == data[i])
			at += data[i++] == '\n', k++;
		if (k < got || (got == 0 && i < len)) {
			same = false; /* a byte differs, the file is longer, or shorter */
			break;
		}
		if (got == 0)
			break;
	}
	fclose(f);
	*line = same ? 0 : at;
	return 0;
}

/* The permissions of a file slotgen creates: 0666 less the umask.  The
 * umask can only be read by setting it; slotgen is single-threaded. */
static int new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~(int)mask;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return EIO; /* write(2) made no progress and set no errno */
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

bool sg_stage(struct sg_diags *diags, const char *path, const char *data, size_t len,
	      struct sg_staged *s)
{
	struct sg_loc loc = {NULL, 0, 0};
	long line;
	int err = sg_file_compare(path, data, len, &line);
	if (!err && !line) {
		*s = (struct sg_staged){.path = path, .tmp = NULL};
		return true;
	}
	if (err && err != ENOENT) {
		sg_error(diags, loc, "cannot write %s: %s", path, strerror(err));
		return false;
	}
	struct stat st;
	int mode = !err && stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : new_file_mode();

	struct sg_buf tmp;
	sg_buf_init(&tmp);
	sg_buf_printf(&tmp, "%s.XXXXXX", path);
	if (tmp.failed) {
		diags->oom = true;
		return false;
	}
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		sg_error(diags, loc, "cannot write %s: %s", path, strerror(errno));
		sg_buf_fini(&tmp);
		return false;
	}
	err = write_all(fd, data, len);
	/* mkstemp makes the file 0600. */
	if (!err && fchmod(fd, (mode_t)mode) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (err) {
		unlink(tmp.data);
		sg_buf_fini(&tmp);
		sg_error(diags, loc, "cannot write %s: %s", path, strerror(err));
		return false;
	}
	*s = (struct sg_staged){.path = path, .tmp = tmp.data};
	return true;
}

bool sg_publish(struct sg_diags *diags, struct sg_staged *s)
{
	if (!s->tmp)
		return true;
	if (rename(s->tmp, s->path) != 0) {
		struct sg_loc loc = {NULL, 0, 0};
		sg_error(diags, loc, "cannot write %s: %s", s->path, strerror(errno));
		sg_discard(s);
		return false;
	}
	sg_free(s->tmp);
	s->tmp = NULL;
	return true;
}

void sg_discard(struct sg_staged *s)
{
	if (s->tmp)
		unlink(s->tmp);
	sg_free(s->tmp);
	s->tmp = NULL;
}
