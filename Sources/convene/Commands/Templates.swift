import ArgumentParser
import ConveneStore

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the session templates, built-in and your own.",
        discussion: "Your own go in $XDG_CONFIG_HOME/convene/templates (default ~/.config/convene/templates) and override built-ins of the same name."
    )

    @OptionGroup var sessions: SessionsOptions

    func run() throws {
        let library = sessions.templates
        let (templates, problems) = library.sessionTemplates()
        let files = library.sessionTemplateFiles()
        for template in templates {
            let minutes = template.agenda.reduce(0) { $0 + $1.minutes }
            let rule = template.chathamHouse ? "Chatham House" : "attributed"
            try Output.print("\(template.name)  \(template.title) — \(template.agenda.count) items, \(minutes) min, \(rule)")
            if !template.summary.isEmpty { try Output.print("    \(template.summary)") }
            if let file = files[template.name] { try Output.print("    \(file.path)") }
        }
        for problem in problems { Output.warn(problem.description) }
        do {
            _ = try library.notesRenderer()
        } catch {
            Output.warn(error.description)
            throw ExitCode(1)
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
