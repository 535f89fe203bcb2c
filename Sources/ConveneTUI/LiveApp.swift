import ConveneCore
import Foundation

/// Where the live screen's changes go: the store, in the app; a test double in tests.
/// Every method returns only once the change is safely kept.
public protocol LiveSessionBackend: AnyObject {
    var session: Session { get }
    /// Keeps the change. Throws when it was not kept (then nothing changed); returns normally once it
    /// is, even if the notes could not follow.
    func apply(_ event: SessionEvent, at date: Date) throws -> SaveOutcome
    func undo(at date: Date) throws -> SaveOutcome
    /// Writes `notes.md` now and returns its path.
    func writeNotes() throws -> String
    /// Keeps the point being typed (or forgets it, with nil) so that a crash does not lose it.
    func saveDraft(_ composer: Composer?) throws
    /// Runs the user's editor on `text` (the terminal is theirs meanwhile) and returns the result.
    func editExternally(_ text: String) throws -> String
}

/// What happened besides the change being saved.
public struct SaveOutcome: Equatable, Sendable {
    /// Why `notes.md` could not be brought up to date, when it could not: the change is saved all the
    /// same, and the notes catch up at the next change that can write them.
    public var notesProblem: String?

    public init(notesProblem: String? = nil) {
        self.notesProblem = notesProblem
    }

    public static let saved = SaveOutcome()
}

/// The live session's loop: draw, read a key, update the screen, perform its effects.
public final class LiveApp {
    private let terminal: any TerminalDevice
    private let backend: any LiveSessionBackend
    private let clock: () -> Date
    public private(set) var screen = LiveScreen()
    public private(set) var finished = false
    /// The draft as last saved, and when: typing is saved at most every `draftInterval`.
    private var savedDraft: Composer?
    private var draftSavedAt = Date.distantPast
    public static let draftInterval: TimeInterval = 2

    /// - Parameter recovered: a draft left by a session that stopped mid-point, to offer back.
    public init(terminal: any TerminalDevice, backend: any LiveSessionBackend, recovered: Composer? = nil, clock: @escaping () -> Date) {
        self.terminal = terminal
        self.backend = backend
        self.clock = clock
        if let recovered {
            screen.offer(recovered)
            savedDraft = recovered
        }
    }

    /// Runs until the user quits or `shouldStop` says so (e.g. after SIGTERM).
    public func run(shouldStop: () -> Bool = { false }) {
        draw()
        while !finished && !shouldStop() {
            // Wake at least twice a second so the clocks on screen keep time.
            if let key = terminal.nextKey(timeoutMilliseconds: 500) { handle(key) }
            keepDraft(force: false)
            draw()
        }
        keepDraft(force: true)
    }

    /// Saves what is being typed when it changed and the last save is `draftInterval` old (or `force`).
    public func keepDraft(force: Bool) {
        let current = screen.unsavedText
        guard current != savedDraft else { return }
        let now = clock()
        guard force || now.timeIntervalSince(draftSavedAt) >= Self.draftInterval else { return }
        do {
            try backend.saveDraft(current)
            savedDraft = current
            draftSavedAt = now
        } catch {
            screen.report("Draft not saved: \(error)", isError: true)
        }
    }

    /// One key, as if typed: for tests and for the loop.
    ///
    /// A key's effects are one step: if a change it asks for cannot be saved, the screen goes back to
    /// how it was before the key, so what was being typed is still in its field and Enter tries again.
    public func handle(_ key: Key) {
        let now = clock()
        let before = screen
        for effect in screen.update(key, session: backend.session, now: now) {
            if case .failed(let problem) = perform(effect, at: now) {
                screen = before
                screen.report("Not saved: \(problem)", isError: true)
                return
            }
        }
    }

    public func draw() {
        let size = terminal.size
        terminal.draw(screen.render(session: backend.session, now: clock(), width: size.width, height: size.height))
    }

    private enum Performed {
        case done
        /// A change was not saved; the text says why.
        case failed(String)
    }

    private func perform(_ effect: LiveEffect, at now: Date) -> Performed {
        do {
            switch effect {
            case .apply(let event, let saying):
                report(saying, try backend.apply(event, at: now))
                if case .pointAdded = event { keepDraft(force: true) }
                if case .pointChanged = event { keepDraft(force: true) }
            case .undo:
                report("✓ Undone and saved", try backend.undo(at: now))
            case .editExternally(let text):
                keepDraft(force: true)
                var edited = text
                do {
                    try terminal.suspend { edited = try backend.editExternally(text) }
                    screen.receiveEdited(edited)
                } catch {
                    screen.report("Editor: \(error)", isError: true)
                }
            case .writeNotes:
                do {
                    screen.report("✓ Notes written to \(try backend.writeNotes())")
                } catch {
                    screen.report("Notes not written: \(error)", isError: true)
                }
            case .quit:
                finished = true
            }
        } catch {
            return .failed("\(error)")
        }
        return .done
    }

    /// Says that a change is saved, and whether the notes could follow it.
    private func report(_ saying: String, _ outcome: SaveOutcome) {
        guard let problem = outcome.notesProblem else { return screen.report(saying) }
        screen.report("\(saying); notes.md not updated: \(problem)", isError: true)
    }

    /// Puts a message on the status line, e.g. a problem found while opening the session.
    public func tell(_ text: String, isError: Bool) {
        screen.report(text, isError: isError)
    }
}
