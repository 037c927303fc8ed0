import ArgumentParser

SingleThreadedOCR.ensure()
do {
    var command = try PrecheckCommand.parseAsRoot()
    if let asyncCommand = command as? any AsyncCommand {
        try await asyncCommand.execute()
    } else {
        try command.run()
    }
} catch {
    PrecheckCommand.exit(withError: error)
}
