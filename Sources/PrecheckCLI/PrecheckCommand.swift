import ArgumentParser

/// `precheck`: pre-screens applications for CA digital certificates.
struct PrecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precheck",
        abstract: "Pre-screen CA-certificate applications: OCR, seals and cross-checks.",
        subcommands: [CheckCommand.self, BatchCommand.self, ServeCommand.self, EvalCommand.self, SamplesCommand.self, ReadCommand.self,
                      OCRCommand.self])
}

/// A subcommand whose work is asynchronous.
///
/// `main.swift` dispatches to ``execute()`` itself: with ArgumentParser's
/// `AsyncParsableCommand`, top-level code resolved `run()` to the
/// synchronous overload (which only prints help) under Swift 6.3.
protocol AsyncCommand: ParsableCommand {
    func execute() async throws
}
