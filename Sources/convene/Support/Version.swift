/// Convene's version: `convene --version` and the metadata of `list --json` read it from here.
enum ConveneVersion {
    static let current = "0.10.0"
}
