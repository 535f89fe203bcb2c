import ArgumentParser

@main
struct Convene: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Facilitate live discussion sessions and keep their record as Markdown notes.",
        discussion: """
            Sessions live in $CONVENE_HOME, else $XDG_DATA_HOME/convene, else ~/.local/share/convene; \
            every command takes --dir to use another folder. SESSION is a session folder's path or a \
            unique prefix of its name, e.g. 2026-04-02.
            """,
        subcommands: [
            Home.self, New.self, Run.self, Follow.self, Review.self, Show.self, Add.self, Undo.self, Export.self, Check.self, List.self, Search.self, Templates.self,
        ],
        defaultSubcommand: Home.self
    )
}
