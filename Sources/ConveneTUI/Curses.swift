import CNCursesW

/// The terminal library, reached only through the `CNCursesW` shim. The live front end (screens,
/// key map, adapter) is built on this in the front-end issue; until then this is its one use.
public enum Curses {
    /// The ncursesw library's own version string, e.g. "ncurses 6.4.20221231".
    public static var version: String {
        guard let version = curses_version() else { return "unknown" }
        return String(cString: version)
    }
}
