/* The entries of one folder (folder.h). */
#include "folder.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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
