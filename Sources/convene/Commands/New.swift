import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a session from a template and print its folder.",
        discussion: "`convene templates` lists the templates."
    )

    @OptionGroup var sessions: SessionsOptions

    @Option(name: .long, help: "The session template, e.g. roundtable, peer-learning, masterclass, seminar; with --follow-up, the previous session's by default.",
            completion: ShellCompletion.templates)
    var template: String?

    @Option(name: .long, help: "The session's title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The day it is held; today when not given.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: "Why the group meets; replaces the template's purpose.")
    var purpose: String?

    @Option(name: .long, parsing: .singleValue, help: "An organisation hosting the session (repeatable).")
    var host: [String] = []

    @Option(name: .customLong("follow-up"), help: ArgumentHelp(
        "The previous session of the series: its people, hosts, open actions and unanswered questions are carried into this one, and the two link to each other.",
        valueName: "session"), completion: ShellCompletion.sessions)
    var followUp: String?

    @Option(name: .long, help: ArgumentHelp(
        "The series' name; with --follow-up, the previous session's series (or its title) by default.", valueName: "name"))
    var series: String?

    @OptionGroup var lock: WaitOption

    func validate() throws {
        if let date, !TextRules.isValidDate(date) {
            throw ValidationError("--date ‘\(date)’ is not a date of the form YYYY-MM-DD")
        }
    }

    func run() throws {
        // Checked here rather than in validate(), which ArgumentParser runs before it reports an
        // unknown option: `--tempalte` must be answered with "Did you mean '--template'?".
        let configured = try sessions.configuration().template
        if template == nil && followUp == nil && configured == nil {
            throw ValidationError("give --template (convene templates lists them), or --follow-up to take the previous session's")
        }
        let previous = try followUp.map { try FollowedSession(sessions.catalog.resolve($0)) }
        for problem in previous?.problems ?? [] { Output.warn(problem) }
        let title = TextRules.cleaned(title, singleLine: true), date = date ?? Self.today()
        let purpose = purpose.map { TextRules.cleaned($0) }
        let hosts = host.map { TextRules.cleaned($0, singleLine: true) }
        let series = series.map { TextRules.cleaned($0, singleLine: true) }
        let setup: SessionSetup
        if let previous {
            setup = try previous.setup(title: title, date: date, template: template, purpose: purpose, hosts: hosts, series: series,
                                       templates: sessions.templates)
        } else {
            var fresh = try sessions.templates.sessionTemplate(named: template ?? configured ?? "").setup(title: title, date: date, purpose: purpose)
            fresh.details.hosts = hosts
            fresh.details.series = series
            setup = fresh
        }
        // The folder appears with everything carried over and its notes, or not at all.
        let writer = try SessionWriter.create(in: sessions.location.sessions, setup: setup, at: .nowToTheSecond, author: LoginName.current) { writer in
            try previous?.carried(into: writer)
            warnIfNotesFail(writer, options: sessions)
        }
        defer { writer.close() }
        if let previous, let problem = previous.link(to: writer.session.reference(folder: writer.folder.name),
                                                     series: writer.session.seriesName, options: sessions, wait: lock.duration) {
            Output.warn(problem)
        }
        try Output.print(writer.folder.url.path)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
