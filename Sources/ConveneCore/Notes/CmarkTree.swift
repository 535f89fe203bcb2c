import CCmarkGFM

/// Reading cmark's tree from Swift: the few calls both the notes (reading typed text) and the
/// terminal reader (reading notes files) make.
public enum CmarkTree {
    public static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// The node's kind as cmark names it: "paragraph", "emph", "table_cell", …
    public static func typeName(_ node: OpaquePointer) -> String {
        // The kinds of every document by number, without a string read from C for each of a long
        // record's nodes; the extensions' kinds (tables, strikethrough) are numbered only at run
        // time, so asked for by name.
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: "text"
        case CMARK_NODE_PARAGRAPH: "paragraph"
        case CMARK_NODE_SOFTBREAK: "softbreak"
        case CMARK_NODE_LIST: "list"
        case CMARK_NODE_ITEM: "item"
        case CMARK_NODE_HEADING: "heading"
        case CMARK_NODE_EMPH: "emph"
        case CMARK_NODE_STRONG: "strong"
        case CMARK_NODE_CODE: "code"
        case CMARK_NODE_LINK: "link"
        default: cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        }
    }

    /// A text, code or HTML node's characters; "" for other nodes.
    public static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// A link's or picture's address.
    public static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }
}
