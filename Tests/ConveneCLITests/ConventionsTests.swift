import Foundation
import Testing

/// The command line as its users expect of a well-made tool: mistakes say what was meant, failures
/// that are not mistakes print no usage, and the conventions of git and ls for colour and paging.
@Suite("Command-line conventions")
struct ConventionsTests {
    @Test("a misspelt command says which was meant, instead of being taken for the home screen's argument",
          arguments: [("nwe", "new"), ("lst", "list"), ("serch", "search"), ("exprot", "export")])
    func misspeltCommand(typed: String, meant: String) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let result = try convene.run([typed, "--template", "roundtable"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'\(typed)' is not a convene command. Did you mean '\(meant)'?"), "\(result.stderr)")
    }

    @Test("help for a command that does not exist is an error, not the top-level help")
    func helpNonsense() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let result = try convene.run(["help", "nonsense"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'nonsense' is not a convene command"))
        #expect(try convene.run(["help", "new"]).stdout.contains("Start a session from a template"))
    }

    @Test("a misspelt option says which was meant, even when a required one then looks missing")
    func misspeltOption() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let result = try convene.run(["new", "--tempalte", "roundtable", "--title", "Spring"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Did you mean '--template'?"), "\(result.stderr)")
        let required = try convene.run(["new", "--template", "roundtable", "--titel", "Spring"])
        #expect(required.status == 64)
        #expect(required.stderr.contains("Unknown option '--titel'") && required.stderr.contains("Did you mean '--title'?"),
                "\(required.stderr)")
    }

    @Test("a mistake found while a command runs shows that command's usage, not the top level's")
    func usageOfTheCommand() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let result = try convene.run(["new", "--title", "No template"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("give --template") && result.stderr.contains("Usage: convene new "), "\(result.stderr)")
        #expect(!result.stderr.contains("convene <subcommand>"))
    }

    @Test("Tab completes session names, templates and Markdown files (the shell scripts' own requests, and bash itself)")
    func completions() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Spring roundtable")
        let template = try convene.run(["---completion", "new", "--", "--template", "3", "2", "convene", "new", "--template", "pe"])
        #expect(template.stdout.split(separator: "\n") == ["peer-learning"], "\(template.stdout)")
        let run = try convene.run(["---completion", "run", "--", "positional@0", "2", "4", "convene", "run", "2026"])
        #expect(run.stdout.split(separator: "\n") == [Substring(session)], "\(run.stdout)")
        let notes = convene.home.appendingPathComponent("received notes.md")
        try "# Notes\n".write(to: notes, atomically: true, encoding: .utf8)
        let typed = convene.home.path + "/rec"
        let file = try convene.run(["---completion", "show", "--", "positional@0", "2", "\(typed.count)", "convene", "show", typed])
        #expect(file.stdout.contains(notes.path), "\(file.stdout)")
        // bash, through the script convene writes for it.
        let script = convene.home.appendingPathComponent("convene.bash")
        try convene.run(["--generate-completion-script", "bash"]).stdout.write(to: script, atomically: true, encoding: .utf8)
        let bash = try convene.run(["-c", #"source "$1"; COMP_WORDS=(convene run 2026); COMP_CWORD=2; COMP_LINE="convene run 2026"; COMP_POINT=16; _convene; echo "${COMPREPLY[@]}""#,
                                    "bash", script.path], binary: URL(fileURLWithPath: "/bin/bash"),
                                   environment: ["PATH": ConveneProcess.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"])
        #expect(bash.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == session, "\(bash.stdout) \(bash.stderr)")
    }

    @Test("add --help at 80 columns: each example on a line of its own, the prose wrapped once")
    func addHelpAtEighty() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let help = try convene.run(["add", "--help"], environment: ["COLUMNS": "80"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        for example in ["  point \"TEXT\" --kind agreement --theme \"Accountability\" --subtheme \"To whom?\"",
                        "  response \"TEXT\" --item 6 --prompt 2"] {
            #expect(lines.contains(Substring(example)), "\(help)")
        }
        #expect(help.contains("A table's parts go to the newest topic unless --topic names one (its number or\ntitle)."), "\(help)")
    }

    @Test("--version prints the version")
    func version() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let result = try convene.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test("a value outside what an option takes is a mistake in the arguments: exit 64 with the command's usage",
          arguments: [["context", "Placed", "--uncertainty", "9", "--control", "2"], ["cell", "x", "--row", "0", "--column", "1"]])
    func valuesOutOfRange(arguments: [String]) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Ranges")
        let result = try convene.run(["add", session] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("Usage: convene add"), "\(result.stderr)")
    }

    @Test("failures that are not mistakes in the arguments exit 1 with the reason and no usage")
    func runtimeFailures() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSession()
        let noTerminal = try convene.run(["run", folder])
        #expect(noTerminal.status == 1 && noTerminal.stderr.contains("needs a terminal"))
        let noItem = try convene.run(["add", folder, "point", "Text", "--item", "99"])
        #expect(noItem.status == 1 && noItem.stderr.contains("there is no item 99"))
        let noFolder = try convene.run(["export", folder, "-o", "nofolder/notes.md", "--force"])
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("no folder nofolder to write notes.md into; create it first"), "\(noFolder.stderr)")
        #expect(!noFolder.stderr.contains(".tmp"), "the message names the user's path, not a temporary file")
        for result in [noTerminal, noItem, noFolder] { #expect(!result.stderr.contains("Usage:"), "\(result.stderr)") }
    }

    @Test("a search that finds nothing says so on standard error")
    func searchWithoutMatches() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession()
        let result = try convene.run(["search", "zzzz"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.contains("no matches for ‘zzzz’ in 1 session"))
    }

    @Test("SESSION may be words of the title, and the session taken is named")
    func titleWords() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let spring = try convene.run(["new", "--template", "seminar", "--title", "Spring roundtable on outcomes", "--date", "2026-04-02"])
        _ = try convene.run(["new", "--template", "seminar", "--title", "Autumn seminar", "--date", "2026-10-02"])
        let folder = spring.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let added = try convene.run(["add", "spring outcomes", "point", "Targets distort practice."])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("taking 2026-04-02-spring-roundtable-on-outcomes"))
        #expect(try convene.run(["export", folder, "--force"]).stdout.contains("Targets distort practice."))
        let neither = try convene.run(["add", "winter", "point", "x"])
        #expect(neither.status == 1 && neither.stderr.contains("no session matches ‘winter’"))
    }

