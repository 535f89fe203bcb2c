import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How long a full-screen program takes, from being started to showing `text`, in a terminal of
/// 100 × 30 (a pseudo-terminal it has as its controlling terminal, as in a real one): what a
/// person waits for after pressing Enter. It is then sent `quit` and waited for, untimed. The
/// median of `runs`; nil when the program cannot be started or never shows the text.
func timeToScreen(_ command: [String], showing text: String, quit: String = "q", runs: Int = 5,
                  environment: [String: String] = [:]) -> Double? {
    onScreen(command, showing: text, quit: quit, runs: runs, environment: environment)?.time
}

/// `timeToScreen`, with the most memory the program held in any run (its peak resident set, in MB).
func onScreen(_ command: [String], showing text: String, quit: String = "q", runs: Int = 5,
              environment: [String: String] = [:]) -> (time: Double, peakMB: Double)? {
    var times: [Double] = []
    var peak = 0.0
    for _ in 0..<runs {
        guard let run = onceToScreen(command, showing: Array(text.utf8), quit: quit, environment: environment) else { return nil }
        times.append(run.time)
        peak = max(peak, run.peakMB)
    }
    return (times.sorted()[runs / 2], peak)
}

private func onceToScreen(_ command: [String], showing text: [UInt8], quit: String,
                          environment: [String: String]) -> (time: Double, peakMB: Double)? {
    // posix_openpt, unlockpt and ptsname are hidden from Swift behind _XOPEN_SOURCE: what they do on
    // Linux, with the kernel's request numbers for x86-64 and arm64 (asm-generic/ioctls.h).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { return nil }
    defer { close(master) }
    var unlocked: Int32 = 0
    var number: UInt32 = 0
    let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
    guard ioctl(master, setLock, &unlocked) == 0, ioctl(master, getNumber, &number) == 0 else { return nil }
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let terminal = "/dev/pts/\(number)"

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // A new session, whose first terminal opened becomes its controlling one (`less` reads keys
    // from /dev/tty); then that terminal on all three descriptors.
    posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    let newSession: Int16 = 0x80  // POSIX_SPAWN_SETSID, behind _GNU_SOURCE as well
    posix_spawnattr_setflags(&attributes, newSession)

    var variables = ProcessInfo.processInfo.environment
    variables["TERM"] = "xterm-256color"
    variables["LINES"] = nil
    variables["COLUMNS"] = nil
    variables.merge(environment) { $1 }
    let argv = command.map { strdup($0) } + [nil]
    let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid: pid_t = 0
    let start = clock.now
    guard posix_spawnp(&pid, command[0], &actions, &attributes, argv, envp) == 0 else { return nil }
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var shown: Double?
    let deadline = clock.now.advanced(by: .seconds(10))
    while shown == nil && clock.now < deadline {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 100) >= 0 || errno == EINTR else { break }
        guard poller.revents & Int16(POLLIN) != 0 else { continue }
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { break }
        seen += buffer[..<count]
        if contains(seen, text) { shown = seconds(start.duration(to: clock.now)) }
    }
    // What it goes on to do unasked (the rest of a long document, a session loading behind its
    // first screen) is given a second, then its peak is read: after exec, VmHWM is the
    // program's own (a spawned child's ru_maxrss would include its parent's).
    let settling = clock.now.advanced(by: .seconds(1))
    while shown != nil && clock.now < settling {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 50) > 0 { _ = read(master, &buffer, buffer.count) }
    }
    let peak = peakMemoryMB(of: pid)
    _ = quit.withCString { write(master, $0, strlen($0)) }
    // Drain what it writes on its way out, so it never blocks on a full terminal.
    let quitting = clock.now.advanced(by: .seconds(5))
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
        if clock.now > quitting { kill(pid, SIGKILL) }
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 20) > 0 { _ = read(master, &buffer, buffer.count) }
    }
    return shown.map { ($0, peak) }
}

/// The process's peak resident memory so far, in MB (`VmHWM` in /proc/PID/status).
private func peakMemoryMB(of pid: pid_t) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return kilobytes / 1024
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
    }
    return false
}
