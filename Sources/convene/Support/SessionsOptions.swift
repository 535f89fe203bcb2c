import ArgumentParser
import ConveneStore
import Foundation

/// Where sessions are: shared by every command.
struct SessionsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The sessions folder to use instead of the default.", valueName: "folder"), completion: .directory)
    var dir: String?

    var environment: [String: String] { ProcessEnvironment.current }

    var location: SessionsLocation { SessionsLocation(environment: environment, override: dir) }

    var catalog: SessionCatalog { SessionCatalog(root: location.sessions) }

    var templates: TemplateLibrary { TemplateLibrary.standard(location: location, environment: environment) }

    /// Colour unless `NO_COLOR` is set to anything (see no-color.org) or the config file turns it off.
    func useColour(_ configuration: Configuration) -> Bool {
        (environment["NO_COLOR"].map(\.isEmpty) ?? true) && configuration.colour
    }

    /// The user's config file (see `Configuration`).
    func configuration() throws -> Configuration {
        try Configuration.load(environment: environment)
    }
}