    @Test("--kind takes the words the screen shows: agree, differ")
    func kindsAsShown() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSession()
        #expect(try convene.run(["add", folder, "point", "We agree", "--kind", "agree"]).stderr.isEmpty)
        let differ = try convene.run(["add", folder, "point", "We differ", "--kind", "differ"])
        #expect(differ.status == 0 && differ.stdout.contains("(divergence)"), "\(differ.stdout)\(differ.stderr)")
    }

    @Test("colour is forced with --color always or CLICOLOR_FORCE, and left out with --color never")
    func colour() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let notes = convene.home.appendingPathComponent("notes.md")
        try "# Title\n\nSome **bold** text.\n".write(to: notes, atomically: true, encoding: .utf8)
        let piped = try convene.run(["show", notes.path])
        #expect(!piped.stdout.contains("\u{1B}["), "plain when piped")
        #expect(try convene.run(["show", notes.path, "--color", "always"]).stdout.contains("\u{1B}["))
        #expect(try convene.run(["show", notes.path], environment: ["CLICOLOR_FORCE": "1"]).stdout.contains("\u{1B}["))
        #expect(!(try convene.run(["show", notes.path, "--color", "never"], environment: ["CLICOLOR_FORCE": "1"]).stdout.contains("\u{1B}[")))
    }

    @Test("completion scripts are generated for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let result = try convene.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("convene") && result.stdout.contains("templates"))
    }

    @Test("script/setup finds each missing piece, and installs nothing when told --dry-run")
    func setupDetection() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../script/setup").standardized
        let empty = convene.home.appendingPathComponent("bare-machine")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = script
        process.arguments = ["--for", "test", "--dry-run", "--root", empty.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for package in ["libncursesw5-dev", "libcmark-gfm-dev", "libcmark-gfm-extensions-dev", "wbritish", "libsqlite3-dev", "pkg-config",
                        "cmark-gfm", "tmux", "gcc", "vim-tiny", "less", "man-db", "openssh-server", "openssh-client", "pandoc", "weasyprint", "poppler-utils"] {
            #expect(printed.contains(package), "\(package) not detected as missing: \(printed)")
        }
        #expect(printed.contains("would run: apt-get update && apt-get install -y"))
    }
}
