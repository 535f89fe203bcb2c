/// The keys' help over the live screen, scrolled to `offset`: drawn over everything, not only the
/// panel (`LiveScreen.render`).
struct LiveHelp: LiveOverlay {
    var offset = 0

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        let lines = LiveScreen.helpLines(context.keys).count
        if let scrolled = HelpOverlay.scrolled(by: key, from: offset, lines: lines, keys: context.keys) {
            offset = scrolled
        } else {
            context.close()
        }
        return []
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.help) }
}
