import Foundation

/// The Azure CLI's login: `az account get-access-token --resource … -o json`.
struct AzureCLICredential: TokenCredential {
    let environment: [String: String]

    var name: String { "Azure CLI" }

    func token(scope: String) async throws -> AccessToken {
        guard let az = Self.find("az", in: environment["PATH"] ?? "") else {
            throw CredentialUnavailable(reason: "az not found on PATH")
        }
        let resource = scope.hasSuffix("/.default") ? String(scope.dropLast(".default".count)) : scope
        let (status, output, errorOutput) = try await Self.run(az, ["account", "get-access-token", "--resource", resource, "-o", "json"], environment: environment)
        guard status == 0 else {
            let reason = errorOutput.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
            if reason.localizedCaseInsensitiveContains("az login") {
                throw CredentialUnavailable(reason: "az is not logged in (run az login)")
            }
            throw CloudQLError(.authentication, "Sign-in with the Azure CLI failed: \(reason)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let token = object["accessToken"] as? String, !token.isEmpty else {
            throw CloudQLError(.authentication, "Sign-in with the Azure CLI failed: az account get-access-token printed no accessToken.")
        }
        var expiry = EntraTokenClient.expiry(object)
        if object["expires_on"] == nil, let text = object["expiresOn"] as? String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
            expiry = formatter.date(from: text) ?? expiry
        }
        return AccessToken(token: token, expiresOn: expiry)
    }

    static func find(_ program: String, in path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program on a thread of its own (waiting blocks) and returns status and output.
    private static func run(_ program: String, _ arguments: [String], environment: [String: String]) async throws -> (Int32, String, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: program)
                process.arguments = arguments
                process.environment = environment
                let out = Pipe(), err = Pipe()
                process.standardOutput = out
                process.standardError = err
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                    // Small outputs: reading one pipe after the other cannot fill the other.
                    let output = out.fileHandleForReading.readDataToEndOfFile()
                    let errors = err.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: CloudQLError(.authentication, "Cannot run az: \(error.localizedDescription)"))
                }
            }
        }
    }
}
