/* Folders (folder.h): the entries of one folder, and the walk that collects
 * the documents under a path given to `circheck check`. */
#include "folder.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "circheck.h"
#include "util.h"

static int path_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int ck_folder_list(const char *dir, char ***paths, size_t *n) {
  *paths = NULL;
  *n = 0;
  DIR *d = opendir(dir);
  if (!d)
    return errno;
  size_t len = strlen(dir), cap = 0;
  bool slash = len > 0 && dir[len - 1] == '/';
  const struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    ck_buf path = CK_BUF_INIT;
    ck_buf_printf(&path, "%s%s%s", dir, slash ? "" : "/", e->d_name);
    CK_GROW(*paths, cap, *n + 1);
    (*paths)[(*n)++] = ck_buf_detach(&path);
  }
  closedir(d);
  /* The paths share 'dir' and its slash: sorting them sorts the names. */
  if (*n > 1)
    qsort(*paths, *n, sizeof **paths, path_cmp);
  return 0;
}

/* --- the walk ------------------------------------------------------------------------ */

/* One walk under a path: where the files go, and the device and inode of
   the folders on the current path, to notice a folder met again below
   itself (through a link, or a bind mount) instead of recursing for ever. */
typedef struct walk {
  unsigned flags;
  char ***files;
  size_t *nfiles, *cap;
  ck_diags *diags;
  struct {
    dev_t dev;
    ino_t ino;
  } stack[CK_WALK_MAX_DEPTH + 1];
} walk;

/* What a folder entry is when it is neither a file nor a folder. */
static const char *special_kind(mode_t mode) {
  if (S_ISFIFO(mode))
    return "a FIFO (named pipe)";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  return "not a regular file";
}

static ck_status walk_folder(walk *w, const char *dir, size_t depth);

/* A folder entry at 'depth' (1: directly in the folder named): a file is
   taken, a folder walked; everything else is said and left. */
static ck_status walk_entry(walk *w, char *path, size_t depth) {
  struct stat st;
  bool follow = w->flags & CK_WALK_FOLLOW_LINKS;
  if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
    ck_diags_add(w->diags, CK_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
    free(path);
    return CK_ERR_IO;
  }
  ck_status rc = CK_OK;
  if (S_ISREG(st.st_mode)) {
    CK_GROW(*w->files, *w->cap, *w->nfiles + 1);
    (*w->files)[(*w->nfiles)++] = path;
    return CK_OK;
  }
  if (S_ISLNK(st.st_mode)) {
    /* A link may lead anywhere (a link to /etc would have circheck read the
       system's files into a report): only followed when asked. */
    ck_diags_add(w->diags, CK_DIAG_WARNING, path, 0, 0,
                 "skipped: a symbolic link (--follow follows links)");
  } else if (S_ISDIR(st.st_mode)) {
    bool loop = false;
    for (size_t k = 0; k < depth && !loop; k++)
      loop = w->stack[k].dev == st.st_dev && w->stack[k].ino == st.st_ino;
    if (loop) {
      ck_diags_add(w->diags, CK_DIAG_WARNING, path, 0, 0,
                   "skipped: the folder is one it is in (a loop)");
    } else if (depth >= CK_WALK_MAX_DEPTH) {
      ck_diags_add(w->diags, CK_DIAG_WARNING, path, 0, 0,
                   "skipped: folders nested more than %d levels deep are not read",
                   CK_WALK_MAX_DEPTH - 1);
    } else {
      w->stack[depth].dev = st.st_dev;
      w->stack[depth].ino = st.st_ino;
      rc = walk_folder(w, path, depth + 1);
    }
  } else {
    /* Opening a FIFO to read it would wait for a writer for ever. */
    ck_diags_add(w->diags, CK_DIAG_WARNING, path, 0, 0, "skipped: %s", special_kind(st.st_mode));
  }
  free(path);
  return rc;
}

/* Walks the entries of 'dir', which is 'depth' - 1 levels below the folder
   named (whose stack entry is 0). */
static ck_status walk_folder(walk *w, const char *dir, size_t depth) {
  char **paths;
  size_t n;
  int err = ck_folder_list(dir, &paths, &n);
  if (err) {
    ck_diags_add(w->diags, CK_DIAG_ERROR, dir, 0, 0, "cannot read folder: %s", strerror(err));
    return CK_ERR_IO;
  }
  ck_status rc = CK_OK;
  for (size_t i = 0; i < n; i++) {
    ck_status sub = walk_entry(w, paths[i], depth);
    if (sub != CK_OK)
      rc = sub;
  }
  free(paths);
  return rc;
}

ck_status ck_collect_paths_with(const char *path, unsigned flags, char ***files, size_t *nfiles,
                                size_t *cap, ck_diags *diags) {
  struct stat st;
  if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    walk *w = ck_xcalloc(1, sizeof *w);
    *w = (walk){.flags = flags, .files = files, .nfiles = nfiles, .cap = cap, .diags = diags};
    w->stack[0].dev = st.st_dev;
    w->stack[0].ino = st.st_ino;
    ck_status rc = walk_folder(w, path, 1);
    free(w);
    return rc;
  }
  /* Files, '-' and missing paths go through as they are: reading them
     reports what is wrong, in the same words for every input. */
  CK_GROW(*files, *cap, *nfiles + 1);
  (*files)[(*nfiles)++] = ck_xstrdup(path);
  return CK_OK;
}

ck_status ck_collect_paths(const char *path, char ***files, size_t *nfiles, size_t *cap,
                           ck_diags *diags) {
  return ck_collect_paths_with(path, 0, files, nfiles, cap, diags);
}
