import ConveneCore
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Release-built benchmark of the engine and store: `swift run -c release ConveneBenchmarks`.
// Prints a table; figures belong in the README, never in tests (the machines are shared and noisy).

let sizes = [100, 1_000, 10_000]
let clock = ContinuousClock()
let date = Date(timeIntervalSince1970: 1_775_124_000)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The median of `runs` timings of `body`.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(seconds(try clock.measure(body))) }
    return times.sorted()[runs / 2]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // kilobytes on Linux
}

func point(_ id: EntityID, _ index: Int) -> Point {
    Point(id: id, kind: PointKind.allCases[index % PointKind.allCases.count],
          text: "Point \(index): outcomes are emergent properties of complex systems — café, 日本語.",
          theme: "Theme \(index % 12)", item: EntityID(3), createdAt: date)
}

let environment = ProcessInfo.processInfo.environment
guard let templates = TemplateLibrary.builtInDirectory(environment: environment) else {
    print("Templates/ not found: run from the repository, or set CONVENE_TEMPLATES")
    exit(1)
}
let library = TemplateLibrary(directories: [templates])
let template = try library.sessionTemplate(named: "roundtable")
let renderer = try library.notesRenderer()
let root = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: root) }

print("| points | apply one event | append + fsync one event | load from journal | render notes | peak memory |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
for size in sizes {
    let writer = try SessionWriter.create(in: root, setup: template.setup(title: "Bench \(size)", date: "2026-04-02"), at: date)
    // Build the journal quickly: events applied and written in one go, as a long session leaves them.
    var log = writer.log
    var lines = Data()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    for index in 0..<size {
        let record = try log.record(.pointAdded(point: point(log.session.nextID, index)), at: date)
        lines.append(try encoder.encode(record))
        lines.append(0x0A)
    }
    let folder = writer.folder
    writer.close()
    let handle = try FileHandle(forWritingTo: folder.journal)
    try handle.seekToEnd()
    try handle.write(contentsOf: lines)
    try handle.close()

    // Applying: 1,000 further points on a session of this size, per event.
    var session = log.session
    let applyTotal = seconds(clock.measure {
        for index in 0..<1_000 {
            _ = try? session.apply(.pointAdded(point: point(session.nextID, size + index)))
        }
    })
    let perApply = applyTotal / 1_000

    // Appending with fsync, through the real writer.
    let live = try SessionWriter.open(folder)
    let appendTotal = seconds(try clock.measure {
        for index in 0..<20 {
            try live.apply(.pointAdded(point: point(live.session.nextID, index)), at: date)
        }
    })
    live.close()

    let load = try median(runs: 5) { _ = try folder.load() }
    let loaded = try folder.load().log.session
    let render = median(runs: 5) { _ = renderer.render(loaded) }

    func format(_ seconds: Double) -> String {
        seconds < 0.001 ? String(format: "%.1f µs", seconds * 1e6) : String(format: "%.1f ms", seconds * 1e3)
    }
    print("| \(size) | \(format(perApply)) | \(format(appendTotal / 20)) | \(format(load)) | \(format(render)) | "
        + String(format: "%.1f MB", peakMemoryMB()) + " |")
}
