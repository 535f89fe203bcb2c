import ArgumentParser

/// How long a short writer (`add`, `undo`, `check --acknowledge`) waits for a session another
/// writer holds. Scripts running side by side queue instead of failing; a live screen holding the
/// session for an hour still gets a clear refusal once the wait is over.
struct WaitOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Seconds to wait while another Convene is writing to the session, then refuse.", valueName: "seconds"))
    var wait: Double = 5

    func validate() throws {
        guard wait.isFinite, (0...3600).contains(wait) else { throw ValidationError("--wait takes seconds from 0 to 3600") }
    }

    var duration: Duration { .milliseconds(Int(wait * 1000)) }
}
