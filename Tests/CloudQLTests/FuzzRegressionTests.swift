@testable import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// Inputs the fuzzer (scripts/fuzz.sh) once crashed on: each must now give a result or a clear
/// error, never a trap. The files live in Fuzz/regressions and seed the fuzzer's corpus too.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = {
        let directory = PackagePaths.root.appendingPathComponent("Fuzz/regressions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { try? String(decoding: Data(contentsOf: directory.appendingPathComponent($0)), as: UTF8.self) }
    }()

    @Test func regressionInputsExist() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func frontEndSurvives(input: String) {
        let rewriter = NameRewriter(providers: ["azure"], dollarColumns: ["$filter"])
        for statement in (try? StatementSplitter.split(input)) ?? [] {
            _ = try? MetadataStatement.parse(statement)
            _ = try? ExecStatement.parse(statement)
            if let once = try? rewriter.rewrite(statement) {
                #expect((try? rewriter.rewrite(once.sql))?.sql == once.sql)
            }
        }
    }
}
