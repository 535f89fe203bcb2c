import ConveneCore
import Foundation

/// Where the live screen's changes go: the store, in the app; a test double in tests.
/// Every method returns only once the change is safely kept.
public protocol LiveSessionBackend: AnyObject {
    var session: Session { get }
    func apply(_ event: SessionEvent, at date: Date) throws
    func undo(at date: Date) throws
    /// Writes `notes.md` now and returns its path.
    func writeNotes() throws -> String
    /// Keeps the point being typed (or forgets it, with nil) so that a crash does not lose it.
    func saveDraft(_ composer: Composer?) throws
    /// Runs the user's editor on `text` (the terminal is theirs meanwhile) and returns the result.
    func editExternally(_ text: String) throws -> String
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
    public func handle(_ key: Key) {
        let now = clock()
        for effect in screen.update(key, session: backend.session, now: now) {
            perform(effect, at: now)
        }
    }

    public func draw() {
        let size = terminal.size
        terminal.draw(screen.render(session: backend.session, now: clock(), width: size.width, height: size.height))
    }

    private func perform(_ effect: LiveEffect, at now: Date) {
        do {
            switch effect {
            case .apply(let event, let saying):
                try backend.apply(event, at: now)
                screen.report(saying)
                if case .pointAdded = event { keepDraft(force: true) }
                if case .pointChanged = event { keepDraft(force: true) }
            case .undo:
                try backend.undo(at: now)
                screen.report("✓ Undone and saved")
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
                screen.report("✓ Notes written to \(try backend.writeNotes())")
            case .quit:
                finished = true
            }
        } catch {
            screen.report("Not saved: \(error)", isError: true)
        }
    }
}
