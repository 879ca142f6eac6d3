/* The pages and API answers (routes.c dispatches to them), and the frame
 * the server's own pages share (layout.c). */
#ifndef CK_SERVE_PAGES_H
#define CK_SERVE_PAGES_H

#include "http.h"

/* Which tab of the navigation is the current page. */
typedef enum { NAV_CHECK, NAV_CHECKLIST, NAV_GUIDE, NAV_NONE } nav_tab;

/* The start of one of the server's own pages, through <main>, and its end. */
void page_begin(sbuf *out, const char *title, nav_tab tab);
void page_end(sbuf *out);
/* The navigation bar (and the server's style sheet) put into a page the
 * library wrote, right after its <body>; 'extra' (HTML, may be NULL) follows
 * the links. Takes 'html' over and returns the new page. */
char *page_insert_bar(char *html, size_t len, nav_tab tab, const char *extra, size_t *out_len);

/* Answers: 'ans' is filled, its body malloc()ed. */
void answer_html(serve_answer *ans, unsigned status, sbuf *page);
void answer_json(serve_answer *ans, unsigned status, char *body, size_t len);
/* An error: JSON {"error": msg} for the API, a page for the pages. */
void answer_error(serve_answer *ans, const serve_request *req, unsigned status, const char *msg);

/* The routes. */
void page_check_form(serve_request *req, serve_answer *ans);
void page_check_post(serve_request *req, serve_answer *ans);
void api_check(serve_request *req, serve_answer *ans);
void page_checklist(serve_request *req, serve_answer *ans);
void api_checklist(serve_request *req, serve_answer *ans);
void api_rules(serve_request *req, serve_answer *ans);
void page_guide(serve_request *req, serve_answer *ans);

#endif
