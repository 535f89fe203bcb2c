/// Memory a command is done with just before it ends, given back by the process's exit at once
/// rather than freed object by object first: for a session or a document of 10,000 points the
/// freeing alone takes milliseconds the user would wait through.
enum LeftToExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process ends.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
