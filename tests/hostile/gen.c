/* Writes the hostile inputs of tests/cmake/hostile.cmake into one folder at test
 * time, so that no large or binary file lives in the repository.
 *
 *   hostile_gen OUTDIR
 *
 * Every file is described where it is written; the expectations are in
 * tests/cmake/hostile.cmake. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *outdir;

/* Stops the generator with a message: a fixture that half-failed would make
   every test after it meaningless. */
static void die(const char *what, const char *path) {
  fprintf(stderr, "hostile_gen: %s %s: %s\n", what, path, strerror(errno));
  exit(1);
}

static FILE *open_out(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", outdir, name);
  FILE *f = fopen(path, "wb");
  if (!f)
    die("cannot create", path);
  return f;
}

static void close_out(FILE *f, const char *name) {
  if (ferror(f) || fclose(f) != 0)
    die("cannot write", name);
}

/* Writes 'len' bytes (which may contain NUL) as the whole file 'name'. */
static void write_bytes(const char *name, const char *data, size_t len) {
  FILE *f = open_out(name);
  fwrite(data, 1, len, f);
  close_out(f, name);
}

static void write_str(const char *name, const char *s) { write_bytes(name, s, strlen(s)); }

/* Writes 'unit' repeated until the file holds at least 'bytes' bytes, with
   'head' before and 'tail' after. */
static void write_repeated(const char *name, const char *head, const char *unit, size_t bytes,
                           const char *tail) {
  FILE *f = open_out(name);
  fputs(head, f);
  size_t n = strlen(unit), done = strlen(head);
  while (done < bytes) {
    fwrite(unit, 1, n, f);
    done += n;
  }
  fputs(tail, f);
  close_out(f, name);
}

static void make_dir(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", outdir, name);
  if (mkdir(path, 0755) != 0 && errno != EEXIST)
    die("cannot create folder", path);
}

static void make_link(const char *target, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", outdir, name);
  unlink(path);
  if (symlink(target, path) != 0)
    die("cannot create link", path);
}

static void make_fifo(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", outdir, name);
  unlink(path);
  if (mkfifo(path, 0644) != 0)
    die("cannot create FIFO", path);
}

/* A small tender with one binding warranty requirement that starts at line
   7, column 22 whatever the line ends are ('nl'). */
static void write_tender(const char *name, const char *nl) {
  const char *lines[] = {"Konkurransegrunnlag", "", "CPV 39130000 Kontormøbler", "",
                         "3 Kravspesifikasjon", "",
                         ("Dette er innledning. Leverandøren skal gi minst 5 års garanti på "
                          "alle møbler.")};
  FILE *f = open_out(name);
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
    fprintf(f, "%s%s", lines[i], nl);
  close_out(f, name);
}

