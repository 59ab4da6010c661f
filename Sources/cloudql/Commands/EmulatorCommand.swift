import ArgumentParser
import AzureEmulator
import Foundation

/// `cloudql emulator`: a local Azure Resource Manager for Azure Virtual Desktop.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local Azure Resource Manager for Microsoft.DesktopVirtualization.",
        subcommands: [Serve.self])
}

extension EmulatorCommand {
    /// `cloudql emulator serve`: serve until SIGINT or SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the emulator until interrupted.",
            discussion: """
                Prints 'listening on http://HOST:PORT' and then 'token: TOKEN' as its first two lines \
                (and 'identity header: SECRET' third with --managed-identity), then serves until SIGINT \
                or SIGTERM. See docs/emulator.md.
                """)

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free port.")
        var port = 0

        @Option(help: "The estate: 'demo' or the path of a scenario JSON file.")
        var scenario: String?

        @Option(help: ArgumentHelp("Generate a large estate instead.", valueName: "pools=N,hosts=M,sessions=K"))
        var generate: String?

        @Option(name: .customLong("latency-ms"), help: "Milliseconds to wait before answering each ARM request.")
        var latencyMilliseconds = 0

        @Option(help: "The bearer token to accept (default: a random one, printed at start).")
        var token: String?

        @Option(name: .customLong("page-size"), help: "Items per page when a request sends no pageSize (1-1000).")
        var pageSize = 50

        @Option(
            name: .customLong("fault"),
            help: ArgumentHelp("Inject a fault (one rule); repeatable.", valueName: FaultSpecError.format))
        var faults: [String] = []

        @Option(
            name: .customLong("faults"),
            help: ArgumentHelp("Inject fault rules separated by ';'; repeatable.", valueName: "RULE[;RULE…]"))
        var faultLists: [String] = []

        @Option(name: .customLong("fault-seed"), help: "The seed of probabilistic fault rules.")
        var faultSeed: UInt64 = 0

        @Option(help: "The tenant of the --client-id applications (default: the scenario's tenant).")
        var tenant: String?

        @Option(name: .customLong("client-id"), help: "Register an application; repeatable, paired in order with --client-secret.")
        var clientIds: [String] = []

        @Option(name: .customLong("client-secret"), help: "The secret of the --client-id at the same position.")
        var clientSecrets: [String] = []

        @Option(
            name: .customLong("client-certificate"),
            help: ArgumentHelp("Let an application sign client assertions with this certificate; repeatable.", valueName: "CLIENT_ID=PEM_FILE"))
        var clientCertificates: [String] = []

        @Option(
            name: .customLong("federated-credential"),
            help: ArgumentHelp("Let an application exchange tokens from ISSUER about SUBJECT; repeatable.", valueName: "CLIENT_ID=ISSUER,SUBJECT"))
        var federatedCredentials: [String] = []

        @Option(
            name: .customLong("managed-identity"), defaultAsFlag: "system", parsing: .next,
            help: ArgumentHelp(
                "Serve managed identities: 'system' (the default), user-assigned client ids, or both, comma-separated.",
                valueName: "system|CLIENT_ID[,…]"))
        var managedIdentity: String?

        @Option(name: .customLong("identity-header"), help: "The X-IDENTITY-HEADER secret (default: a random one, printed at start).")
        var identityHeader: String?

        @Option(name: .customLong("token-lifetime"), help: "Seconds an issued access token is accepted (1-86400).")
        var tokenLifetime = 3_600

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
            guard (0...600_000).contains(latencyMilliseconds) else {
                throw ValidationError("--latency-ms must be between 0 and 600000.")
            }
            guard (1...1_000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 1000.") }
            if let token, token.isEmpty || token.contains(where: \.isWhitespace) {
                throw ValidationError("--token must be non-empty and contain no spaces.")
            }
            if scenario != nil, generate != nil {
                throw ValidationError("Use either --scenario or --generate, not both.")
            }
            guard (1...86_400).contains(tokenLifetime) else { throw ValidationError("--token-lifetime must be between 1 and 86400.") }
            if identityHeader != nil, managedIdentity == nil {
                throw ValidationError("--identity-header needs --managed-identity.")
            }
            _ = try parseFaults()
            _ = try identities(readingFiles: false)
        }

        func run() async throws {
            let scenario = try loadScenario()
            let configuration = EmulatorConfiguration(
                scenario: scenario, host: host, port: port, latency: .milliseconds(latencyMilliseconds),
                token: token, defaultPageSize: pageSize, faults: try parseFaults(), faultSeed: faultSeed,
                identities: try identities(readingFiles: true),
                tokenLifetime: .seconds(tokenLifetime))
            do {
                try configuration.validate()
            } catch let error as EmulatorError {
                throw ValidationError(error.description)
            }
            try await AzureEmulator.serve(configuration) { emulator in
                var lines = "listening on \(emulator.baseURL)\ntoken: \(emulator.token)\n"
                if let header = emulator.identityHeader { lines += "identity header: \(header)\n" }
                // FileHandle writes straight through, so a parent process sees the lines at once.
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        }

        private func loadScenario() throws -> Scenario {
            do {
                if let generate { return try Scenario.generated(spec: generate) }
                guard let scenario, scenario != "demo" else { return .demo }
                return try Scenario.load(contentsOf: URL(fileURLWithPath: scenario))
            } catch let error as ScenarioError {
                throw ValidationError(error.description)
            }
        }

        private func parseFaults() throws -> [Fault] {
            do {
                return try faults.map(Fault.parse) + faultLists.flatMap(Fault.parseRules)
            } catch let error as FaultSpecError {
                throw ValidationError(error.description)
            }
        }

        /// The identities the options register: the n-th `--client-id` with the n-th
        /// `--client-secret`; certificates and federated credentials name their application,
        /// which they register when no `--client-id` did.
        /// - Parameter readingFiles: false to check the options' shape without reading certificates
        ///   (the configuration's own validation checks the values).
        private func identities(readingFiles: Bool) throws -> IdentityConfiguration {
            guard clientSecrets.count == clientIds.count else {
                throw ValidationError(
                    "--client-secret was given \(clientSecrets.count) time(s) and --client-id \(clientIds.count): give one secret "
                        + "per client id, in the same order (an application with only a certificate or federated credential "
                        + "needs no --client-id).")
            }
            var principals: [ServicePrincipal] = []
            func index(of clientId: String) -> Int {
                if let found = principals.firstIndex(where: { $0.clientId.lowercased() == clientId.lowercased() }) { return found }
                principals.append(ServicePrincipal(tenantId: tenant, clientId: clientId))
                return principals.count - 1
            }
            for (clientId, secret) in zip(clientIds, clientSecrets) {
                principals[index(of: clientId)].secrets.append(secret)
            }
            for spec in clientCertificates {
                let (clientId, path) = try Self.split(spec, option: "--client-certificate", format: "CLIENT_ID=PEM_FILE")
                let position = index(of: clientId)
                guard readingFiles else { continue }
                do {
                    let pem = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
                    principals[position].certificates.append(try ClientCertificate(pemEncoded: pem))
                } catch let error as EmulatorError {
                    throw ValidationError("--client-certificate \(spec): \(error.description)")
                } catch {
                    throw ValidationError("--client-certificate \(spec): cannot read '\(path)': \(error.localizedDescription)")
                }
            }
            for spec in federatedCredentials {
                let (clientId, pair) = try Self.split(spec, option: "--federated-credential", format: "CLIENT_ID=ISSUER,SUBJECT")
                guard let comma = pair.firstIndex(of: ","), comma != pair.startIndex, pair.index(after: comma) != pair.endIndex else {
                    throw ValidationError("--federated-credential \(spec): expected CLIENT_ID=ISSUER,SUBJECT.")
                }
                principals[index(of: clientId)].federatedCredentials.append(
                    FederatedCredential(issuer: String(pair[..<comma]), subject: String(pair[pair.index(after: comma)...])))
            }
            var configuration = IdentityConfiguration(servicePrincipals: principals)
            if let managedIdentity {
                let names = managedIdentity.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
                configuration.managedIdentity = ManagedIdentityConfiguration(
                    systemAssigned: names.contains { $0.lowercased() == "system" },
                    userAssigned: names.filter { $0.lowercased() != "system" && !$0.isEmpty }, identityHeader: identityHeader)
            }
            return configuration
        }

        private static func split(_ spec: String, option: String, format: String) throws -> (String, String) {
            guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex, spec.index(after: equals) != spec.endIndex else {
                throw ValidationError("\(option) \(spec): expected \(format).")
            }
            return (String(spec[..<equals]), String(spec[spec.index(after: equals)...]))
        }
    }
}
