import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension RealTerminal {
    /// A person reaching a live session from another machine: a real `sshd` on the loopback address,
    /// a key confined to the session by the line `convene access` prints, and `ssh` in a terminal.
    @Suite("Joining over SSH", .enabled(if: SSHServer.available || ProcessInfo.processInfo.environment["CI"] == "true"))
    struct OverSSH {
        @Test("a note-taker logs in with a forced-command key and joins the live session; asking for a shell still gets only the session")
        func forcedCommandKey() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let server = try SSHServer(in: convene.home.appendingPathComponent("ssh", isDirectory: true))
            defer { server.stop() }
            let (folder, host) = try start(convene)
            let session = URL(fileURLWithPath: folder).lastPathComponent
            let access = try convene.run(["access", session, "--as", "Zoë from Leeds", "--role", "note-taker", "--key", server.clientKey + ".pub"])
            #expect(access.status == 0, "\(access.stderr)")
            #expect(access.stdout.hasPrefix("command=\"") && access.stdout.contains(",restrict,pty ssh-ed25519 "))
            try server.authorize(access.stdout)

            let remote = try Tmux(command: server.login(), environment: ["TERM": "screen", "LANG": "C.UTF-8"])
            try remote.waitFor("you, Zoë from Leeds note-taker", seconds: 30)
            try host.waitFor("Zoë from Leeds note-taker")
            try remote.press("a", until: "Enter save")
            try remote.type("Typed from another office")
            try remote.press("Enter", until: "✓ Saved")
            try host.waitFor("Typed from another office")
            try remote.press("n", until: "Not saved: only the facilitator moves through the agenda")
            try remote.send("q")
            try remote.waitForExit()

            // The key opens the session and nothing else, whatever is asked for.
            let shell = try Tmux(command: server.login(command: "echo escaped"), environment: ["TERM": "screen", "LANG": "C.UTF-8"])
            let screen = try shell.waitFor("here:", seconds: 30)
            #expect(!screen.contains("escaped"))
            try shell.send("q")
            try host.send("q")
            try host.waitForExit()
            #expect(try notes(folder).contains("Typed from another office"))
            #expect(!(try notes(folder)).contains("Zoë"))
        }
    }
}

/// `sshd` on 127.0.0.1 at a free port, with keys, configuration and log of its own in `folder`,
/// as the account running the tests; stopped (with every session it started) by `stop`.
final class SSHServer {
    static let binary = "/usr/sbin/sshd"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary) && getuid() == 0 }

    let folder: URL
    let port: Int
    let clientKey: String
    /// sshd's pid. Started and reaped directly: a Foundation `Process` that never ends kept the
    /// test's other `Process`es from being reaped.
    private var pid: pid_t = 0
    /// The folder sshd insists on for privilege separation, when this server had to make it.
    private var madeSeparationFolder = false
    private var authorizedKeys: String { folder.appendingPathComponent("authorized_keys").path }
    private let user: String

    init(in folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clientKey = folder.appendingPathComponent("client").path
        let hostKey = folder.appendingPathComponent("host").path
        for key in [hostKey, clientKey] { try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]) }
        user = String(cString: getpwuid(getuid()).pointee.pw_name)
        port = try Self.freePort()
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            madeSeparationFolder = true
        }
        #expect(FileManager.default.createFile(atPath: authorizedKeys, contents: Data(), attributes: [.posixPermissions: 0o600]))
        let configuration = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKey)
            AuthorizedKeysFile \(authorizedKeys)
            PidFile \(folder.appendingPathComponent("sshd.pid").path)
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            AllowUsers \(user)
            AcceptEnv LANG
            """
        let configurationPath = folder.appendingPathComponent("sshd_config").path
        try configuration.write(toFile: configurationPath, atomically: true, encoding: .utf8)
        pid = try spawnUnblocked([Self.binary, "-D", "-e", "-f", configurationPath], output: folder.appendingPathComponent("sshd.log").path,
                                 errors: nil)
        do {
            try waitUntilListening()
        } catch {
            stop()
            throw error
        }
    }

    func authorize(_ line: String) throws {
        try line.write(toFile: authorizedKeys, atomically: false, encoding: .utf8)
    }

    /// The `ssh` command a person runs, with the key `convene access` confined.
    func login(command: String? = nil) -> [String] {
        ["/usr/bin/ssh", "-t", "-i", clientKey, "-p", String(port), "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "SendEnv=LANG", "-o", "BatchMode=yes", "\(user)@127.0.0.1"]
            + (command.map { [$0] } ?? [])
    }

    func stop() {
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            pid = 0
        }
        if madeSeparationFolder { try? FileManager.default.removeItem(atPath: "/run/sshd") }
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == 0 else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
        throw SSHError(message: "sshd did not start listening on port \(port): \(log)")
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return address
    }

    /// A port nobody listens on now: the kernel's choice for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw SSHError(message: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = try Process.run(URL(fileURLWithPath: tool), arguments: arguments)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SSHError(message: "\(tool) \(arguments.joined(separator: " ")) failed") }
    }

    struct SSHError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
