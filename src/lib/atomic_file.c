/* Writing a report to -o FILE (ck_atomic_file_*, circheck.h) the way users of
 * `sort -o` and `tee` expect:
 *
 * - a regular file, or a name not yet taken, is written as a temporary file
 *   beside it and renamed over it once everything is written, so a reader
 *   never sees half a report and a failed run leaves the old one; the new
 *   file keeps the old one's mode (and, where allowed, its owner);
 * - a symbolic link is followed: the file it leads to is replaced that way
 *   and the link stays;
 * - anything else (a device such as /dev/null, a FIFO, /dev/stdout on a
 *   pipe or a terminal) is opened and written through: renaming a file over
 *   it would replace the device or the pipe with a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circheck.h"
#include "util.h"

struct ck_atomic_file {
  char *path; /* as given, for diagnostics */
  char *dest; /* what the temporary file is renamed to: 'path', links followed */
  char *tmp;  /* the temporary file; NULL when writing through */
  int fd;
  int error; /* errno of the first failed write, 0 while all is well */
  bool existed;
  struct stat old; /* the file replaced, when 'existed' */
};

/* As many links as the kernel follows in one path (Linux's MAXSYMLINKS). */
enum { MAX_LINKS = 40 };

/* The target of the symbolic link 'path' (malloc'd), or NULL with errno. */
static char *read_link(const char *path) {
  size_t cap = 256;
  for (;;) {
    char *buf = ck_xmalloc(cap);
    ssize_t n = readlink(path, buf, cap);
    if (n < 0) {
      int err = errno;
      free(buf);
      errno = err;
      return NULL;
    }
    if ((size_t)n < cap) {
      buf[n] = '\0';
      return buf;
    }
    free(buf); /* may have been cut short: try a larger buffer */
    cap *= 2;
  }
}

/* Follows 'path' through symbolic links to the name that is to be replaced:
   the first one that is not a link, or that does not exist yet (a link to a
   file still to be made). A relative target is read from the link's folder.
   Returns a malloc'd path, or NULL with errno (ELOOP after MAX_LINKS). */
static char *follow_links(const char *path) {
  char *cur = ck_xstrdup(path);
  for (int hops = 0;; hops++) {
    struct stat st;
    if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
      return cur;
    char *target = hops < MAX_LINKS ? read_link(cur) : NULL;
    if (!target) {
      int err = hops < MAX_LINKS ? errno : ELOOP;
      free(cur);
      errno = err;
      return NULL;
    }
    const char *slash = strrchr(cur, '/');
    if (target[0] == '/' || !slash) {
      free(cur);
      cur = target;
    } else {
      ck_buf next = CK_BUF_INIT;
      ck_buf_put(&next, cur, (size_t)(slash - cur) + 1);
      ck_buf_puts(&next, target);
      free(target);
      free(cur);
      cur = ck_buf_detach(&next);
    }
  }
}

static ck_atomic_file *fail_open(const char *path, int err, ck_diags *diags) {
  ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot write: %s", strerror(err));
  return NULL;
}

/* Opens what is not a regular file (a device, a FIFO) to write into it. */
static ck_atomic_file *open_through(const char *path, ck_diags *diags) {
  int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return fail_open(path, errno, diags);
  ck_atomic_file *f = ck_xcalloc(1, sizeof *f);
  f->path = ck_xstrdup(path);
  f->fd = fd;
  return f;
}

ck_atomic_file *ck_atomic_file_open(const char *path, ck_diags *diags) {
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && S_ISDIR(st.st_mode))
    return fail_open(path, EISDIR, diags);
  if (exists && !S_ISREG(st.st_mode))
    return open_through(path, diags);
  char *dest = follow_links(path);
  if (!dest)
    return fail_open(path, errno, diags);
  ck_buf tmp = CK_BUF_INIT;
  ck_buf_printf(&tmp, "%s.XXXXXX", dest);
  int fd = mkstemp(tmp.ptr);
  if (fd < 0) {
    int err = errno;
    ck_buf_free(&tmp);
    free(dest);
    return fail_open(path, err, diags);
  }
  ck_atomic_file *f = ck_xcalloc(1, sizeof *f);
  f->path = ck_xstrdup(path);
  f->dest = dest;
  f->tmp = ck_buf_detach(&tmp);
  f->fd = fd;
  f->existed = exists;
  if (exists)
    f->old = st;
  return f;
}

const char *ck_atomic_file_temp_path(const ck_atomic_file *f) { return f->tmp; }

bool ck_atomic_file_write(void *file, const char *data, size_t len) {
  ck_atomic_file *f = file;
  size_t done = 0;
  while (f->error == 0 && done < len) {
    ssize_t w = write(f->fd, data + done, len - done);
    if (w < 0) {
      if (errno != EINTR)
        f->error = errno;
      continue;
    }
    done += (size_t)w;
  }
  return f->error == 0;
}

static void atomic_file_free(ck_atomic_file *f) {
  free(f->path);
  free(f->dest);
  free(f->tmp);
  free(f);
}

void ck_atomic_file_abort(ck_atomic_file *f) {
  if (!f)
    return;
  close(f->fd);
  if (f->tmp)
    unlink(f->tmp);
  atomic_file_free(f);
}

/* Gives the temporary file the replaced file's mode and owner, or, for a
   new file, the mode an ordinary file gets (mkstemp makes it 0600).
   Returns 0 or an errno. */
static int settle_mode(const ck_atomic_file *f) {
  if (!f->existed) {
    mode_t mask = umask(0);
    umask(mask);
    return fchmod(f->fd, 0666 & ~mask) == 0 ? 0 : errno;
  }
  /* Only root may give a file away, and a group only to one of its own
     groups; otherwise the report is ours, as with any editor that saves by
     renaming. The owner goes first: a change of owner clears set-id bits. */
  if (f->old.st_uid != geteuid() || f->old.st_gid != getegid()) {
    if (fchown(f->fd, f->old.st_uid, f->old.st_gid) != 0) {
      /* not allowed: keep what mkstemp made */
    }
  }
  return fchmod(f->fd, f->old.st_mode & 07777) == 0 ? 0 : errno;
}

ck_status ck_atomic_file_commit(ck_atomic_file *f, ck_diags *diags) {
  int error = f->error;
  if (f->tmp) {
    if (error == 0)
      error = settle_mode(f);
    if (error == 0 && fsync(f->fd) != 0)
      error = errno;
  }
  if (close(f->fd) != 0 && error == 0)
    error = errno;
  if (f->tmp && error == 0 && rename(f->tmp, f->dest) != 0)
    error = errno;
  if (error != 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, f->path, 0, 0, "cannot write: %s", strerror(error));
    if (f->tmp)
      unlink(f->tmp);
  }
  atomic_file_free(f);
  return error == 0 ? CK_OK : CK_ERR_IO;
}

ck_status ck_write_file_atomic(const char *path, const char *data, size_t len, ck_diags *diags) {
  ck_atomic_file *f = ck_atomic_file_open(path, diags);
  if (!f)
    return CK_ERR_IO;
  ck_atomic_file_write(f, data, len);
  return ck_atomic_file_commit(f, diags);
}
