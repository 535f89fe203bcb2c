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
#include <stdlib.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <signal.h>
#include <termios.h>

static inline int convene_lines(void) { return LINES; }
static inline int convene_cols(void) { return COLS; }
static inline WINDOW *convene_stdscr(void) { return stdscr; }
static inline int convene_key_resize(void) { return KEY_RESIZE; }

static inline attr_t convene_attr_normal(void) { return A_NORMAL; }
static inline attr_t convene_attr_bold(void) { return A_BOLD; }
static inline attr_t convene_attr_dim(void) { return A_DIM; }
static inline attr_t convene_attr_reverse(void) { return A_REVERSE; }
static inline attr_t convene_attr_underline(void) { return A_UNDERLINE; }

/// Draws one character cell (a base character plus any combining marks) at a position.
static inline int convene_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Bracketed paste: the terminal marks pasted text with ESC[200~ … ESC[201~, which ncurses is
/// taught to return as two key codes of their own, so a pasted line break is not taken for Enter.
static inline int convene_key_paste_start(void) { return KEY_MAX + 1; }
static inline int convene_key_paste_end(void) { return KEY_MAX + 2; }
static inline void convene_bracketed_paste(int on) {
    if (on) {
        define_key("\033[200~", KEY_MAX + 1);
        define_key("\033[201~", KEY_MAX + 2);
    }
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

/// How many colours the terminal has (the COLORS global, set by start_color).
static inline int convene_colour_count(void) { return COLORS; }

/// The mouse: the wheel and the left button. A notch of the wheel or a press arrives as KEY_MOUSE;
/// the terminal's own text selection still works with Shift held (as in htop and lazygit).
static inline int convene_key_mouse(void) { return KEY_MOUSE; }
static inline void convene_enable_mouse(void) {
    mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED | BUTTON1_PRESSED, NULL);
    mouseinterval(0);
}

/// The mouse event just read: `kind` -1 a notch of the wheel up, 1 down, 2 the left button pressed
/// at (`row`, `column`), 0 anything else.
typedef struct { int kind; int row; int column; } ConveneMouse;
static inline ConveneMouse convene_read_mouse(void) {
    ConveneMouse result = { 0, 0, 0 };
    MEVENT event;
    if (getmouse(&event) != OK) return result;
    if (event.bstate & BUTTON4_PRESSED) result.kind = -1;
    else if (event.bstate & BUTTON5_PRESSED) result.kind = 1;
    else if (event.bstate & BUTTON1_PRESSED) { result.kind = 2; result.row = event.y; result.column = event.x; }
    return result;
}

/// The width of the terminal on `fd`, or 0 when it is not a terminal (ioctl is variadic: not for Swift).
static inline int convene_terminal_columns(int fd) {
    struct winsize size;
    if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

static inline int convene_terminal_rows(int fd) {
    struct winsize size;
    if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_row;
}

/// Columns a character takes, as ncurses measures it. Declared here because glibc only exposes
/// wcwidth to X/Open builds.
extern int wcwidth(wchar_t character);
static inline int convene_wcwidth(unsigned int character) { return wcwidth((wchar_t)character); }

/// Makes the C library measure and convert text as UTF-8: the user's locale when it is UTF-8,
/// otherwise C.UTF-8, so that accents, CJK and emoji work even under LANG=C. Returns 1 on success.
static inline int convene_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8") || setlocale(LC_CTYPE, "en_US.UTF-8")) return 1;
    return 0;
}

/// What a crash must put right: the terminal as it was before ncurses took it over (when it has),
/// the crash handlers that were there before ours (Swift's backtracer among them), and whether a
/// developer asked for the backtrace. Kept in a function's static storage: a header's globals are
/// not emitted for Swift.
struct convene_crash_state {
    struct termios before;
    int terminal_taken;
    int wants_backtrace;
    struct sigaction previous[32];
};
static inline struct convene_crash_state *convene_crash_state(void) {
    static struct convene_crash_state state;
    return &state;
}
/// A crash: give the terminal back if ncurses holds it (main screen, cursor, mouse and paste
/// reporting off, the modes as they were), say in one line what happened, then end as the signal
/// would. Swift's backtrace (with the program's source paths) is printed only when SWIFT_BACKTRACE
/// asked for it. Uses only async-signal-safe calls; runs on its own stack, so a stack overflow
/// is reported too.
static inline void convene_crash_handler(int number) {
    struct convene_crash_state *state = convene_crash_state();
    ssize_t written = 0;
    if (state->terminal_taken) {
        static const char reset[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[?1l\033>"
                                    "\033[?1049l\033[?25h\033[0m\r\n";
        written = write(STDOUT_FILENO, reset, sizeof reset - 1);
        tcsetattr(STDIN_FILENO, TCSANOW, &state->before);
    }
    const char *name = number == SIGSEGV ? "a bad memory access (SIGSEGV)" : number == SIGBUS ? "a bus error (SIGBUS)"
        : number == SIGILL ? "an illegal instruction (SIGILL)" : number == SIGFPE ? "an arithmetic error (SIGFPE)"
        : number == SIGTRAP ? "a failed check (SIGTRAP)" : number == SIGABRT ? "an abort (SIGABRT)" : "a signal";
    static const char before[] = "convene crashed: ";
    static const char after[] = ". Everything shown as saved is in the session's journal.\r\n";
    written = write(STDERR_FILENO, before, sizeof before - 1);
    written = write(STDERR_FILENO, name, strlen(name));
    written = write(STDERR_FILENO, after, sizeof after - 1);
    (void)written;
    if (number > 0 && number < 32) {
        if (state->wants_backtrace) {
            sigaction(number, &state->previous[number], NULL);
        } else {
            signal(number, SIG_DFL);
        }
    }
    raise(number); // delivered as soon as this handler returns
}

/// Installs the crash report for the whole program: call first thing in main, before any command.
static inline void convene_install_crash_report(void) {
    struct convene_crash_state *state = convene_crash_state();
    state->wants_backtrace = getenv("SWIFT_BACKTRACE") != NULL;
    // The handler's own stack: a stack overflow leaves none to run it on.
    static char alternate[64 * 1024];
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate;
    stack.ss_size = sizeof alternate;
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = convene_crash_handler;
    action.sa_flags = SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT };
    for (size_t index = 0; index < sizeof signals / sizeof signals[0]; index++) {
        int number = signals[index];
        sigaction(number, &action, &state->previous[number]);
    }
}

/// Remembers the terminal as it is now, so a crash while ncurses holds it gives it back. Call
/// before ncurses starts.
static inline void convene_restore_terminal_on_crash(void) {
    struct convene_crash_state *state = convene_crash_state();
    if (tcgetattr(STDIN_FILENO, &state->before) == 0) state->terminal_taken = 1;
}

/// Ncurses has given the terminal back: a crash from now on leaves it alone.
static inline void convene_terminal_released(void) {
    convene_crash_state()->terminal_taken = 0;
}

#endif
