#ifndef CONVENE_CNCURSESW_SHIM_H
#define CONVENE_CNCURSESW_SHIM_H

// Wide-character ncurses. Macros and globals that Swift cannot import safely are wrapped here as
// functions, so the Swift side never reaches around the compiler's checks.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>

static inline int convene_lines(void) { return LINES; }
static inline int convene_cols(void) { return COLS; }
static inline WINDOW *convene_stdscr(void) { return stdscr; }
static inline int convene_key_resize(void) { return KEY_RESIZE; }
static inline int convene_color_pair(int pair) { return (int)COLOR_PAIR(pair); }

#endif
