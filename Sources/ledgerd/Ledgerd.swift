import ArgumentParser

/// `ledgerd`: the event-sourced trading ledger's command line.
@main
struct Ledgerd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledgerd",
    abstract:
      "An event-sourced trading ledger: an append-only, segmented, LZ4-compressed, checksummed event log.",
    subcommands: [
      ImportCommand.self, CatCommand.self, VerifyCommand.self, StatsCommand.self,
      ProcessCommand.self, DebugAppendCommand.self,
    ]
  )
}

/// The `--log DIR` option shared by every command that reads or writes a log.
struct LogDirectoryOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The log directory.", valueName: "DIR"))
  var log: String
}
