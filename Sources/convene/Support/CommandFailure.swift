/// A command that could not do its work for a reason other than how it was called: a file that is
/// not there, no terminal, a session without that item. Printed as `Error: …` with exit status 1
/// and no usage line, unlike `ValidationError`, which is for arguments that are wrong as typed.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
