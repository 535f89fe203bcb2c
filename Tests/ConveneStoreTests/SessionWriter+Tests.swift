import ConveneStore

extension SessionWriter {
    /// Opens `folder` as a test does, side by side with other tests. A program another test is
    /// starting holds copies of this process's descriptors until its `exec` closes them, and with
    /// them the lock of a writer just closed: the open allows a moment for that, where a person's
    /// second writer would be refused at once.
    static func openInTest(_ folder: SessionFolder) throws -> SessionWriter {
        try open(folder, wait: .seconds(5))
    }
}
