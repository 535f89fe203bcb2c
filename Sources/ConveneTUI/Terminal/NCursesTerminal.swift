import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// The one adapter to ncursesw: copies frames into the window, letting ncurses send the terminal
/// only what changed, and turns ncurses' key codes into `Key`s.
public final class NCursesTerminal: TerminalDevice {
    private var last: Frame?
    private var pairs: [Style.Role: Int16] = [:]
    private var open = true

    /// Takes over the terminal. `useColour` is false under `NO_COLOR` or on monochrome terminals;
    /// `palette` says which colour draws each role (a colour the terminal lacks draws in its own).
    public init(useColour: Bool, palette: Palette = .standard) {
        _ = convene_use_utf8_locale()
        Self.receiveResizes()
        // Should anything crash while ncurses has the terminal, the person gets their terminal back.
        convene_restore_terminal_on_crash()
        initscr()
        cbreak()
        noecho()
        nonl() // Enter arrives as CR, Ctrl-J as LF: two different keys.
        keypad(convene_stdscr(), true)
        set_escdelay(25) // Esc answers at once instead of after a second.
        convene_bracketed_paste(1)
        convene_enable_mouse()
        if useColour && has_colors() {
            start_color()
            use_default_colors()
            let available = convene_colour_count()
            for role in Style.Role.allCases {
                let colour = palette[role]
                init_pair(Int16(role.rawValue), Int32(colour) < available ? colour : -1, -1)
                pairs[role] = Int16(role.rawValue)
            }
        }
    }

    deinit { close() }

    /// Makes any crash of the program print one line (and give the terminal back, once ncurses
    /// has it): called first thing, before any command runs.
    public static func installCrashReport() {
        convene_install_crash_report()
    }

    /// ncurses learns of a resize through SIGWINCH. A program can start with that signal blocked or
    /// ignored (inherited from whatever launched it, e.g. a thread pool's mask), and would then never
    /// redraw: restore the default and unblock it before ncurses installs its handler.
    private static func receiveResizes() {
        signal(SIGWINCH, SIG_DFL)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard open else { return }
        open = false
        convene_bracketed_paste(0)
        endwin()
        convene_terminal_released()
    }

    /// The terminal's own bell (BEL), which tmux, screen and terminal emulators pass on or show.
    public func bell() {
        beep()
    }

    public func suspend(_ body: () throws -> Void) rethrows {
        def_prog_mode()
        convene_bracketed_paste(0)
        endwin()
        defer {
            reset_prog_mode()
            convene_bracketed_paste(1)
            last = nil // the other program drew over everything: repaint it all
            erase()
            refresh()
        }
        try body()
    }

    public var size: (width: Int, height: Int) {
        (Int(convene_cols()), Int(convene_lines()))
    }

    public func draw(_ frame: Frame) {
        if last?.width != frame.width || last?.height != frame.height {
            erase()
            last = nil
        }
        for row in 0..<frame.height {
            for column in 0..<frame.width {
                let cell = frame[row, column]
                if cell.isContinuation || last?[row, column] == cell { continue }
                put(cell, row: row, column: column)
            }
        }
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        refresh()
        last = frame
    }

    private func put(_ cell: Cell, row: Int, column: Int) {
        var attributes = convene_attr_normal()
        let style = cell.style
        if style.bold { attributes |= convene_attr_bold() }
        if style.dim { attributes |= convene_attr_dim() }
        if style.reverse { attributes |= convene_attr_reverse() }
        if style.underline { attributes |= convene_attr_underline() }
        let pair = style.role.flatMap { pairs[$0] } ?? 0
        var wide = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = convene_put_cell(Int32(row), Int32(column), wide, attributes, pair)
    }

    /// Ends a wait for a key early when signalled: the screen then redraws (a shared session changed).
    public var wakeup: Wakeup?

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        guard let wakeup, timeoutMilliseconds > 0 else { return readKey(timeoutMilliseconds: timeoutMilliseconds) }
        // A key ncurses already holds comes first; then the keyboard and the wakeup are waited on together.
        if let key = readKey(timeoutMilliseconds: 0) { return key }
        var waited = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&waited, 2, Int32(timeoutMilliseconds))
        if ready > 0, waited[1].revents != 0 {
            wakeup.drain()
            if waited[0].revents == 0 { return nil }
        }
        // A key, or a signal (a resize arrives as a key once the wait is interrupted).
        return ready == 0 ? nil : readKey(timeoutMilliseconds: 10)
    }

    private func readKey(timeoutMilliseconds: Int) -> Key? {
        timeout(Int32(timeoutMilliseconds))
        var code: wint_t = 0
        let result = get_wch(&code)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            // The wheel scrolls as the arrow keys do, wherever it is turned: lists, the reader, the
            // help. A press of the left button is where it landed; the program finds what is there.
            if Int32(code) == convene_key_mouse() {
                let mouse = convene_read_mouse()
                switch mouse.kind {
                case -1: return .up
                case 1: return .down
                case 2: return .mouse(row: Int(mouse.row), column: Int(mouse.column))
                default: return nil
                }
            }
            return Self.functionKey(Int32(code))
        }
        if code == 27 { return altKey() ?? .escape }
        return Self.characterKey(UInt32(code))
    }

    /// Alt-b arrives as ESC and b together: a key already waiting right after ESC makes the pair
    /// one key, when it is one of the Alt keys Convene has (`KeyMap.bindsAlt`). Anything else waiting
    /// is put back to be read on its own: Esc then n, typed fast or sent by a script, stays two keys.
    private func altKey() -> Key? {
        timeout(0)
        var code: wint_t = 0
        let result = get_wch(&code)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            if Int32(code) == KEY_BACKSPACE { return .alt("\u{7F}") }
            ungetch(Int32(code))
            return nil
        }
        if code == 127 || code == 8 { return .alt("\u{7F}") }
        guard let scalar = Unicode.Scalar(UInt32(code)), KeyMap.bindsAlt(Character(scalar)) else {
            unget_wch(wchar_t(code))
            return nil
        }
        return .alt(Character(scalar))
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case convene_key_resize(): .resize
        case convene_key_paste_start(): .pasteStart
        case convene_key_paste_end(): .pasteEnd
        default: nil
        }
    }

    static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 13: .enter
        case 9: .tab
        case 27: .escape
        case 8, 127: .backspace
        case 1...26: .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        default: Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}
