/* The entries of one folder, for the places that read folders: the walk
 * that collects the documents of a run (ck_collect_paths_with in folder.c,
 * which goes into subfolders too) and a --rules folder (rules_load.c, which
 * does not). */
#ifndef CK_FOLDER_H
#define CK_FOLDER_H

#include <stddef.h>

/* Lists the entries of folder 'dir' whose names do not start with '.'
 * (".", "..", and hidden files such as .git) as paths, 'dir' and the name
 * with a slash between, sorted by name so that every system gives the same
 * order. Returns 0 with '*paths' and '*n' set (the caller frees each path
 * and the array), or the errno of a folder that cannot be opened. */
int ck_folder_list(const char *dir, char ***paths, size_t *n);

#endif
