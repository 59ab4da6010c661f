// libFuzzer entry point for cloudql's SQL front end: the lexer, statement splitter, name
// rewriter and the parsers of SHOW/DESCRIBE and EXEC. Built with the front end's source files
// by scripts/fuzz.sh; not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontEnd(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    let rewriter = NameRewriter(providers: ["azure"], dollarColumns: ["$filter"])
    guard let statements = try? StatementSplitter.split(text) else { return 0 }
    for statement in statements {
        _ = try? MetadataStatement.parse(statement)
        _ = try? ExecStatement.parse(statement)
        if let once = try? rewriter.rewrite(statement) {
            // Rewriting is idempotent: quoted names are left as they are.
            let twice = try? rewriter.rewrite(once.sql)
            precondition(twice?.sql == once.sql, "rewrite is not idempotent for: \(statement)")
            _ = NameRewriter.insertedBytes(before: once.sql.utf8.count, in: once.sql, original: statement)
        }
    }
    return 0
}
