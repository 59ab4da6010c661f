import ArgumentParser

/// `cloudql`: query and manage Azure with SQL.
@main
struct CloudQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudql",
        abstract: "Query and manage Azure with SQL, in StackQL's dialect.",
        subcommands: [ExecCommand.self, EmulatorCommand.self]
    )
}