static const char plain_tender[] = "Konkurransegrunnlag\n\n"
                                   "CPV 39130000 Kontormøbler\n\n"
                                   "1 Kravspesifikasjon\n\n"
                                   "Leverandøren skal gi minst 5 års garanti på alle møbler.\n";

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: hostile_gen OUTDIR\n");
    return 2;
  }
  outdir = argv[1];
  if (mkdir(outdir, 0755) != 0 && errno != EEXIST)
    die("cannot create folder", outdir);

  /* --- size and length limits --- */
  /* 100 MB of ordinary text: over the 64 MiB input cap. */
  write_repeated("big-100mb.txt", "", "Leverandøren skal gi minst 5 års garanti på alle møbler.\n",
                 100u * 1000 * 1000, "");
  /* A 1,000,000-byte line, under the 1 MiB line cap: one endless requirement
     sentence without a full stop, so every rule matches it many times. */
  write_repeated("line-1mb.txt", "", "Leverandøren skal gi minst 5 års garanti og reservedeler, ",
                 1000000 - 2, ".\n");
  /* One byte over the 1 MiB line cap, on line 3. */
  write_repeated("line-too-long.txt", "Tittel\n\n", "a", 8 + (1u << 20) + 1, "\n");
  /* 1,000,001 one-letter paragraphs: over the cap of a million blocks. */
  write_repeated("many-blocks.txt", "", "a\n\n", 3u * 1000001, "");

  /* --- nesting --- */
  {
    FILE *f = open_out("nesting-10000.xml");
    fputs("<?xml version=\"1.0\"?>\n", f);
    for (int i = 0; i < 10000; i++)
      fputs("<d>", f);
    fputs("Leverandøren skal gi garanti.", f);
    for (int i = 0; i < 10000; i++)
      fputs("</d>", f);
    fputs("\n", f);
    close_out(f, "nesting-10000.xml");
  }
  {
    /* Markdown: 10,000 quote markers, 10,000 list markers, 10,000 brackets. */
    FILE *f = open_out("nesting-10000.md");
    fputs("# Kravspesifikasjon\n\n", f);
    for (int i = 0; i < 10000; i++)
      fputs(">", f);
    fputs(" Leverandøren skal gi minst 5 års garanti.\n\n", f);
    for (int i = 0; i < 10000; i++)
      fputs("- ", f);
    fputs("Reservedeler skal være tilgjengelige i 10 år.\n\n", f);
    for (int i = 0; i < 10000; i++)
      fputs("[", f);
    fputs("lenke", f);
    for (int i = 0; i < 10000; i++)
      fputs("](x)", f);
    fputs("\n", f);
    close_out(f, "nesting-10000.md");
  }

  /* --- many small things (quadratic blow-up) --- */
  {
    /* 200,000 tiny elements under a root with a 1 MB attribute. */
    FILE *f = open_out("many-elements.xml");
    fputs("<?xml version=\"1.0\"?>\n<tender note=\"", f);
    for (int i = 0; i < 1000000; i++)
      fputc('x', f);
    fputs("\">\n<h1>Kravspesifikasjon</h1>\n", f);
    for (int i = 0; i < 200000; i++)
      fputs("<p>a</p>", f);
    fputs("\n<p>Leverandøren skal gi minst 5 års garanti.</p>\n</tender>\n", f);
    close_out(f, "many-elements.xml");
  }
  {
    /* 500,000 attributes on one element: libxml2 takes time quadratic in
       them (80,000 took 8 s); the count on the bytes stops it first. */
    FILE *f = open_out("many-attributes.xml");
    fputs("<?xml version=\"1.0\"?>\n<tender", f);
    for (int i = 0; i < 500000; i++)
      fprintf(f, " a%d=\"\"", i);
    fputs(">\n<p>Leverandøren skal gi minst 5 års garanti.</p>\n</tender>\n", f);
    close_out(f, "many-attributes.xml");
  }
  /* 3,000 elements with 50 attributes each: under the cap per element,
     150,000 in all (tested with a lower --limit). */
  {
    FILE *f = open_out("many-attributes-total.xml");
    fputs("<?xml version=\"1.0\"?>\n<tender>\n", f);
    for (int e = 0; e < 3000; e++) {
      fputs("<p", f);
      for (int i = 0; i < 50; i++)
        fprintf(f, " a%d='x'", i);
      fputs(">a</p>\n", f);
    }
    fputs("</tender>\n", f);
    close_out(f, "many-attributes-total.xml");
  }
  /* 60 MB of empty elements (15 million): took 47 s and 4 GB before the
     element cap. */
  write_repeated("empty-elements.xml", "<?xml version=\"1.0\"?>\n<tender>\n", "<a/>",
                 60u << 20, "</tender>\n");
  {
    /* 10,000 sentences, each with a run of 27 letters a on which
       (?:a|aa)+b (tests/hostile/pattern-limit.xml) backtracks just under
       PCRE2's match limit: about 1 ms a sentence, 10 s for the document,
       unless the time budget stops the rule. */
    FILE *f = open_out("many-sentences.txt");
    fputs("Requirements\n\nThe supplier shall give a warranty on all products.\n\n", f);
    for (int i = 0; i < 10000; i++)
      fputs("The supplier shall deliver aaaaaaaaaaaaaaaaaaaaaaaaaaa now.\n\n", f);
    close_out(f, "many-sentences.txt");
  }
  /* 400,000 one-letter lines. */
  write_repeated("many-lines.txt", "Kravspesifikasjon\n\n", "a\n", 800000, "");
  /* 50,000 list items that all mention a warranty. */
  write_repeated("many-items.md", "# Kravspesifikasjon\n\n", "- skal gi garanti\n", 50000 * 17,
                 "");
  /* Entity-free XML whose one paragraph repeats a requirement 20,000 times. */
  write_repeated("many-hits.xml", "<?xml version=\"1.0\"?>\n<tender><p>",
                 "Leverandøren skal gi garanti. ", 20000 * 31, "</p></tender>\n");
  {
    /* Quadratic entity expansion: one 50,000-character entity used 10,000
       times. Must be refused for declaring an entity, not expanded. */
    FILE *f = open_out("entity-quadratic.xml");
    fputs("<?xml version=\"1.0\"?>\n<!DOCTYPE t [\n<!ENTITY a \"", f);
    for (int i = 0; i < 50000; i++)
      fputc('a', f);
    fputs("\">\n]>\n<t>", f);
    for (int i = 0; i < 10000; i++)
      fputs("&a;", f);
    fputs("</t>\n", f);
    close_out(f, "entity-quadratic.xml");
  }

  /* --- bytes that are not text --- */
  {
    static const char nul[] = "Kravspesifikasjon\r\n\r\nLeverandøren skal\0 gi garanti.\r\n";
    write_bytes("nul.txt", nul, sizeof nul - 1);
    static const char nulx[] = "<?xml version=\"1.0\"?>\n<tender>\n<p>Leverandøren \0 skal gi "
                               "garanti.</p></tender>\n";
    write_bytes("nul.xml", nulx, sizeof nulx - 1);
  }
  /* 0x81 is neither UTF-8 nor Windows-1252: error at line 3, column 22. */
  write_str("invalid-utf8.txt",
            "Kravspesifikasjon\r\n\r\nLeverandøren skal gi \x81 garanti.\r\n");
  /* UTF-8 (the ø is two valid bytes) with an encoded surrogate on line 3,
     column 46: a damaged UTF-8 file, not a Windows-1252 one. */
  write_str("utf8-surrogate.txt",
            "Kravspesifikasjon\n\nLeverandøren skal gi 5 års garanti på møbler \xed\xa0\x80.\n");
  write_str("invalid-utf8.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tender>\n"
                                "<p>Leverandøren skal gi \xff\xfe garanti.</p></tender>\n");

  /* --- line ends: the requirement must be reported at 7:22 in each --- */
  write_tender("lf.txt", "\n");
  write_tender("crlf.txt", "\r\n");
  write_tender("cr.txt", "\r");

  /* --- folders --- */
  /* A symbolic-link loop (up -> .., self -> .) around two real files. */
  make_dir("loop");
  make_dir("loop/sub");
  write_str("loop/a.txt", plain_tender);
  write_str("loop/sub/b.txt", plain_tender);
  make_link("..", "loop/sub/up");
  make_link(".", "loop/self");
  /* A dangling link next to a real file. */
  make_dir("dangling");
  write_str("dangling/a.txt", plain_tender);
  make_link("no-such-file.txt", "dangling/broken.txt");
  /* Links out of the tree: to a folder and to a file beside it, which a
     walk must not read unless links are followed. */
  make_dir("secret");
  write_str("secret/passwd.txt", plain_tender);
  make_dir("outside");
  write_str("outside/a.txt", plain_tender);
  make_link("../secret", "outside/etc");
  make_link("../secret/passwd.txt", "outside/passwd.txt");
  /* Folders 70 levels deep: a file at the top, at level 63 (still read) and
     at level 70 (beyond the limit of the walk). */
  {
    char dir[1024] = "deep";
    make_dir(dir);
    write_str("deep/top.txt", plain_tender);
    for (int level = 1; level <= 70; level++) {
      size_t len = strlen(dir);
      snprintf(dir + len, sizeof dir - len, "/d%d", level);
      make_dir(dir);
      if (level == 63 || level == 70) {
        char file[1100];
        snprintf(file, sizeof file, "%s/%s.txt", dir, level == 63 ? "level63" : "level70");
        write_str(file, plain_tender);
      }
    }
  }
  /* A folder with nothing in it, and one with only a file of a type that
     is not read. */
  make_dir("empty-folder");
  make_dir("only-images");
  write_bytes("only-images/logo.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  /* FIFOs: in a folder of documents, in a folder of rule files, and as a
     rule file of its own. Opening one to read waits for a writer. */
  make_dir("fifo-walk");
  write_str("fifo-walk/a.txt", plain_tender);
  make_fifo("fifo-walk/pipe.txt");
  make_dir("fifo-rules");
  make_fifo("fifo-rules/pack.xml");
  make_fifo("rules-fifo.xml");
  /* Files for the permission and output tests (fs.sh changes modes itself). */
  make_dir("unreadable");
  write_str("unreadable/a.txt", plain_tender);
  write_str("unreadable/b.txt", plain_tender);
  write_str("unreadable/c.txt", plain_tender);
  write_str("tender.txt", plain_tender);

  /* --- the catastrophic rule pack's input: 1,000 sentences that each make
     (a+)+$ backtrack, and one 100,000-letter word for (?:a|b)*c --- */
  {
    FILE *f = open_out("backtracking.txt");
    fputs("Kravspesifikasjon\n\n", f);
    for (int i = 0; i < 1000; i++)
      fputs("The supplier shall take back packaging aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.\n\n",
            f);
    fputs("The supplier shall return packagingx", f);
    for (int i = 0; i < 100000; i++)
      fputc('a', f);
    fputs("c.\n", f);
    close_out(f, "backtracking.txt");
  }
  return 0;
}
